"""Quick exit in a real browser: it never fires by accident, it signs out, and it never covers focus."""

import time

import pytest

from stories import demo as stories_demo
from tests.conftest import seed_demo_content

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NEUTRAL_SITE = "https://www.bbc.com/weather"


def answer_for_the_neutral_site(page):
    # The neutral site is outside this machine: answer for it locally.
    page.route(
        f"{NEUTRAL_SITE}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"),
    )


@pytest.fixture
def member_page(browser_page, demo_site):
    seed_demo_content("stories")
    answer_for_the_neutral_site(browser_page)
    sign_in(browser_page, "amani", stories_demo.MEMBER_PASSWORD)
    return browser_page


def still_here(page, path):
    # Longer than the window in which three presses count, so a late exit would be seen.
    page.wait_for_timeout(2200)
    return page.url.endswith(path)


def lone_shift(page, times=3):
    for _ in range(times):
        page.keyboard.press("Shift")


def my_stories_status(page):
    """A fresh request with the browser's cookies: 200 while signed in, a redirect to sign-in after."""
    response = page.request.get("/en/my-stories/", max_redirects=0)
    return response.status, response.headers.get("location", "")


def test_shift_tab_three_times_never_leaves(member_page):
    page = member_page
    page.goto("/en/share-your-story/")
    page.fill("#id_title", "A half-written story")
    page.focus("#id_country")
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    assert still_here(page, "/en/share-your-story/")
    assert page.input_value("#id_title") == "A half-written story"
    # Moving backwards through links, outside any text field, does not leave either.
    page.goto("/en/")
    page.locator("footer a").last.focus()
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    assert still_here(page, "/en/")


def test_typing_capital_letters_never_leaves(member_page):
    page = member_page
    page.goto("/en/share-your-story/")
    page.focus("#id_title")
    for word in ("My", "Na", "Is"):
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{word[0]}")
        page.keyboard.up("Shift")
        page.keyboard.type(word[1:] + " ")
    assert still_here(page, "/en/share-your-story/")
    assert page.input_value("#id_title") == "My Na Is "


def test_shift_layer_letters_outside_a_text_field_never_leave(member_page):
    # Hindi (Inscript), Khmer and Arabic keyboards put letters on the Shift layer of these keys
    # (for example Shift+E is "ऐ" on Inscript): a key other than Shift goes down while Shift is held.
    page = member_page
    page.goto("/en/about/")
    for key in ("KeyE", "KeyQ", "Quote"):
        page.keyboard.down("Shift")
        page.keyboard.press(key)
        page.keyboard.up("Shift")
    assert still_here(page, "/en/about/")


def test_three_lone_shifts_inside_a_text_field_never_leave(member_page):
    page = member_page
    page.goto("/en/share-your-story/")
    page.fill("#id_body", "Something I want to keep")
    page.focus("#id_body")
    lone_shift(page)
    assert still_here(page, "/en/share-your-story/")
    page.focus("#id_title")
    lone_shift(page)
    assert still_here(page, "/en/share-your-story/")
    assert page.input_value("#id_body") == "Something I want to keep"


def test_shift_with_another_key_held_never_leaves(member_page):
    page = member_page
    page.goto("/en/about/")
    page.keyboard.down("Control")
    lone_shift(page)
    page.keyboard.up("Control")
    assert still_here(page, "/en/about/")
    page.keyboard.down("ArrowDown")
    lone_shift(page)
    page.keyboard.up("ArrowDown")
    assert still_here(page, "/en/about/")


def test_three_lone_shifts_leave_and_sign_the_member_out(member_page):
    page = member_page
    assert my_stories_status(page) == (200, "")
    page.goto("/en/")
    page.goto("/en/about/")
    lone_shift(page)
    page.wait_for_url(NEUTRAL_SITE)
    deadline = time.monotonic() + 10
    while my_stories_status(page)[0] == 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    status, location = my_stories_status(page)
    assert status == 302
    assert location.startswith("/en/accounts/login/")
    # The page the keys were pressed on was replaced: Back goes to the page before it.
    page.go_back()
    assert page.url.endswith("/en/")


def test_quick_exit_button_signs_out_without_javascript(chromium, live_server, demo_site):
    seed_demo_content("stories")
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    answer_for_the_neutral_site(page)
    sign_in(page, "amani", stories_demo.MEMBER_PASSWORD)
    assert my_stories_status(page) == (200, "")
    page.goto("/en/about/")
    page.click("#quick-exit")
    page.wait_for_url(NEUTRAL_SITE)
    status, location = my_stories_status(page)
    assert status == 302
    assert location.startswith("/en/accounts/login/")
    context.close()


def test_quick_exit_bar_is_compact_on_a_phone(chromium, live_server, demo_site):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    for code in ("en", "km", "ar"):
        page.goto(f"/{code}/")
        height = page.locator(".quick-exit-bar").bounding_box()["height"]
        assert height <= 0.08 * 640, (code, height)
        # Touch screens have no Shift key: the keyboard hint is not shown.
        assert not page.locator(".quick-exit-hint").is_visible()
        page.locator(".quick-exit-help summary").click()
        assert not page.locator(".quick-exit-help .keyboard-only").is_visible()
        assert page.locator(".quick-exit-help__text").is_visible()
    context.close()


def test_keyboard_hint_is_shown_where_there_is_a_keyboard(browser_page, demo_site):
    browser_page.goto("/en/")
    assert browser_page.locator(".quick-exit-hint").inner_text() == "or press Shift three times"
    browser_page.locator(".quick-exit-help summary").click()
    help_text = browser_page.locator(".quick-exit-help__text").inner_text()
    assert "stay in your browser's Back history" in help_text
    assert "private window" in help_text
    assert "press the Shift key three times on its own" in help_text


@pytest.mark.parametrize("code", ["ar", "km"])
def test_focus_never_hides_under_the_bar_at_200_percent_text(chromium, live_server, demo_site, code):
    seed_demo_content("stories")
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    sign_in(page, "amani", stories_demo.MEMBER_PASSWORD, language=code)
    page.goto(f"/{code}/share-your-story/")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    page.wait_for_timeout(100)
    page.locator("#id_title").focus()
    hidden, checked = [], set()
    for _step in range(60):
        page.keyboard.press("Tab")
        overlap = page.evaluate(
            """() => {
                const el = document.activeElement;
                // The skip link is drawn above the bar when it has focus.
                if (!el || el === document.body || el.closest('.quick-exit-bar, .skip-link')) { return null; }
                const bar = document.querySelector('.quick-exit-bar').getBoundingClientRect();
                const box = el.getBoundingClientRect();
                if (box.width === 0 && box.height === 0) { return null; }
                return box.top < bar.bottom ? [el.id || el.name || el.tagName, box.top, bar.bottom] : null;
            }"""
        )
        if overlap:
            hidden.append(overlap)
        checked.add(page.evaluate("document.activeElement.id || document.activeElement.name || ''"))
    assert hidden == []
    # The walk went through the whole form, down to the consent boxes at its end.
    assert {"id_summary", "id_body", "id_country", "id_consent_publish"} <= checked
    context.close()
