"""Gateways, limits, the outbox and what is kept: everything between a callback and the survey."""

import logging
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django_tasks import default_task_backend

from channels import engine, outbox
from channels.adapters.twilio import twilio_signature
from channels.models import Conversation, OutboxMessage
from channels.secrecy import conversation_key, unseal
from feedback.models import FeedbackResponse

from .fake_gateway import AT_SECRET, EXTERNAL_SECRET, TWILIO_TOKEN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sms_channels")]

NUMBER = "+254711222333"
EXTERNAL = f"/channels/sms/external/{EXTERNAL_SECRET}/receive/"


@pytest.fixture(autouse=True)
def _tasks_wait(settings):
    """Messages wait in the outbox: these tests read them there (the end-to-end tests send them)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield
    default_task_backend.clear()


def text(body, number=NUMBER, url=EXTERNAL, **extra):
    return Client().post(url, {"from": number, "text": body, "date": "2026-12-06T10:00:00Z"}, **extra)


def replies():
    """The texts waiting in the outbox, oldest first, opened."""
    return [unseal(message.sealed_body) for message in OutboxMessage.objects.order_by("created_at")]


def nothing_changed():
    return not Conversation.objects.exists() and not OutboxMessage.objects.exists()


# --- Authentication on every inbound request --------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/channels/sms/external/wrong-secret/receive/",
        f"/channels/sms/external/{EXTERNAL_SECRET[:-1]}/receive/",
        "/channels/sms/africastalking/wrong-secret/",
        f"/channels/sms/africastalking/{EXTERNAL_SECRET}/",
        "/channels/sms/twilio/",
    ],
)
def test_a_wrong_or_missing_credential_is_a_403_and_changes_nothing(url, demo_survey):
    response = text("SAUTI", url=url)
    assert response.status_code == 403
    assert nothing_changed()


def test_a_channel_without_a_secret_is_switched_off(demo_survey, settings):
    settings.SMS_CHANNELS = {**settings.SMS_CHANNELS, "external": {**settings.SMS_CHANNELS["external"], "secret": ""}}
    assert Client().post("/channels/sms/external//receive/", {"from": NUMBER, "text": "SAUTI"}).status_code in (
        403,
        404,
    )
    assert text("SAUTI").status_code == 403
    assert nothing_changed()


def test_africastalking_callbacks_only_from_the_allowed_addresses(demo_survey, settings):
    config = settings.SMS_CHANNELS["africastalking"]
    settings.SMS_CHANNELS = {**settings.SMS_CHANNELS, "africastalking": {**config, "allowed_ips": ["192.0.2.10"]}}
    url = f"/channels/sms/africastalking/{AT_SECRET}/"
    assert text("SAUTI", url=url, REMOTE_ADDR="198.51.100.7").status_code == 403
    assert nothing_changed()
    assert text("SAUTI", url=url, REMOTE_ADDR="192.0.2.10").status_code == 200
    assert Conversation.objects.count() == 1


def test_twilio_signature_matches_the_documented_example():
    # twilio.com/docs/usage/security: the example request and its signature.
    params = {
        "CallSid": ["CA1234567890ABCDE"],
        "Caller": ["+14158675309"],
        "Digits": ["1234"],
        "From": ["+14158675309"],
        "To": ["+18005551212"],
    }
    signature = twilio_signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params)
    assert signature == "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def _twilio(body, url_signed, signature=None):
    data = {"From": NUMBER, "Body": body, "To": "+15005550006"}
    signature = signature or twilio_signature(TWILIO_TOKEN, url_signed, {k: [v] for k, v in data.items()})
    return Client().post("/channels/sms/twilio/", data, HTTP_X_TWILIO_SIGNATURE=signature)


def test_twilio_is_checked_against_the_configured_public_url(demo_survey):
    # Signed for the address the application sees behind a proxy, not the public one: refused.
    assert _twilio("SAUTI", "http://internal:8000/channels/sms/twilio/").status_code == 403
    assert (
        _twilio("SAUTI", "http://testserver/channels/sms/twilio/", signature="bm90IGEgc2lnbmF0dXJl").status_code == 403
    )
    assert nothing_changed()
    assert _twilio("SAUTI", "http://testserver/channels/sms/twilio/").status_code == 200
    assert replies() == [engine.language_menu()]


def test_a_callback_without_a_sender_is_a_400():
    response = Client().post(EXTERNAL, {"text": "SAUTI"})
    assert response.status_code == 400 and nothing_changed()


# --- One submission path -----------------------------------------------------------------------


def test_a_finished_conversation_goes_through_store_response_like_the_web_form(demo_survey):
    survey, program = demo_survey
    from feedback import submission

    with mock.patch("channels.conversations.store_response", wraps=submission.store_response) as store:
        for body in ["sauti", "1", "2", *["0"] * 8, "1"]:
            assert text(body).status_code == 200
    (call,) = store.call_args_list
    assert call.kwargs["channel"] == "sms"
    assert call.kwargs["version"] == survey.current_version()
    assert call.kwargs["program"] == program
    assert call.kwargs["cleaned_data"]["q_safe-where-i-live"] == 4
    response = FeedbackResponse.objects.get()
    assert response.channel == "sms" and response.answers.count() == 1
    # The conversation is gone; sending the last reply again stores nothing more.
    assert not Conversation.objects.exists()
    text("1")
    assert FeedbackResponse.objects.count() == 1


def test_an_unknown_word_gets_no_answer_and_keeps_nothing(demo_survey):
    assert text("hello").status_code == 200
    assert nothing_changed()


def test_keywords_are_case_insensitive_and_unique_in_any_case(demo_survey):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    from programs.models import Program

    _survey, program = demo_survey
    assert Program.objects.with_keyword(" sAuTi ") == program
    other = Program.objects.create(code="other", name="Other", organisation="O", country="Kenya", casework_types=[])
    other.keyword = "sauti"
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert refused.value.messages == ["Another program already uses this keyword."]
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save()


def test_withdraw_by_text_uses_the_receipt_code(demo_survey):
    for body in ["SAUTI", "1", *["0"] * 9, "1"]:
        text(body)
    code = replies()[-1].split("Receipt code: ")[1].split(".")[0]
    other = "+254799888777"
    text(f"WITHDRAW {code}", number=other)
    assert not FeedbackResponse.objects.exists()
    assert replies()[-1] == "Your answers were withdrawn and deleted."
    text(f"WITHDRAW {code}", number=other)
    assert replies()[-1].startswith("No answers match this code.")


def test_00_forgets_the_conversation_at_once_and_sends_nothing(demo_survey):
    text("SAUTI")
    text("6")
    text("1")
    waiting = OutboxMessage.objects.count()
    text("00")
    assert not Conversation.objects.exists()
    assert OutboxMessage.objects.count() == waiting


def test_the_receipt_is_not_sent_when_the_survivor_chooses_not_to_have_it(demo_survey):
    for body in ["SAUTI", "1", *["0"] * 9, "2"]:
        text(body)
    assert replies()[-1] == "Thank you, your answers were sent. No receipt code was sent, as you chose."
    assert FeedbackResponse.objects.count() == 1


# --- No number at rest --------------------------------------------------------------------------


def test_the_conversation_is_keyed_by_a_keyed_hash_and_holds_no_number_or_answer(demo_survey, settings):
    text("SAUTI")
    text("6")
    text("2")
    conversation = Conversation.objects.get()
    assert conversation.key == conversation_key("external", NUMBER)
    row = str(Conversation.objects.values().get()) + str(list(OutboxMessage.objects.values()))
    for secret in ["711222333", "Kiswahili", "Ninajisikia", "safe-where-i-live"]:
        assert secret not in row
    # Another round's key finds nothing: the old conversation cannot be reached.
    settings.CHANNELS_NUMBER_KEY = "another-round-" + "k" * 30
    assert conversation_key("external", NUMBER) != conversation.key


@pytest.mark.parametrize("written", ["+254711222333", "0711 222 333", "254711222333", "+254 (711) 222-333"])
def test_a_number_is_one_conversation_however_it_is_written(demo_survey, written):
    text("SAUTI", number="+254711222333")
    text("6", number=written)
    assert Conversation.objects.count() == 1


def test_expired_conversations_and_messages_are_purged(demo_survey):
    import datetime

    from django.utils import timezone

    text("SAUTI")
    later = timezone.now() + datetime.timedelta(hours=72, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("purge_text_channels", stdout=open("/dev/null", "w"))
    assert nothing_changed()


# --- Limits -------------------------------------------------------------------------------------


@override_settings(CHANNELS_CONVERSATIONS_PER_NUMBER_PER_DAY=3)
def test_at_most_three_conversations_per_number_per_day(demo_survey):
    for _attempt in range(3):
        text("SAUTI")
        assert replies()[-1] == engine.language_menu()
    text("SAUTI")
    assert replies()[-1] == "Many surveys have been started from this phone today. Please try again tomorrow."
    text("SAUTI", number="+254711000999")
    assert replies()[-1] == engine.language_menu()


@override_settings(CHANNELS_CONVERSATIONS_PER_CHANNEL_PER_HOUR=2)
def test_a_ceiling_per_channel(demo_survey):
    text("SAUTI", number="+254711000001")
    text("SAUTI", number="+254711000002")
    text("SAUTI", number="+254711000003")
    assert Conversation.objects.count() == 2


# --- The outbox ---------------------------------------------------------------------------------


def test_the_task_carries_only_the_message_id(demo_survey, django_capture_on_commit_callbacks):
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        text("SAUTI")
    (result,) = default_task_backend.results
    (message,) = OutboxMessage.objects.all()
    assert result.args == [str(message.pk)] and result.kwargs == {}


def test_a_failed_send_waits_and_is_sent_once_later_without_a_number_in_the_log(demo_survey, gateway, caplog):
    caplog.set_level(logging.DEBUG)
    text("SAUTI")
    message = OutboxMessage.objects.get()
    gateway.fail_next = 1
    assert outbox.deliver(message.pk) == OutboxMessage.Status.PENDING
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.PENDING and message.attempts == 1
    assert outbox.deliver(message.pk) == OutboxMessage.Status.SENT
    assert outbox.deliver(message.pk) == "not waiting"
    assert len(gateway.outbound) == 1
    assert gateway.outbound[0][1] == NUMBER and gateway.outbound[0][3]["id"] == str(message.pk)
    message.refresh_from_db()
    assert (message.sealed_recipient, message.sealed_body) == ("", "")
    logged = _logged(caplog)
    assert ("channels.send_failed", "external: HTTP 503") in logged
    for secret in ["711222333", "English"]:
        assert secret not in str(logged)


def _logged(caplog):
    """(message, reason) of what the channels logged, with every field a record carries."""
    return [
        (record.getMessage(), getattr(record, "reason", ""))
        for record in caplog.records
        if record.name == "gsn.channels" and all(NUMBER not in str(value) for value in record.__dict__.values())
    ] + [("LEAK", "") for record in caplog.records if any(NUMBER in str(value) for value in record.__dict__.values())]


def test_an_unexpected_error_is_logged_by_its_type_only(demo_survey, caplog):
    text("SAUTI")
    message = OutboxMessage.objects.get()
    leak = RuntimeError(f"could not send to {NUMBER}: 1 English 2 Español")
    with mock.patch("channels.adapters.external.ExternalSms.send", side_effect=leak):
        assert outbox.deliver(message.pk) == OutboxMessage.Status.PENDING
    logged = _logged(caplog)
    assert logged == [("channels.send_failed", "RuntimeError")]
    assert NUMBER not in str(logged) and "Español" not in str(logged)


@override_settings(CHANNELS_SEND_MAX_ATTEMPTS=2)
def test_after_the_last_attempt_the_message_is_given_up_and_forgotten(demo_survey, gateway):
    text("SAUTI")
    message = OutboxMessage.objects.get()
    gateway.fail_next = 2
    outbox.deliver(message.pk)
    assert outbox.deliver(message.pk) == OutboxMessage.Status.FAILED
    message.refresh_from_db()
    assert message.sealed_body == "" and message.sealed_recipient == ""


def test_a_backend_that_can_wait_gets_the_retry_later(demo_survey, gateway):
    text("SAUTI")
    message = OutboxMessage.objects.get()
    gateway.fail_next = 1
    default_task_backend.clear()
    with mock.patch.object(type(outbox.send_text_message.get_backend()), "supports_defer", True):
        outbox.deliver(message.pk)
    (retry,) = default_task_backend.results
    assert retry.args == [str(message.pk)] and retry.task.run_after is not None


def test_a_conversation_answers_the_survey_version_it_started_with(demo_survey):
    survey, _program = demo_survey
    started_with = survey.current_version()
    text("SAUTI")
    text("1")
    question = survey.questions.first()
    question.text_en = "I feel safe at home now."
    question.save()
    assert survey.current_version() != started_with
    for body in ["1", *["0"] * 8, "2"]:
        text(body)
    assert FeedbackResponse.objects.get().survey_version == started_with


def test_the_secret_in_a_callback_address_never_reaches_a_log_line_or_a_cache(demo_survey):
    from gsn_site.structured_logging import redact

    assert EXTERNAL_SECRET not in redact(f'"POST {EXTERNAL} HTTP/1.1" 200')
    assert AT_SECRET not in redact(f"/channels/sms/africastalking/{AT_SECRET}/")
    assert "no-store" in text("SAUTI")["Cache-Control"]


@override_settings(FEEDBACK_WITHDRAWALS_PER_HOUR=2)
def test_codes_tried_by_text_have_the_web_forms_hourly_ceiling(demo_survey):
    for _attempt in range(2):
        text("WITHDRAW 7K2M-Q9XD-4HTB")
        assert replies()[-1].startswith("No answers match this code.")
    text("WITHDRAW 7K2M-Q9XD-4HTB")
    assert replies()[-1] == "Too many codes have been tried from this phone in the last hour. Please try again later."
    text("WITHDRAW 7K2M-Q9XD-4HTB", number="+254711000555")
    assert replies()[-1].startswith("No answers match this code.")
