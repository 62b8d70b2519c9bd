"""Response keys are random UUIDs that say nothing about the order in which people answered."""

import re
import uuid

import pytest

from feedback.models import FeedbackResponse

from .factories import make_response


@pytest.mark.django_db
def test_new_responses_get_random_uuid_keys_that_do_not_follow_the_order_of_arrival(program, survey):
    responses = [make_response(program, survey, feel_safe=4) for _ in range(20)]
    assert all(isinstance(response.pk, uuid.UUID) and response.pk.version == 4 for response in responses)
    keys = [response.pk for response in responses]
    assert keys != sorted(keys)
    assert FeedbackResponse.objects.filter(pk=keys[0]).get().answers.count() == 1


@pytest.mark.django_db
def test_answer_keys_are_random_uuids_and_the_redaction_screen_shows_no_order_of_arrival(
    client, reviewer, program, survey
):
    """An auditor reads the redaction screen's field names: sequential answer ids there told which
    written answer came before which, and how many answers came in between."""
    from feedback.models import FeedbackAnswer
    from tests.conftest import sign_in_with_two_steps

    from .test_admin import record_urls

    responses = [make_response(program, survey, feel_safe=4, better=f"Answer number {n}.") for n in range(12)]
    answers = [response.answers.get(question_key="better") for response in responses]
    assert all(isinstance(answer.pk, uuid.UUID) and answer.pk.version == 4 for answer in answers)
    keys = [answer.pk for answer in answers]
    assert keys != sorted(keys) and keys != sorted(keys, reverse=True)
    assert FeedbackAnswer.objects.filter(pk=keys[0]).get().text == "Answer number 0."
    sign_in_with_two_steps(client, reviewer)
    page = client.get(record_urls(responses[5])["redact"]).content.decode()
    assert f'name="answer_{keys[5]}"' in page
    assert not re.search(r'name="answer_\d+"', page)
    assert client.post(record_urls(responses[5])["redact"], {f"answer_{keys[5]}": "Changed."}).status_code == 302
    assert FeedbackAnswer.objects.get(pk=keys[5]).text == "Changed."
