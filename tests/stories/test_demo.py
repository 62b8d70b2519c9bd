import io

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from stories import demo
from stories.models import StoryIndexPage, StoryPage, StoryStatus
from tests.conftest import seed_demo_content, totp_code

pytestmark = pytest.mark.django_db


def run_seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seeding_creates_members_a_moderator_and_stories_in_every_status(demo_seeded_for_the_module):
    output = demo_seeded_for_the_module
    for username in ("amani", "priya", "sokha"):
        assert username in output
    assert demo.MODERATOR_TOTP_SECRET in output
    index = StoryIndexPage.objects.get(slug="stories")
    assert index.show_in_menus is True
    stories = StoryPage.objects.child_of(index)
    assert stories.count() >= 12
    assert {story.status for story in stories} >= {
        StoryStatus.DRAFT,
        StoryStatus.IN_REVIEW,
        StoryStatus.CHANGES_REQUESTED,
        StoryStatus.PUBLISHED,
        StoryStatus.WITHDRAWN,
    }
    assert len({story.original_language for story in stories}) >= 5
    moderator = get_user_model().objects.get(username="moderator")
    assert moderator.groups.filter(name="Moderators").exists()
    assert Authenticator.objects.filter(user=moderator, type=Authenticator.Type.TOTP).exists()


def test_seeding_twice_changes_nothing(demo_seeded_for_the_module):
    counts = (Page.objects.count(), Revision.objects.count(), get_user_model().objects.count())
    run_seed()
    assert (Page.objects.count(), Revision.objects.count(), get_user_model().objects.count()) == counts


def test_the_printed_moderator_login_works(client, demo_seeded_for_the_module):
    client.post("/en/accounts/login/", {"login": "moderator", "password": demo.MODERATOR_PASSWORD})
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(demo.MODERATOR_TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    # The demo moderator also reviews feedback: the response list opens, with the responses in it.
    responses = client.get("/admin/feedback/responses/")
    assert responses.status_code == 200
    assert "R-" in responses.content.decode()


def test_the_printed_administrator_login_works_and_needs_its_code(client, demo_seeded_for_the_module):
    output = demo_seeded_for_the_module
    assert f"Administrator: administrator / {demo.ADMINISTRATOR_PASSWORD}" in output
    assert demo.ADMINISTRATOR_TOTP_SECRET in output
    response = client.post("/en/accounts/login/", {"login": "administrator", "password": demo.ADMINISTRATOR_PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert client.get("/admin/users/")["Location"].startswith("/en/accounts/login/")
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(demo.ADMINISTRATOR_TOTP_SECRET)})
    assert client.get("/admin/users/").status_code == 200


def test_the_home_page_features_the_latest_stories(client, demo_seeded_for_the_module):
    content = client.get("/en/").content.decode()
    assert "Stories from our members" in content
    assert content.count('class="card story-card"') == 3


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt", "hi", "sw", "km", "ar"])
def test_the_stories_listing_introduction_is_in_the_readers_language(client, demo_site, language):
    from bs4 import BeautifulSoup

    seed_demo_content("stories")
    page = BeautifulSoup(client.get(f"/{language}/stories/").content.decode(), "html.parser")
    assert page.select_one("main p.lead").get_text(strip=True) == demo.INDEX_INTRO[language]
