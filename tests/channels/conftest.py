import pytest
from django.core.cache import cache

from feedback import demo
from feedback import demo_content as content

from .fake_gateway import FakeGateway


@pytest.fixture(autouse=True)
def _empty_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_survey(demo_site):
    """The demo survey in every language, and the Kenyan demo program (keyword SAUTI)."""
    survey = demo._survey()
    program = demo.demo_program(content.PROGRAMS[0])
    return survey, program


@pytest.fixture
def gateway(settings):
    with FakeGateway() as fake:
        yield fake


@pytest.fixture
def sms_channels(settings, gateway):
    """Every SMS adapter switched on and pointed at the fake gateway (site URL for Twilio: the test server's)."""
    settings.SMS_CHANNELS = gateway.settings("http://testserver")
    return settings.SMS_CHANNELS
