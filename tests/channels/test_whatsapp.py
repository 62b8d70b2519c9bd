"""WhatsApp through Twilio: signed callbacks, replies only inside the survivor's 24-hour window,
media never read."""

import datetime
import logging

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks import default_task_backend

from channels import engine, outbox
from channels.adapters.twilio import twilio_signature
from channels.models import Conversation, OutboxMessage
from channels.secrecy import unseal

from .fake_gateway import TWILIO_TOKEN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sms_channels")]

NUMBER = "+254711222555"
URL = "/channels/whatsapp/twilio/"
PUBLIC_URL = f"http://testserver{URL}"


@pytest.fixture(autouse=True)
def _tasks_wait(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield
    default_task_backend.clear()


def message(body, signed_url=PUBLIC_URL, media=0, signature=None):
    data = {"From": f"whatsapp:{NUMBER}", "To": "whatsapp:+14155238886", "Body": body, "NumMedia": str(media)}
    if media:
        data["MediaUrl0"] = "https://api.twilio.com/media/ME0"
    signature = signature or twilio_signature(TWILIO_TOKEN, signed_url, {k: [v] for k, v in data.items()})
    return Client().post(URL, data, HTTP_X_TWILIO_SIGNATURE=signature)


def replies():
    return [unseal(m.sealed_body) for m in OutboxMessage.objects.order_by("created_at")]


def test_the_signature_is_checked_against_the_configured_public_url(demo_survey):
    assert message("SAUTI", signed_url=f"http://internal:8000{URL}").status_code == 403
    assert message("SAUTI", signature="bm90IGEgc2lnbmF0dXJl").status_code == 403
    assert not Conversation.objects.exists() and not OutboxMessage.objects.exists()
    assert message("SAUTI").status_code == 200
    assert replies() == [engine.language_menu()]
    assert Conversation.objects.get().channel == "twilio_whatsapp"


def test_an_sms_signature_does_not_open_whatsapp(demo_survey):
    assert message("SAUTI", signed_url="http://testserver/channels/sms/twilio/").status_code == 403


def test_replies_go_to_the_whatsapp_address_within_the_window(demo_survey, gateway):
    message("SAUTI")
    queued = OutboxMessage.objects.get()
    assert queued.send_before is not None
    assert abs(queued.send_before - timezone.now() - datetime.timedelta(hours=24)) < datetime.timedelta(minutes=1)
    assert outbox.deliver(queued.pk) == OutboxMessage.Status.SENT
    provider, recipient, text, fields = gateway.outbound[-1]
    assert (provider, recipient, fields["From"]) == ("twilio_whatsapp", f"whatsapp:{NUMBER}", "whatsapp:+14155238886")
    assert text == engine.language_menu()


def test_outside_the_24_hour_window_nothing_is_sent(demo_survey, gateway, caplog):
    caplog.set_level(logging.INFO)
    message("SAUTI")
    queued = OutboxMessage.objects.get()
    OutboxMessage.objects.filter(pk=queued.pk).update(send_before=timezone.now() - datetime.timedelta(seconds=1))
    assert outbox.deliver(queued.pk) == OutboxMessage.Status.FAILED
    assert gateway.outbound == []
    dropped = OutboxMessage.objects.get()
    assert (dropped.sealed_recipient, dropped.sealed_body) == ("", "")
    assert "channels.reply_window_closed" in caplog.text
    assert "711222555" not in caplog.text


def test_sms_replies_have_no_window(demo_survey):
    from tests.channels.test_gateways import text

    text("SAUTI")
    assert OutboxMessage.objects.get().send_before is None


def test_a_photo_is_not_read_and_the_survivor_is_told_in_their_language(demo_survey):
    message("SAUTI")
    message("7")  # Khmer
    before = Conversation.objects.get().sealed_state
    OutboxMessage.objects.all().delete()
    assert message("1", media=1).status_code == 200
    assert Conversation.objects.get().sealed_state == before  # the "1" with the photo is not an answer
    with engine.translation.override("km"):
        expected = engine._("Photos, voice notes and files are not read here and are not kept. Please reply with text.")
    assert replies() == [expected]
    assert "រូបថត" in expected


def test_responses_are_recorded_as_whatsapp(demo_survey):
    from feedback.models import FeedbackResponse

    message("SAUTI")
    message("1")
    for _question in range(9):
        message("0")
    message("2")
    assert FeedbackResponse.objects.get().channel == "whatsapp"
