"""A moderator opening a story written in another language than English sees it in that language:
the editor opens on the story's own language, not on an empty English one."""

import pytest
from playwright.sync_api import expect

from stories import demo as stories_demo
from stories.models import StoryPage
from tests.conftest import seed_demo_content

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_editor_opens_a_swahili_story_on_its_swahili_fields(browser_page, demo_site):
    seed_demo_content("stories")
    story = StoryPage.objects.get(slug="sauti-yangu")
    english = StoryPage.objects.get(slug="court-day")
    page = browser_page
    sign_in(
        page,
        "moderator",
        stories_demo.MODERATOR_PASSWORD,
        totp_secret=stories_demo.MODERATOR_TOTP_SECRET,
    )
    page.goto(f"/admin/pages/{story.pk}/edit/")
    picker = page.locator(".locale-picker")
    expect(picker.locator("button.showing-locale")).to_have_text(["sw"])
    expect(page.locator("#id_title_sw")).to_be_visible()
    expect(page.locator("#id_title_sw")).to_have_value("Sauti yangu")
    expect(page.locator("#id_summary_sw")).to_have_value("Nilipata sauti yangu katika kikundi cha manusura.")
    expect(page.locator("#id_summary_en")).to_be_hidden()

    # A story written in English still opens on English.
    page.goto(f"/admin/pages/{english.pk}/edit/")
    expect(page.locator(".locale-picker button.showing-locale")).to_have_text(["en"])
    expect(page.locator("#id_title_en")).to_be_visible()
