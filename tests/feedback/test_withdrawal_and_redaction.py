"""The rules behind withdrawal and redaction, on the model: which answers a receipt code still reaches,
what withdrawing deletes, and what each kind of redaction changes."""

import datetime

import pytest

from feedback.models import AccessLogEntry, FeedbackAnswer, FeedbackResponse
from feedback.receipts import receipt_code_for
from feedback.submission import store_response

from .factories import make_response

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 31)


def sent(program, survey, token, submitted_on=TODAY, **answers):
    """A response as the public form stores it; returns its receipt code."""
    code, _created = store_response(
        program=program,
        version=survey.current_version(),
        language="en",
        channel="web",
        cleaned_data={f"q_{key}": value for key, value in answers.items()},
        token=token,
        submitted_on=submitted_on,
    )
    assert code == receipt_code_for(token)
    return code


def test_a_receipt_code_reaches_its_answers_for_30_days_and_not_on_the_31st(program, survey):
    code = sent(program, survey, "token-1", submitted_on=TODAY - datetime.timedelta(days=30))
    assert FeedbackResponse.objects.withdrawable(code, today=TODAY).count() == 1
    assert FeedbackResponse.objects.withdrawable(code, today=TODAY + datetime.timedelta(days=1)).count() == 0
    assert FeedbackResponse.objects.past_withdrawal(today=TODAY).count() == 0
    assert FeedbackResponse.objects.past_withdrawal(today=TODAY + datetime.timedelta(days=1)).count() == 1


def test_a_receipt_code_typed_in_small_letters_with_spaces_still_reaches_its_answers(program, survey):
    code = sent(program, survey, "token-1")
    assert FeedbackResponse.objects.withdrawable(code.lower().replace("-", " "), today=TODAY).count() == 1


def test_withdrawing_deletes_that_response_and_all_its_answers_and_nothing_else(program, survey):
    code = sent(program, survey, "token-1", **{"feel-safe": 4, "better": "More evening sessions."})
    sent(program, survey, "token-2", **{"feel-safe": 2})
    assert FeedbackAnswer.objects.count() == 3
    assert FeedbackResponse.objects.withdraw(code, today=TODAY) == 1
    assert FeedbackResponse.objects.count() == 1
    assert FeedbackAnswer.objects.count() == 1
    # A second try, or an unknown code, withdraws nothing.
    assert FeedbackResponse.objects.withdraw(code, today=TODAY) == 0
    assert FeedbackResponse.objects.withdraw("AAAA-BBBB-CCCC", today=TODAY) == 0


def test_an_expired_code_withdraws_nothing(program, survey):
    code = sent(program, survey, "token-1", submitted_on=TODAY - datetime.timedelta(days=31))
    assert FeedbackResponse.objects.withdraw(code, today=TODAY) == 0
    assert FeedbackResponse.objects.count() == 1


NAMES_AND_PLACES = "Amina Wanjiru took me to Kibera. I live on 12 Main Street near the village."


def test_redacting_free_text_redacts_the_edit_again_deletes_an_emptied_answer_and_logs_each_time(
    program, survey, reviewer
):
    response = make_response(program, survey, better="Thank you")
    answer = response.answers.get(question_key="better")
    response.redact_free_text({answer.pk: "Call me on 0712 345 678, thank you"}, by=reviewer)
    assert response.answers.get(question_key="better").text == "Call me on [removed], thank you"
    response.redact_free_text({answer.pk: ""}, by=reviewer)
    assert not response.answers.filter(question_key="better").exists()
    log = AccessLogEntry.objects.filter(action=AccessLogEntry.Action.REDACT, user=reviewer)
    assert list(log.values_list("object_reference", flat=True)) == [response.reference] * 2


def test_redacting_highlights_removes_only_ticked_spans_the_text_really_has(program, survey, reviewer):
    response = make_response(program, survey, better=NAMES_AND_PLACES)
    answer = response.answers.get(question_key="better")
    spans = answer.likely_names_and_places()
    assert [NAMES_AND_PLACES[start:end] for start, end in spans] == [
        "Amina Wanjiru",
        "Kibera",
        "12 Main Street",
        "village",
    ]
    # "village" is not ticked, and a key for a span that was never highlighted is ignored.
    chosen = {answer.highlight_key(span) for span in spans[:3]} | {f"{answer.pk}-0-5"}
    response.redact_highlighted(chosen, by=reviewer)
    answer.refresh_from_db()
    assert answer.text == "[removed] took me to [removed]. I live on [removed] near the village."
    assert AccessLogEntry.objects.filter(action=AccessLogEntry.Action.REDACT).count() == 1
