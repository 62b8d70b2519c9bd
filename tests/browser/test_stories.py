"""Stories in a real browser: accessibility, and the whole life of a story from invitation to withdrawal."""

import pytest
from playwright.sync_api import expect

from members.models import InvitationCode
from stories import demo as stories_demo
from stories.models import StoryPage
from tests.conftest import seed_demo_content

from .conftest import assert_no_axe_violations, save_screenshot, sign_in, unhurried_totp_code

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stories_site(browser_page, demo_site):
    seed_demo_content("stories")
    return browser_page


@pytest.mark.parametrize("code", ["en", "ar"])
def test_story_pages_have_no_accessibility_violations(stories_site, code):
    page = stories_site
    for path in (
        "stories/",
        "stories/?theme=healing&my_language=on",
        "stories/speaking-up/",
        "stories/meri-behen/?continue=1",
        "accounts/login/",
        "accounts/signup/",
    ):
        page.goto(f"/{code}/{path}")
        assert_no_axe_violations(page)
    page.goto(f"/{code}/stories/")
    save_screenshot(page, f"stories-{code}")
    sign_in(page, "amani", stories_demo.MEMBER_PASSWORD, language=code)
    for path in (
        "share-your-story/",
        "my-stories/",
        f"my-stories/{StoryPage.objects.get(slug='court-day').pk}/consent/",
        "accounts/2fa/",
        "accounts/password/change/",
    ):
        page.goto(f"/{code}/{path}")
        assert_no_axe_violations(page)
    page.goto(f"/{code}/my-stories/")
    save_screenshot(page, f"my-stories-{code}")


def test_content_notes_work_without_javascript(chromium, live_server, demo_site):
    seed_demo_content("stories")
    story = StoryPage.objects.get(slug="speaking-up")
    story.content_notes_en = "Describes a public meeting."
    story.save_revision().publish()
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/stories/speaking-up/")
    expect(page.locator(".content-notes")).to_contain_text("Describes a public meeting.")
    expect(page.locator("#story-body")).to_have_count(0)
    page.click("text=Continue to the story")
    expect(page.locator("#story-body")).to_contain_text("Now I speak for the chapter")
    context.close()


def test_a_story_from_invitation_to_withdrawal(chromium, live_server, stories_site):
    InvitationCode.objects.create(code="BROWSER-TEST-1")
    member = stories_site

    # The member signs up with the invitation.
    member.goto("/en/accounts/signup/")
    member.fill("#id_invitation_code", "BROWSER-TEST-1")
    member.fill("#id_username", "newteller")
    member.fill("#id_pseudonym", "Nyota")
    member.fill("#id_password1", "a-long-browser-passphrase")
    member.fill("#id_password2", "a-long-browser-passphrase")
    member.select_option("#id_preferred_language", "en")
    member.locator("main form button[type=submit]").click()
    member.wait_for_url("**/en/my-stories/welcome/")

    # ...sets up two-step sign-in (after typing the password again)...
    member.goto("/en/accounts/2fa/totp/activate/")
    member.fill("#id_password", "a-long-browser-passphrase")
    member.locator("main form button[type=submit]").click()
    member.wait_for_url("**/accounts/2fa/totp/activate/")
    secret = member.locator("#totp-secret").inner_text().strip()
    member.fill("#id_code", unhurried_totp_code(secret))
    member.locator("main form button[type=submit]").click()
    member.wait_for_url("**/accounts/2fa/recovery-codes/")

    # ...and shares a story.
    member.goto("/en/share-your-story/")
    assert_no_axe_violations(member)
    member.fill("#id_title", "The lantern in the window")
    member.fill("#id_summary", "A light that someone kept on for me.")
    member.fill("#id_body", "My first paragraph.\n\nMy second paragraph.")
    member.select_option("#id_original_language", "en")
    member.check("#id_consent_publish")
    member.locator("main form.story-form button[type=submit]").click()
    member.wait_for_url("**/en/my-stories/")
    expect(member.locator(".my-story").filter(has_text="The lantern in the window")).to_contain_text("In review")
    story = StoryPage.objects.get(title_en="The lantern in the window")

    # A moderator approves it in the Wagtail admin.
    moderator_context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    moderator = moderator_context.new_page()
    sign_in(moderator, "moderator", stories_demo.MODERATOR_PASSWORD, totp_secret=stories_demo.MODERATOR_TOTP_SECRET)
    moderator.goto(f"/admin/pages/{story.pk}/edit/")
    moderator.get_by_role("button", name="More actions").click()
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    moderator_context.close()
    story.refresh_from_db()
    assert story.live is True

    # It appears in the listing.
    member.goto("/en/stories/")
    expect(member.locator(".story-card").first).to_contain_text("The lantern in the window")
    member.click("text=The lantern in the window")
    expect(member.locator("h1")).to_have_text("The lantern in the window")
    expect(member.locator(".story__meta")).to_contain_text("By Nyota")

    # The member withdraws it: gone from the listing, search and its own URL.
    story_url = member.url
    member.goto("/en/my-stories/")
    member.locator(".my-story").filter(has_text="The lantern in the window").get_by_role(
        "link", name="Withdraw"
    ).click()
    member.get_by_role("button", name="Withdraw now").click()
    member.wait_for_url("**/en/my-stories/")
    expect(member.locator(".my-story").filter(has_text="The lantern in the window")).to_contain_text("Withdrawn")

    visitor_context = chromium.new_context(base_url=live_server.url)
    visitor = visitor_context.new_page()
    visitor.goto("/en/stories/")
    expect(visitor.locator("main")).not_to_contain_text("The lantern in the window")
    visitor.goto("/en/search/?q=lantern")
    expect(visitor.locator("main")).not_to_contain_text("The lantern in the window")
    assert visitor.goto(story_url).status == 404
    visitor_context.close()
