"""The quick-exit address: signs out, goes only to the configured neutral site, never cached."""

import pytest
from django.test import Client
from wagtail.models import Site

from home.models import SafetySettings
from tests.stories.factories import MemberFactory


@pytest.fixture
def member_client(demo_site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(MemberFactory().user)
    assert client.get("/en/my-stories/").status_code == 200
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_quick_exit_signs_out_and_goes_to_the_configured_site(member_client, method):
    # POST is what the script's beacon sends: it carries no CSRF token and must still sign out.
    response = getattr(member_client, method)("/quick-exit/")
    assert response.status_code == 302
    assert response.headers["Location"] == "https://www.bbc.com/weather"
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    after = member_client.get("/en/my-stories/")
    assert after.status_code == 302
    assert after.headers["Location"].startswith("/en/accounts/login/")


@pytest.mark.django_db
def test_quick_exit_goes_only_to_the_site_setting(client, demo_site):
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = "https://weather.example.org/today"
    settings.save()
    for query in (
        "?next=https://evil.example.com/",
        "?url=//evil.example.com",
        "?quick_exit_url=https://evil.example.com",
    ):
        response = client.get(f"/quick-exit/{query}")
        assert response.status_code == 302
        assert response.headers["Location"] == "https://weather.example.org/today"


@pytest.mark.django_db
def test_quick_exit_refuses_other_methods(client, demo_site):
    assert client.put("/quick-exit/").status_code == 405


@pytest.mark.django_db
def test_every_page_links_quick_exit_through_the_sign_out_address(client, demo_site):
    html = client.get("/ar/about/").content.decode()
    assert 'href="/quick-exit/"' in html
    assert 'data-exit-target="https://www.bbc.com/weather"' in html
