"""The program's answer to survivors on its feedback page and on the Impact page, on a 360px phone,
in English and Arabic, checked with axe-core."""

import pytest

from feedback.models import ProgramReply
from programs.models import Program
from tests.conftest import seed_demo_content

from .conftest import assert_no_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PROGRAM = "sample-ke-aftercare"


@pytest.fixture
def answered(phone_page, demo_site):
    seed_demo_content("feedback")
    Program.objects.filter(code=PROGRAM).update(publish_impact=True)
    return ProgramReply.objects.latest_for(Program.objects.get(code=PROGRAM))


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_feedback_page_shows_the_latest_answer_on_a_phone(phone_page, answered, code):
    phone_page.goto(f"/{code}/feedback/{PROGRAM}/")
    section = phone_page.locator("section.program-answer")
    assert section.is_visible()
    first_line = getattr(answered, f"we_did_{code}").splitlines()[0]
    assert section.locator("p", has_text=first_line).is_visible()
    # The whole answer opens without JavaScript (a details element).
    section.locator("summary").click()
    assert section.locator("li", has_text=first_line).is_visible()
    assert phone_page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    fits_the_phone(phone_page)
    save_screenshot(phone_page, f"feedback-answer-{code}")
    assert_no_axe_violations(phone_page)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_impact_page_shows_programs_answers_on_a_phone(phone_page, answered, code):
    phone_page.goto(f"/{code}/impact/")
    first_line = getattr(answered, f"we_did_{code}").splitlines()[0]
    we_did = phone_page.locator("li", has_text=first_line)
    # Each program's latest answer sits in its own section, folded under "More about <program>".
    section = phone_page.locator("section.impact-program", has=we_did)
    assert section.count() == 1
    assert not we_did.is_visible()
    section.locator("details.impact-details > summary").click()
    assert we_did.is_visible()
    assert section.locator(".impact-answers__share").is_visible()
    fits_the_phone(phone_page)
    save_screenshot(phone_page, f"impact-answers-{code}")
    assert_no_axe_violations(phone_page)
