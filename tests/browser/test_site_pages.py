import pytest
from django.conf import settings

from home.demo_content import HOME

from .conftest import assert_no_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

NEUTRAL_SITE = "https://www.bbc.com/weather"


@pytest.fixture
def site(browser_page, demo_site):
    # The neutral site is outside this machine: answer for it locally.
    browser_page.route(
        f"{NEUTRAL_SITE}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"),
    )
    return browser_page


def test_home_page_in_every_language(site):
    for code, _name in settings.LANGUAGES:
        site.goto(f"/{code}/")
        assert site.locator("h1").inner_text() == HOME["title"][code]
        assert site.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
        assert site.locator("#quick-exit").is_visible()
        if code in ("en", "ar"):
            save_screenshot(site, f"home-{code}")


def test_quick_exit_button_leaves_and_is_not_in_history(site):
    site.goto("/en/")
    site.goto("/en/about/")
    site.click("#quick-exit")
    site.wait_for_url(NEUTRAL_SITE)
    site.go_back()
    # The page the button was pressed on was replaced: Back goes to the page before it.
    assert site.url.endswith("/en/")


def test_pressing_shift_three_times_leaves(site):
    site.goto("/en/")
    site.goto("/en/network/")
    for _ in range(3):
        site.keyboard.press("Shift")
    site.wait_for_url(NEUTRAL_SITE)
    site.go_back()
    assert site.url.endswith("/en/")


def test_quick_exit_works_without_javascript(chromium, live_server, demo_site):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.route(
        f"{NEUTRAL_SITE}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"),
    )
    page.goto("/en/about/")
    page.click("#quick-exit")
    page.wait_for_url(NEUTRAL_SITE)
    context.close()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_site_pages_have_no_accessibility_violations(site, code):
    for path in ("", "about/", "network/", "network/sample-chapter-kenya/", "search/?q=Kenya"):
        site.goto(f"/{code}/{path}")
        assert_no_axe_violations(site)


def test_home_page_is_readable_on_a_small_phone(phone_page, demo_site):
    phone_page.goto("/hi/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert phone_page.locator("#quick-exit").is_visible()
