"""Three journeys on a 360 px phone in Swahili, Hindi, Khmer and Arabic: giving feedback, sharing a
story, and signing up, out and in. On every screen: no English outside what is marked English,
nothing typed lost on an error, focus on the error summary, no sideways scroll with text at 200%,
and axe-core finds nothing (including `region`: all content inside landmarks)."""

import json
import re
from pathlib import Path

import polib
import pytest
from playwright.sync_api import expect

from feedback.models import FeedbackResponse
from members.models import InvitationCode
from stories import demo as stories_demo
from stories.models import StoryPage
from tests.conftest import seed_demo_content

from .conftest import AXE_SOURCE, WCAG_TAGS

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ["sw", "hi", "km", "ar"]
PROGRAM = "sample-ke-aftercare"
ROOT = Path(__file__).resolve().parents[2]
# Words that are the same in English and in these languages, or names.
NOT_ENGLISH = {"Global Survivor Network", "GSN"}


def _english_sentences():
    """Every English text our catalog translates, in pieces between its placeholders and tags.

    A piece of at least two words found on a translated page is a string left in English.
    """
    po = polib.pofile(str(ROOT / "locale" / "sw" / "LC_MESSAGES" / "django.po"))
    pieces = set()
    for entry in po:
        for piece in re.split(r"%\(\w+\)[sd]|%[sd]|<[^>]+>|\{[^}]*\}|\n", entry.msgid):
            piece = piece.strip(" .,:;()“”\"'")
            if len(piece) >= 12 and " " in piece and piece not in NOT_ENGLISH:
                pieces.add(piece)
    return sorted(pieces, key=len, reverse=True)


ENGLISH = _english_sentences()

VISIBLE_TEXT = """(language) => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!element || element.closest("script, style, template, .hp, [aria-hidden=true], .language-switcher")) continue;
    if ((element.closest("[lang]").getAttribute("lang") || "") !== language) continue;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (text) texts.push(text);
  }
  for (const element of document.querySelectorAll("[placeholder], [aria-label]")) {
    if ((element.closest("[lang]").getAttribute("lang") || "") === language) {
      texts.push(element.getAttribute("placeholder") || element.getAttribute("aria-label"));
    }
  }
  return texts.join("\\n");
}"""


def english_on(page, language):
    text = page.evaluate(VISIBLE_TEXT, language)
    return [piece for piece in ENGLISH if piece in text]


def wider_than_the_phone_at_200_percent(page):
    """Text at 200% (a reader's browser setting), then back: the elements that stick out sideways."""
    return page.evaluate(
        """() => {
            const root = document.documentElement;
            const before = root.style.fontSize;
            root.style.fontSize = "200%";
            const wide = [];
            if (root.scrollWidth > root.clientWidth + 1) {
                for (const element of document.body.querySelectorAll("*")) {
                    const box = element.getBoundingClientRect();
                    if (box.width && box.right > root.clientWidth + 1) {
                        wide.push(element.tagName.toLowerCase() + "." + element.className + " " + Math.round(box.left) + ":" + Math.round(box.right) + " " + (element.id || ""));
                    }
                }
                wide.push("page " + root.scrollWidth);
            }
            root.style.fontSize = before;
            return wide.slice(0, 12);
        }"""
    )


def axe_violations_with_regions(page):
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags}, rules: {region: {enabled: true}}, resultTypes: ['violations']})""",
        WCAG_TAGS + ["best-practice"],
    )
    ignored = {"heading-order", "landmark-complementary-is-top-level"}
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in result["violations"] if v["id"] not in ignored]


def check_screen(page, language):
    assert page.locator("html").get_attribute("lang") == language
    assert english_on(page, language) == [], page.url
    wide = wider_than_the_phone_at_200_percent(page)
    assert wide == [], f"{page.url}: {wide}"
    violations = axe_violations_with_regions(page)
    assert violations == [], f"{page.url}: " + json.dumps(violations, ensure_ascii=False)


def focus_is_on_the_error_summary(page):
    return page.evaluate("document.activeElement && document.activeElement.id") == "error-summary"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_survivor_gives_feedback_and_loses_nothing_when_the_page_comes_back(phone_page, demo_site, language):
    seed_demo_content("feedback")
    page = phone_page
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(f"/{language}/feedback/{PROGRAM}/")
    check_screen(page, language)
    start = page.locator(f"a.button[href='/{language}/feedback/{PROGRAM}/questions/']")
    # The start button is on the first screen of a 360x640 phone.
    box = start.bounding_box()
    assert box["y"] + box["height"] <= 640, box
    start.click()
    page.wait_for_url("**/questions/")
    check_screen(page, language)
    assert page.locator("main input[type=radio]:checked").count() == 0

    page.check("input[name='q_safe-where-i-live'][value='4']")
    page.fill("textarea[name='q_what-could-be-better']", "More sessions in the evening")
    # The cookie is gone (a browser that cleared it, a page open overnight): nothing typed is lost.
    page.context.clear_cookies()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#form-sent-again")).to_be_visible()
    assert page.evaluate("document.activeElement && document.activeElement.id") == "form-sent-again"
    expect(page.locator("input[name='q_safe-where-i-live'][value='4']")).to_be_checked()
    expect(page.locator("textarea[name='q_what-could-be-better']")).to_have_value("More sessions in the evening")
    check_screen(page, language)
    assert not FeedbackResponse.objects.filter(is_sample=False).exists()

    page.locator("main form button[type=submit]").click()
    # The answer to the form is the thank-you page itself, with the receipt code shown once.
    page.locator("#receipt-code").wait_for()
    check_screen(page, language)
    assert FeedbackResponse.objects.filter(is_sample=False).count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_shares_a_story_and_loses_nothing_on_an_error(phone_page, demo_site, language):
    seed_demo_content("stories")
    page = phone_page
    page.goto(f"/{language}/accounts/login/?next=/{language}/share-your-story/")
    check_screen(page, language)
    page.fill("#id_login", "amani")
    page.fill("#id_password", stories_demo.MEMBER_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/share-your-story/")
    check_screen(page, language)

    page.fill("#id_summary", "A summary I do not want to type twice.")
    page.fill("#id_body", "First line\nSecond line")
    page.locator("main form.story-form button[type=submit]").click()
    page.wait_for_load_state()
    assert focus_is_on_the_error_summary(page)
    expect(page.locator("#id_summary")).to_have_value("A summary I do not want to type twice.")
    expect(page.locator("#id_body")).to_have_value("First line\nSecond line")
    check_screen(page, language)

    before = StoryPage.objects.count()
    page.fill("#id_title", "Kept words")
    page.check("#id_consent_publish")
    page.locator("main form.story-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/my-stories/")
    check_screen(page, language)
    assert StoryPage.objects.count() == before + 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_signing_up_out_and_in_keeps_the_language_and_what_was_typed(phone_page, demo_site, language):
    InvitationCode.objects.create(code="K7M2-9QXD")
    page = phone_page
    page.goto(f"/{language}/accounts/signup/?code=K7M2-9QXD")
    check_screen(page, language)
    page.fill("#id_username", f"reader-{language}")
    page.fill("#id_pseudonym", "Baraka")
    page.fill("#id_password1", "a-long-browser-passphrase")
    page.fill("#id_password2", "another-browser-passphrase")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert focus_is_on_the_error_summary(page)
    expect(page.locator("#error-summary a[href='#id_password2']")).to_be_visible()
    expect(page.locator("#id_username")).to_have_value(f"reader-{language}")
    expect(page.locator("#id_pseudonym")).to_have_value("Baraka")
    check_screen(page, language)

    page.fill("#id_password1", "a-long-browser-passphrase")
    page.fill("#id_password2", "a-long-browser-passphrase")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/my-stories/welcome/")
    check_screen(page, language)

    page.locator(".site-menu summary").click()
    page.locator(".account-links button[type=submit]").click()
    page.wait_for_url(f"**/{language}/")
    assert page.url.endswith(f"/{language}/")

    page.goto(f"/{language}/feedback/")
    page.locator(".site-menu summary").click()
    page.locator(".account-links a").click()
    page.wait_for_url(lambda url: f"/{language}/accounts/login/?next=/{language}/feedback/" in url)
    page.fill("#id_login", f"reader-{language}")
    page.fill("#id_password", "not-the-password")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert focus_is_on_the_error_summary(page)
    expect(page.locator("#id_login")).to_have_value(f"reader-{language}")
    check_screen(page, language)
    page.fill("#id_password", "a-long-browser-passphrase")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/feedback/")


@pytest.mark.parametrize("language", ["en", "km", "ar"])
def test_the_home_page_and_the_stories_listing_never_scroll_sideways_at_200_percent(phone_page, demo_site, language):
    seed_demo_content("stories")
    page = phone_page
    for path in (f"/{language}/", f"/{language}/stories/"):
        page.goto(path)
        assert page.locator("main .card").count() > 0, path
        wide = wider_than_the_phone_at_200_percent(page)
        assert wide == [], f"{path}: {wide}"


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_the_survey_picker_questions_and_a_chapter_page_never_scroll_sideways_at_200_percent(
    phone_page, demo_site, language
):
    seed_demo_content("feedback")
    page = phone_page
    page.goto(f"/{language}/network/")
    chapter = page.locator("main a[href*='/network/sample-chapter-brazil/']").first.get_attribute("href")
    for path in (f"/{language}/feedback/", f"/{language}/feedback/sample-ke-aftercare/questions/", chapter):
        page.goto(path)
        wide = wider_than_the_phone_at_200_percent(page)
        assert wide == [], f"{path}: {wide}"
