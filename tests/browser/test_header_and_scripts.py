"""The header on a phone, account links, language names, and fonts for Khmer and Devanagari."""

import pytest

from stories import demo as stories_demo
from tests.conftest import seed_demo_content

from .conftest import assert_no_axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGE_NAMES = [
    ("en", "English", "ltr"),
    ("es", "Español", "ltr"),
    ("fr", "Français", "ltr"),
    ("pt", "Português", "ltr"),
    ("hi", "हिन्दी", "ltr"),
    ("sw", "Kiswahili", "ltr"),
    ("km", "ខ្មែរ", "ltr"),
    ("ar", "العربية", "rtl"),
]


def phone(chromium, live_server, **options):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, **options
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def space_above_content(page):
    return page.evaluate("document.querySelector('main').getBoundingClientRect().top")


def test_header_and_banners_leave_the_screen_to_the_content(chromium, live_server, demo_site):
    seed_demo_content("stories")
    context, page = phone(chromium, live_server)
    for code in ("en", "sw", "km", "ar"):
        page.goto(f"/{code}/")
        assert space_above_content(page) <= 200, code
    sign_in(page, "amani", stories_demo.MEMBER_PASSWORD)
    page.goto("/en/stories/")
    assert space_above_content(page) <= 200
    context.close()


def test_visitor_finds_sign_in_in_the_phone_menu_without_javascript(chromium, live_server, demo_site):
    context, page = phone(chromium, live_server, java_script_enabled=False)
    page.goto("/en/about/")
    menu = page.locator(".site-menu")
    assert not menu.locator("text=Sign in").is_visible()
    menu.locator("summary").click()
    assert menu.locator(".account-links a").all_inner_texts() == ["Sign in"]
    assert not menu.locator("text=Sign out").count()
    menu.locator("text=Sign in").click()
    # The link brings the reader back to the page they were on.
    page.wait_for_url("**/en/accounts/login/?next=/en/about/")
    context.close()


def test_member_has_my_stories_share_and_sign_out(chromium, live_server, demo_site):
    seed_demo_content("stories")
    context, page = phone(chromium, live_server)
    sign_in(page, "amani", stories_demo.MEMBER_PASSWORD)
    page.goto("/en/about/")
    page.locator(".site-menu summary").click()
    links = page.locator(".site-menu .account-links")
    assert links.locator("a").all_inner_texts() == ["My stories", "Share your story"]
    assert_no_axe_violations(page)
    links.locator("button", has_text="Sign out").click()
    page.wait_for_load_state()
    response = page.request.get("/en/my-stories/", max_redirects=0)
    assert response.status == 302
    assert response.headers["location"].startswith("/en/accounts/login/")
    context.close()


def test_wide_screens_show_the_links_without_a_menu_button(browser_page, demo_site):
    browser_page.goto("/ar/")
    assert not browser_page.locator(".site-menu summary").is_visible()
    assert browser_page.locator(".main-nav a").first.is_visible()
    assert browser_page.locator(".account-links a").inner_text() == browser_page.evaluate(
        "document.querySelector('.account-links a').textContent"
    )
    assert_no_axe_violations(browser_page)


def test_language_menu_names_each_language_in_its_own_script(browser_page, demo_site):
    browser_page.goto("/en/about/")
    browser_page.locator(".language-switcher summary").click()
    links = browser_page.locator(".language-switcher li a")
    found = [(a.get_attribute("lang"), a.inner_text(), a.get_attribute("dir")) for a in links.all()]
    assert found == [(code, name, direction) for code, name, direction in LANGUAGE_NAMES]
    links.nth(1).click()
    browser_page.wait_for_url("**/es/about/")


def font_downloads(page, path):
    fonts = []
    page.on(
        "request",
        lambda request: fonts.append(request.url.rsplit("/", 1)[-1]) if request.resource_type == "font" else None,
    )
    page.goto(path)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    return sorted(fonts)


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/en/", []),
        ("/ar/about/", []),
        ("/km/", ["noto-sans-khmer-regular.woff2"]),
        ("/hi/network/", ["noto-sans-devanagari-regular.woff2"]),
    ],
)
def test_only_khmer_and_hindi_pages_download_their_font(browser_page, demo_site, path, expected):
    assert font_downloads(browser_page, path) == expected


def test_khmer_page_weight_with_its_font(browser_page, demo_site):
    sizes = {}

    def record(response):
        body = response.body() if response.ok else b""
        sizes[response.url.rsplit("/", 1)[-1] or "page"] = len(body)

    browser_page.on("response", record)
    browser_page.goto("/km/")
    browser_page.wait_for_load_state("networkidle")
    total = sum(sizes.values())
    # The budget for a page without images is 100 KB; a Khmer page may add its 15 KB font.
    assert sizes["noto-sans-khmer-regular.woff2"] < 20 * 1024
    assert total < 120 * 1024, sizes
