"""Response keys are random UUIDs that say nothing about the order in which people answered."""

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
