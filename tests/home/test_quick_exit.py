"""The quick-exit address: signs out, goes only to the configured neutral site, never cached."""

import re

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


def quick_exit_link(client):
    """The quick-exit link as a signed-in page renders it."""
    html = client.get("/en/my-stories/").content.decode()
    return re.search(r'<a class="quick-exit" id="quick-exit" href="([^"]+)"', html).group(1).replace("&amp;", "&")


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_quick_exit_signs_out_and_goes_to_the_configured_site(member_client, method):
    # POST is what the script's beacon sends (to the link's address): no CSRF token, and it must sign out.
    link = quick_exit_link(member_client)
    assert re.fullmatch(r"/quick-exit/\?token=[0-9a-f]{64}", link)
    response = getattr(member_client, method)(link)
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


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("query", ["", "?token=", "?token=0123", "?token=" + "a" * 64])
def test_a_link_from_another_site_goes_to_the_neutral_site_without_signing_out(member_client, method, query):
    """Any website can link or redirect to /quick-exit/ (a top-level navigation carries the Lax session
    cookie): without this session's token it leaves for the neutral site but ends nothing."""
    response = getattr(member_client, method)(f"/quick-exit/{query}")
    assert response.status_code == 302
    assert response.headers["Location"] == "https://www.bbc.com/weather"
    assert member_client.get("/en/my-stories/").status_code == 200


@pytest.mark.django_db
def test_another_sessions_token_signs_nobody_out(demo_site, member_client):
    other = Client()
    other.force_login(MemberFactory().user)
    stolen = quick_exit_link(other)
    member_client.get(stolen)
    assert member_client.get("/en/my-stories/").status_code == 200
    # A token ends only the session it was made for, and only while that session lasts.
    other.get(stolen)
    assert other.get("/en/my-stories/").status_code == 302
    assert other.get("/en/my-stories/").status_code == 302


@pytest.mark.django_db
def test_staff_signed_in_to_the_admin_stay_signed_in_when_another_site_links_quick_exit(client):
    from tests.conftest import sign_in_with_two_steps
    from tests.stories.factories import ModeratorFactory

    sign_in_with_two_steps(client, ModeratorFactory())
    client.get("/quick-exit/")
    assert client.get("/admin/").status_code == 200
