"""Outbound messages: sealed in the outbox table, sent by the task worker, each at most once.

The task's only argument is the message's id, so the task row (and its stored result) never holds
an address or a text. django-tasks does not retry by itself: a failed send is put back and enqueued
again after CHANNELS_SEND_RETRY_SECONDS, doubling each time, where the backend can run a task later
(the database backend in production); elsewhere `manage.py send_text_messages` sends what waits.
A message is claimed (waiting -> being sent) in one UPDATE, so two workers never send it twice.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .models import OutboxMessage
from .secrecy import seal, unseal

logger = logging.getLogger("gsn.channels")


def queue_message(channel, recipient, body, send_before=None):
    """Put one message in the outbox and have the worker send it once the transaction is committed.

    `send_before`: the end of the window in which the channel allows a reply (WhatsApp's 24 hours).
    """
    message = OutboxMessage.objects.create(
        channel=channel, sealed_recipient=seal(recipient), sealed_body=seal(body), send_before=send_before
    )
    transaction.on_commit(lambda: send_text_message.enqueue(str(message.pk)))
    return message


@task()
def send_text_message(message_id):
    """Send one outbox message. Returns only its status, for the stored task result."""
    return deliver(message_id)


def deliver(message_id):
    from .adapters import SendFailed, adapter_for

    claimed = OutboxMessage.objects.filter(pk=message_id, status=OutboxMessage.Status.PENDING).update(
        status=OutboxMessage.Status.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return "not waiting"
    message = OutboxMessage.objects.get(pk=message_id)
    if message.send_before and timezone.now() > message.send_before:
        # The survivor's window has closed: no template message is sent in its place.
        _finish(message, OutboxMessage.Status.FAILED)
        logger.info("channels.reply_window_closed", extra={"channel": message.channel})
        return OutboxMessage.Status.FAILED
    adapter = adapter_for(message.channel)
    recipient, body = unseal(message.sealed_recipient), unseal(message.sealed_body)
    if adapter is None or recipient is None or body is None:
        # Switched off, or sealed under a key that is gone: nothing can be sent, nothing is kept.
        _finish(message, OutboxMessage.Status.FAILED)
        logger.warning("channels.send_impossible", extra={"channel": message.channel})
        return OutboxMessage.Status.FAILED
    try:
        adapter.send(message.pk, recipient, body)
    except SendFailed as error:
        return _failed(message, str(error))
    except Exception as error:  # noqa: BLE001 - any error: its message may quote the request
        return _failed(message, type(error).__name__)
    _finish(message, OutboxMessage.Status.SENT)
    return OutboxMessage.Status.SENT


def _finish(message, status):
    message.status = status
    message.forget_content()
    message.save(update_fields=["status", "sealed_recipient", "sealed_body"])


def _failed(message, reason):
    """Put the message back to wait, or give up after CHANNELS_SEND_MAX_ATTEMPTS. `reason` holds no content."""
    logger.warning(
        "channels.send_failed", extra={"channel": message.channel, "reason": reason, "attempt": message.attempts}
    )
    if message.attempts >= settings.CHANNELS_SEND_MAX_ATTEMPTS:
        _finish(message, OutboxMessage.Status.FAILED)
        return OutboxMessage.Status.FAILED
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxMessage.Status.PENDING)
    if send_text_message.get_backend().supports_defer:
        delay = settings.CHANNELS_SEND_RETRY_SECONDS * 2 ** (message.attempts - 1)
        send_text_message.using(run_after=timezone.now() + datetime.timedelta(seconds=delay)).enqueue(str(message.pk))
    return OutboxMessage.Status.PENDING


def send_waiting():
    """Send every waiting message now (for backends that cannot run a task later). Returns how many went."""
    return sum(
        deliver(pk) == OutboxMessage.Status.SENT for pk in OutboxMessage.objects.waiting().values_list("pk", flat=True)
    )
