"""A survivor gives feedback on a small phone, skips questions, keeps the receipt code and withdraws."""

import pytest

from feedback.models import FeedbackAnswer, FeedbackResponse, FeedbackSurvey
from tests.conftest import seed_demo_content

from .conftest import assert_no_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PROGRAM = "sample-ke-aftercare"


@pytest.fixture
def survey(phone_page, demo_site):
    seed_demo_content("feedback")
    return FeedbackSurvey.objects.get()


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("#quick-exit").is_visible()


def check_screen(page):
    fits_the_phone(page)
    assert_no_axe_violations(page)


def give_feedback_and_withdraw(page, code):
    page.goto(f"/{code}/feedback/")
    check_screen(page)
    page.click(f"a.feedback-programs__link[href='/{code}/feedback/{PROGRAM}/']")
    page.wait_for_url(f"**/{code}/feedback/{PROGRAM}/")
    check_screen(page)

    page.click(f"a.button[href='/{code}/feedback/{PROGRAM}/questions/']")
    page.wait_for_url("**/questions/")
    check_screen(page)
    # Answer two questions and skip every other one.
    page.check("input[name='q_safe-where-i-live'][value='4']")
    page.check("input[name='q_support-that-helped'][value='counselling']")
    page.fill("textarea[name='q_what-could-be-better']", "More sessions in the evening, call 0712 345 678")
    page.click("button[type='submit']")

    # The code comes in the answer to the form, so no other address or storage ever holds it.
    receipt = page.locator("#receipt-code")
    receipt.wait_for()
    check_screen(page)
    receipt_code = receipt.inner_text().strip()
    assert len(receipt_code.replace("-", "")) >= 10
    stored = FeedbackResponse.objects.filter(is_sample=False).get()
    assert (stored.language, stored.channel) == (code, "web")
    assert sorted(stored.answers.values_list("question_key", "number", "choice", "text")) == [
        ("safe-where-i-live", 4, "", ""),
        ("support-that-helped", None, "counselling", ""),
        ("what-could-be-better", None, "", "More sessions in the evening, call [removed]"),
    ]

    page.click(f"a[href='/{code}/feedback/withdraw/']")
    page.wait_for_url("**/feedback/withdraw/")
    check_screen(page)
    page.fill("#id_receipt_code", receipt_code)
    page.click("button[type='submit']")
    # Nothing is deleted before the survivor confirms.
    page.locator("form input[name='confirm']").wait_for(state="attached")
    check_screen(page)
    assert FeedbackResponse.objects.filter(is_sample=False).count() == 1
    page.click(".feedback-form button[type='submit']")
    page.locator(".notice--success").wait_for()
    check_screen(page)
    assert not FeedbackResponse.objects.filter(is_sample=False).exists()
    assert not FeedbackAnswer.objects.filter(text__startswith="More sessions").exists()
    return page


def test_a_survivor_gives_feedback_in_english_on_a_small_phone_and_withdraws_it(survey, phone_page):
    give_feedback_and_withdraw(phone_page, "en")
    save_screenshot(phone_page, "feedback-withdrawn-en")


def test_a_survivor_gives_feedback_in_swahili_skipping_questions_and_withdraws_it(survey, phone_page):
    phone_page.goto(f"/sw/feedback/{PROGRAM}/questions/")
    assert "Ninajisikia salama mahali ninapoishi sasa." in phone_page.locator("legend").first.inner_text()
    give_feedback_and_withdraw(phone_page, "sw")


def test_every_survey_screen_is_accessible_in_arabic_right_to_left(survey, phone_page):
    phone_page.goto(f"/ar/{survey.slug}/")
    # The survey's own page leads to the one program picker.
    phone_page.wait_for_url("**/ar/feedback/")
    assert phone_page.locator("html").get_attribute("dir") == "rtl"
    check_screen(phone_page)
    give_feedback_and_withdraw(phone_page, "ar")


def test_the_survey_works_without_javascript(chromium, live_server, survey):
    context = chromium.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(f"/en/feedback/{PROGRAM}/questions/")
    page.check("input[name='legal-options-explained'][value='2']".replace("name='", "name='q_"))
    page.click("button[type='submit']")
    page.locator("#receipt-code").wait_for()
    assert page.url.endswith(f"/en/feedback/{PROGRAM}/questions/")
    assert FeedbackResponse.objects.filter(is_sample=False).count() == 1
    save_screenshot(page, "feedback-receipt-en")
    context.close()


def test_a_survivor_in_khmer_sees_where_they_are_and_what_the_scale_means_on_a_small_phone(survey, phone_page):
    phone_page.goto(f"/km/feedback/{PROGRAM}/questions/")
    check_screen(phone_page)
    progress = phone_page.locator(".feedback-question__progress")
    total = progress.count()
    assert total == len(survey.current_version().questions)
    assert progress.nth(2).is_visible()
    scale = phone_page.locator("input[name='q_confident-earning'][value='10'] + label")
    scale.scroll_into_view_if_needed()
    assert scale.is_visible()
    assert scale.inner_text().startswith("10")
    give_feedback_and_withdraw(phone_page, "km")
    save_screenshot(phone_page, "feedback-withdrawn-km")


def test_a_double_click_on_send_still_shows_the_receipt_code(survey, phone_page):
    page = phone_page
    page.goto(f"/en/feedback/{PROGRAM}/questions/")
    page.check("input[name='q_safe-where-i-live'][value='4']")

    def slow_answer(route):
        # A slow mobile network: the answers reach the server, the page takes a second to come back.
        response = route.fetch()
        page.wait_for_timeout(1000)
        route.fulfill(response=response)

    page.route("**/questions/", slow_answer)
    # An impatient second tap while the first answer is on its way back: a second sending would be a
    # replay, whose page carries no code; only one may leave the phone.
    page.evaluate(
        """() => {
            const send = document.querySelector(".feedback-form button[type='submit']");
            send.click();
            setTimeout(() => send.click(), 300);
        }"""
    )
    receipt = page.locator("#receipt-code")
    receipt.wait_for()
    assert len(receipt.inner_text().strip().replace("-", "")) >= 10
    assert FeedbackResponse.objects.filter(is_sample=False).count() == 1


def test_going_back_after_sending_shows_an_empty_form_not_the_answers_just_sent(survey, phone_page):
    # On a shared phone the next person must not find the answers; and sending them again would
    # count one survivor twice.
    page = phone_page
    page.goto(f"/en/feedback/{PROGRAM}/questions/")
    page.check("input[name='q_safe-where-i-live'][value='4']")
    page.fill("textarea[name='q_what-could-be-better']", "More sessions in the evening")
    page.locator("main form button[type=submit]").click()
    page.locator("#receipt-code").wait_for()
    page.go_back()
    page.wait_for_url("**/questions/")
    page.wait_for_load_state()
    assert page.locator("main input[type=radio]:checked").count() == 0
    assert page.locator("textarea[name='q_what-could-be-better']").input_value() == ""
    assert FeedbackResponse.objects.filter(is_sample=False).count() == 1
