"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Without /usr/bin/chromium the tests are skipped and the run ends by saying how many could not
run; with REQUIRE_BROWSER=1 (as in CI) a missing browser fails them instead.
"""

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import totp_code

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# `make test` runs two processes on a 2-core machine, each with a Chromium and a live server: a
# heavy admin screen can take longer than 15 s to become clickable there.
BROWSER_TIMEOUT_MS = 30_000
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Playwright's sync API runs an event loop in this thread; Django's ORM is only called from the
# test body and the live server thread, never concurrently with that loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing_requirement():
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM}"
    if not AXE_SOURCE.exists():
        return "axe-core not installed (run `npm ci`)"
    return None


def pytest_collection_modifyitems(config, items):
    browser_dir = Path(__file__).resolve().parent
    for item in items:
        if browser_dir in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    problem = _missing_requirement()
    if problem:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{problem}; REQUIRE_BROWSER is set. Install it with `apt-get install chromium` and `npm ci`.")
        pytest.skip(f"BROWSER-UNAVAILABLE: {problem}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium, live_server):
    """A small, cheap phone: 360 px wide."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


def settle(page):
    """Let the page reach what a person finally sees: web fonts in, scripts' first frames drawn, and
    every animation and transition that ends moved to its end at once, not waited for (Wagtail's
    admin pings its notification badge five times for five seconds, and folds its minimap with a
    transition). Checked earlier, a half-folded region can look scrollable with nothing to focus.
    (evaluate, not wait_for_function: the site's CSP forbids the eval that polling would need.)"""
    page.evaluate(
        """async () => {
            await document.fonts.ready;
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            for (const animation of document.getAnimations()) {
                if (animation.effect && animation.effect.getComputedTiming().endTime !== Infinity) animation.finish();
            }
        }"""
    )


def axe_violations(page):
    """Run axe-core in the settled page and return its WCAG 2.2 A/AA violations as (id, targets) pairs."""
    settle(page)
    # Once per page load: a second check of the same page (at another width) finds axe already there.
    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in result["violations"]]


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: " + json.dumps(violations, ensure_ascii=False)


def unhurried_totp_code(secret):
    """The current code for `secret`, made in the first 25 seconds of its 30-second window, so that
    it is still valid when the form reaches the server on a busy machine."""
    seconds_left = 30 - time.time() % 30
    if seconds_left < 5:
        time.sleep(seconds_left + 0.5)
    return totp_code(secret)


def sign_in(page, username, password, totp_secret=None, language="en"):
    """Sign in through the real form, and through the code step when the user's TOTP secret is given.

    The code is worked out on the code page itself: one made before the sign-in page had loaded
    could expire before it was sent.
    """
    page.goto(f"/{language}/accounts/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").click()
    if totp_secret:
        page.wait_for_url("**/accounts/2fa/authenticate/")
        page.fill("#id_code", unhurried_totp_code(totp_secret))
        page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def save_screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture(autouse=True)
def _fresh_cache_for_each_browser_test():
    """Each browser test starts without the sign-in limits and cached pages of the tests before it
    (the live server shares this process's cache, and every test signs in from the same address)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
