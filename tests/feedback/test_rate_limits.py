"""Limits stop floods without turning away a room of survivors on one shelter network."""

import logging
import re

import pytest

from feedback.models import FeedbackResponse

from .test_public_flow import fresh_form, questions_url

pytestmark = pytest.mark.django_db

SHELTER = "203.0.113.10"


def send(client, program, token, **answers):
    data = {"submission_token": token, **{f"q_{key}": value for key, value in answers.items()}}
    return client.post(questions_url(program), data, REMOTE_ADDR=SHELTER)


def test_forty_survivors_on_one_shelter_network_are_all_stored(client, program):
    statuses = [
        send(client, program, fresh_form(client, program), **{"feel-safe": "4", "better": f"Survivor {n}"}).status_code
        for n in range(40)
    ]
    assert statuses == [200] * 40
    assert FeedbackResponse.objects.count() == 40


def test_a_replayed_form_token_is_refused_with_the_answers_kept(client, program, settings):
    token = fresh_form(client, program)
    statuses = [
        send(client, program, token, **{"feel-safe": "2", "better": "Evening classes please"}).status_code
        for _ in range(6)
    ]
    assert statuses == [200] * settings.FEEDBACK_SUBMISSIONS_PER_TOKEN + [429]
    assert FeedbackResponse.objects.count() == 1
    limited = send(client, program, token, **{"feel-safe": "2", "better": "Evening classes please"})
    text = limited.content.decode()
    assert limited.status_code == 429
    assert "Too many answers have arrived from here in a short time, so yours were not sent yet." in text
    assert "Evening classes please</textarea>" in text
    assert re.search(r'name="q_feel-safe" value="2"[^>]*checked', text)
    assert f'name="submission_token" value="{token}"' in text


def test_a_flood_beyond_the_address_ceiling_gets_429_and_keeps_what_was_typed(client, program, settings, caplog):
    settings.FEEDBACK_SUBMISSIONS_PER_HOUR = 50
    settings.FEEDBACK_ANOMALY_PER_HOUR = 30
    with caplog.at_level(logging.WARNING, logger="gsn.ratelimits"):
        statuses = [
            send(client, program, fresh_form(client, program), **{"feel-safe": "5"}).status_code for _ in range(50)
        ]
        flooded = send(
            client, program, fresh_form(client, program), **{"feel-safe": "1", "better": "Answer number fifty-one"}
        )
    assert statuses == [200] * 50
    assert flooded.status_code == 429
    assert "Answer number fifty-one</textarea>" in flooded.content.decode()
    assert FeedbackResponse.objects.count() == 50
    # Staff hear of it once, well before the ceiling, and the log says nothing about who it was.
    anomalies = [record for record in caplog.records if record.getMessage() == "rate.anomaly"]
    assert [(record.limit_group, record.threshold) for record in anomalies] == [("feedback-submit", 30)]
    assert SHELTER not in caplog.text


def test_another_network_is_not_slowed_by_a_flood(client, program, settings):
    settings.FEEDBACK_SUBMISSIONS_PER_HOUR = 2
    for _ in range(3):
        send(client, program, fresh_form(client, program))
    response = client.post(
        questions_url(program),
        {"submission_token": fresh_form(client, program), "q_feel-safe": "4"},
        REMOTE_ADDR="198.51.100.9",
    )
    assert response.status_code == 200


def test_a_withdrawal_that_is_limited_keeps_the_code(client, program, settings):
    settings.FEEDBACK_WITHDRAWALS_PER_HOUR = 1
    client.post("/en/feedback/withdraw/", {"receipt_code": "AAAA-BBBB-CCC1"})
    response = client.post("/en/feedback/withdraw/", {"receipt_code": "AAAA-BBBB-CCC2"})
    assert response.status_code == 429
    assert 'value="AAAA-BBBB-CCC2"' in response.content.decode()
    assert (
        "Too many codes have been tried from here in the last hour. Your code is kept below: please try again later."
        in response.content.decode()
    )
