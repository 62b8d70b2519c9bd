"""Moving the admin (settings.ADMIN_URL_PATH) moves every rule that guards it: nothing names "/admin/"."""

import pytest
from django.urls import clear_url_caches

from tests.conftest import give_totp_authenticator, sign_in_with_two_steps
from tests.stories.factories import ModeratorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved_admin(settings):
    settings.PRIVATE_PATH_PREFIXES = ("accounts/", "feedback/", "my-stories/", "share-your-story/", "backstage/")
    settings.ROOT_URLCONF = "tests.security.moved_admin_urls"
    clear_url_caches()
    yield
    clear_url_caches()


def test_the_moved_admin_still_asks_a_password_only_session_for_the_code(client, moved_admin):
    moderator = give_totp_authenticator(ModeratorFactory(username="moderator"))
    client.force_login(moderator)  # a session opened without the code step
    response = client.get("/backstage/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/reauthenticate/?next=/backstage/"


def test_the_moved_admin_keeps_its_policy_and_is_never_cached(client, moved_admin):
    sign_in_with_two_steps(client, ModeratorFactory())
    response = client.get("/backstage/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "script-src-attr 'unsafe-hashes'" in response["Content-Security-Policy"]
    assert client.get("/backstage/login/")["Location"] == "/en/accounts/login/"
