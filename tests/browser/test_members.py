"""A new member from a printed slip to the welcome page; the slip itself; a temporary password."""

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from members.models import InvitationCode, MemberProfile
from stories import demo as stories_demo
from tests.conftest import seed_demo_content

from .conftest import assert_no_axe_violations, save_screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_the_slip_link_to_the_welcome_page_on_a_phone(phone_page, demo_site):
    InvitationCode.objects.create(code="K7M2-9QXD")
    page = phone_page
    page.goto("/en/accounts/signup/?code=k7m2-9qxd")
    expect(page.locator("#id_invitation_code")).to_have_value("k7m2-9qxd")
    expect(page.locator("#id_preferred_language")).to_have_value("en")
    assert_no_axe_violations(page)
    page.fill("#id_username", "slipreader")
    page.fill("#id_pseudonym", "Baraka")
    page.fill("#id_password1", "a-long-browser-passphrase")
    page.fill("#id_password2", "a-long-browser-passphrase")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/en/my-stories/welcome/")
    expect(page.locator("h1")).to_have_text("Welcome, Baraka")
    expect(page.locator("main")).to_contain_text("Your account is ready. Here is what happens next.")
    assert_no_axe_violations(page)
    save_screenshot(page, "welcome-phone")
    page.get_by_role("link", name="Share your story").click()
    page.wait_for_url("**/en/share-your-story/")
    assert MemberProfile.objects.get(user__username="slipreader").pseudonym == "Baraka"


def test_staff_print_a_slip_in_the_members_language(browser_page, demo_site):
    seed_demo_content("stories")
    invitation = InvitationCode.objects.create(code="K7M2-9QXD", expires_at=datetime(2027, 3, 3, 12, tzinfo=UTC))
    page = browser_page
    sign_in(page, "moderator", stories_demo.MODERATOR_PASSWORD, totp_secret=stories_demo.MODERATOR_TOTP_SECRET)
    page.goto("/admin/snippets/members/invitationcode/")
    row = page.locator("tr").filter(has_text="K7M2-9QXD")
    expect(row).to_contain_text("Unused, expires 3 March 2027")
    page.goto(f"/admin/snippets/members/invitationcode/slip/{invitation.pk}/")
    page.select_option("#id_language", "fr")
    page.get_by_role("button", name="Show the slip in this language").click()
    page.wait_for_url("**?language=fr")
    slip = page.locator("section.slip")
    expect(slip).to_have_attribute("lang", "fr")
    expect(slip.locator(".slip-code")).to_have_text("K7M2-9QXD")
    expect(slip).to_contain_text("3 mars 2027")
    expect(slip.locator(".slip-qr svg")).to_be_visible()
    assert_no_axe_violations(page)
    page.emulate_media(media="print")
    expect(page.locator(".slip-controls")).to_be_hidden()
    expect(slip.locator(".slip-code")).to_be_visible()
    save_screenshot(page, "invitation-slip-print")


def test_a_temporary_password_must_be_replaced_at_sign_in(browser_page, demo_site):
    seed_demo_content("stories")
    profile = MemberProfile.objects.get(user__username="amani")
    moderator = profile.user.__class__.objects.get(username="moderator")
    profile.set_temporary_password("paper-slip-4821-river", by=moderator)
    page = browser_page
    sign_in(page, "amani", "paper-slip-4821-river")
    page.goto("/en/my-stories/")
    page.wait_for_url("**/en/accounts/password/change/")
    assert_no_axe_violations(page)
    page.fill("#id_oldpassword", "paper-slip-4821-river")
    page.fill("#id_password1", "amani-chooses-her-own")
    page.fill("#id_password2", "amani-chooses-her-own")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    sign_in(page, "amani", "amani-chooses-her-own")
    page.goto("/en/my-stories/")
    expect(page.locator("h1")).to_have_text("My stories")


def test_a_moderator_sees_what_waits_and_handles_a_report_in_plain_words(browser_page, demo_site):
    from stories.models import ContentReport, StoryPage

    seed_demo_content("stories")
    story = StoryPage.objects.live().first()
    for key in "abcde":
        ContentReport.objects.create(story=story, reason="harmful", note=f"Reader note {key}", reporter_key=key * 64)
    page = browser_page
    sign_in(page, "moderator", stories_demo.MODERATOR_PASSWORD, totp_secret=stories_demo.MODERATOR_TOTP_SECRET)
    page.goto("/admin/")
    panel = page.locator("section").filter(has=page.get_by_role("heading", name="Waiting for moderators"))
    expect(panel).to_contain_text("0 stories on hold · 5 open reports")
    page.goto("/admin/snippets/stories/contentreport/")
    expect(page.locator("main")).to_contain_text("Reader note a")
    page.locator("main thead input[type=checkbox]").check()
    expect(page.locator("[data-bulk-action-num-objects]")).to_have_text("All 5 reports on this screen selected")
    assert_no_axe_violations(page)
    report = ContentReport.objects.get(note="Reader note a")
    page.goto(f"/admin/snippets/stories/contentreport/edit/{report.pk}/")
    page.wait_for_url(f"**/contentreport/inspect/{report.pk}/")
    expect(page.locator("textarea, select")).to_have_count(0)
    page.get_by_role("link", name="Dismiss", exact=True).click()
    page.get_by_role("button", name="Yes, go ahead").click()
    page.wait_for_url("**/admin/snippets/stories/contentreport/")
    report.refresh_from_db()
    assert report.status == "dismissed"
