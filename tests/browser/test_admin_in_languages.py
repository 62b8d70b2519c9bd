"""The admin screens the moderator, program staff and survivor leaders use, in each language Wagtail's
admin ships that the site offers (Spanish, French, Portuguese as Brazilian Portuguese, Arabic right to
left): axe-core finds no WCAG 2.2 A/AA violation, and the screen really is in that language.

Staff get the admin in the language they signed in on (members.middleware); here the sign-in is the
tested helper's two-step session, marked with that language as the sign-in page marks it.
"""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from feedback import demo_content
from members.adapter import READER_LANGUAGE_KEY
from programs.models import Program
from stories.models import StoryIndexPage, StoryPage
from tests.conftest import seed_demo_content, sign_in_with_two_steps

from .conftest import BROWSER_TIMEOUT_MS, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

# The site's language, the admin's language it gets, and the admin's word for "Dashboard".
LANGUAGES = [
    ("es", "es", "Panel de control"),
    ("fr", "fr", "Tableau de bord"),
    ("pt", "pt-br", "Painel"),
    ("ar", "ar", "لوحة التحكم"),
]


def screens_by_role():
    User = get_user_model()
    story = StoryPage.objects.get(slug="sauti-yangu")
    stories = StoryIndexPage.objects.get()
    program = Program.objects.filter(staff__username=demo_content.DEMO_STAFF_USERNAME).get()
    return {
        User.objects.get(username="moderator"): [
            "/admin/",
            f"/admin/pages/{stories.pk}/",
            f"/admin/pages/{story.pk}/edit/",
            "/admin/snippets/stories/contentreport/",
            "/admin/snippets/members/invitationcode/",
        ],
        User.objects.get(username=demo_content.DEMO_STAFF_USERNAME): [
            "/admin/",
            "/admin/feedback/responses/",
            "/admin/feedback/report/",
            "/admin/snippets/feedback/programreply/",
            "/admin/snippets/feedback/programreply/add/",
            "/admin/outcomes/reports/",
            f"/admin/outcomes/reports/{program.pk}/",
        ],
        User.objects.get(username=demo_content.SURVIVOR_LEADER_USERNAME): ["/admin/"],
    }


def signed_in_context(chromium, live_server, user, language):
    client = sign_in_with_two_steps(Client(), user)
    session = client.session
    session[READER_LANGUAGE_KEY] = language
    session.save()
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context


# One test per language, so that the languages are shared out between the test processes.
@pytest.mark.parametrize(("language", "admin_language", "dashboard"), LANGUAGES)
def test_the_admin_screens_of_every_role_have_no_accessibility_violation_in_each_admin_language(
    chromium, live_server, demo_site, language, admin_language, dashboard
):
    seed_demo_content("stories", "feedback")
    found, wrong_language = {}, []
    for user, screens in screens_by_role().items():
        context = signed_in_context(chromium, live_server, user, language)
        page = context.new_page()
        page.set_default_timeout(BROWSER_TIMEOUT_MS)
        try:
            for path in screens:
                response = page.goto(path)
                assert response.status == 200, f"{user} {path}: {response.status}"
                if page.locator("html").get_attribute("lang") != admin_language:
                    wrong_language.append(f"{user} {language} {path}")
                violations = axe_violations(page)
                if violations:
                    found[f"{user} {language} {path}"] = violations
            page.goto("/admin/")
            assert dashboard in page.title(), f"{user} {language}: {page.title()}"
        finally:
            context.close()
    assert wrong_language == []
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_folded_minimap_scrolls_by_keyboard_and_leaves_the_tab_order_when_unfolded(
    chromium, live_server, demo_site
):
    seed_demo_content("stories")
    story = StoryPage.objects.get(slug="sauti-yangu")
    context = signed_in_context(chromium, live_server, get_user_model().objects.get(username="moderator"), "en")
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    try:
        page.goto(f"/admin/pages/{story.pk}/edit/")
        markers, toggle = page.locator(".w-minimap__list"), page.locator("#w-minimap-toggle")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        # Folded, the markers are out of the tab order and the list is taller than its box.
        expect(markers).to_have_attribute("tabindex", "0")
        markers.focus()
        page.keyboard.press("PageDown")
        expect(markers).not_to_have_js_property("scrollTop", 0)

        # Wagtail's "]" unfolds it: the markers take the focus, the list leaves the tab order and
        # hands the focus it had to the toggle, not to the page's top.
        page.keyboard.press("]")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(markers).not_to_have_attribute("tabindex", "0")
        expect(toggle).to_be_focused()
        assert page.locator(".w-minimap-item").first.get_attribute("tabindex") is None

        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(markers).to_have_attribute("tabindex", "0")
    finally:
        context.close()
