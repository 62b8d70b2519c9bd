"""A survey sent with no answer at all is not stored: it would count as one more response in every
released figure while saying nothing. The survivor is told so in their language, and nothing they
chose is lost (there is nothing to lose, but the form comes back ready to send)."""

import re

import pytest
from django.urls import reverse

from feedback.models import FeedbackResponse
from feedback.receipts import read_submission_token
from tests.conftest import sign_in_with_two_steps

from .test_public_flow import fresh_form, questions_url

pytestmark = pytest.mark.django_db

NOTHING_ANSWERED = {
    "en": "No question has an answer, so nothing was sent. Answer at least one question, or leave this page if you do not want to send anything.",
    "sw": "Hakuna swali lililojibiwa, kwa hiyo hakuna kilichotumwa. Jibu angalau swali moja, au ondoka kwenye ukurasa huu kama hutaki kutuma chochote.",
    "ar": "لا توجد إجابة عن أي سؤال، لذلك لم يُرسَل شيء. أجب عن سؤال واحد على الأقل، أو غادر هذه الصفحة إذا كنت لا تريد إرسال أي شيء.",
}


@pytest.mark.parametrize("language", sorted(NOTHING_ANSWERED))
def test_a_survey_sent_with_no_answer_is_not_stored_and_says_why_in_the_readers_language(client, program, language):
    token = fresh_form(client, program, language)
    response = client.post(questions_url(program, language), {"submission_token": token})
    assert response.status_code == 400
    html = response.content.decode()
    notice = re.search(r'<p class="notice notice--warning" role="alert" id="nothing-answered"[^>]*>([^<]+)</p>', html)
    assert notice.group(1) == NOTHING_ANSWERED[language]
    assert "data-focus-on-load" in notice.group(0)
    # The general "answers could not be accepted" summary would send them looking for a marked question.
    assert 'id="error-summary"' not in html
    fresh = re.search(r'name="submission_token" value="([^"]+)"', html).group(1)
    assert read_submission_token(fresh) is not None
    assert FeedbackResponse.objects.count() == 0


def test_skipping_every_question_on_purpose_is_the_same_as_answering_none(client, program):
    token = fresh_form(client, program)
    skipped_everything = {"submission_token": token, "q_feel-safe": "", "q_better": "   ", "q_helped": []}
    response = client.post(questions_url(program), skipped_everything)
    assert response.status_code == 400
    assert NOTHING_ANSWERED["en"] in response.content.decode()
    assert FeedbackResponse.objects.count() == 0


@pytest.mark.parametrize(
    "one_answer", [{"q_feel-safe": "4"}, {"q_helped": ["counselling"]}, {"q_better": "They listened."}]
)
def test_one_answer_of_any_kind_is_enough_to_send_the_survey(client, program, one_answer):
    token = fresh_form(client, program)
    response = client.post(questions_url(program), {"submission_token": token, **one_answer})
    assert response.status_code == 200
    assert 'id="receipt-code"' in response.content.decode()
    assert FeedbackResponse.objects.count() == 1


def test_staff_typing_in_an_empty_paper_form_are_told_and_nothing_is_stored(client, program_staff, program, survey):
    staff_client = sign_in_with_two_steps(client, program_staff)
    url = reverse("feedback_admin:assisted_entry") + f"?survey={survey.pk}"
    token = re.search(r'name="submission_token" value="([^"]+)"', staff_client.get(url).content.decode()).group(1)
    data = {
        "submission_token": token,
        "program": program.pk,
        "channel": "paper",
        "language": "sw",
        "submitted_on": "2026-05-04",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 400
    assert NOTHING_ANSWERED["en"] in response.content.decode()
    assert FeedbackResponse.objects.count() == 0
