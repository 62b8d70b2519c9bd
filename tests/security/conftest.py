import pytest

from tests.security.admin_world import build_world


@pytest.fixture
def world(demo_site):
    return build_world(demo_site)
