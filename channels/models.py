"""What a text conversation leaves here while it lasts, and nothing after.

Neither table holds a phone number or a message in clear: a conversation is found by a keyed hash
of the number, its state is sealed with Fernet, and an outbound message's address and text are
sealed until the worker has sent it, then blanked. `manage.py purge_text_channels` deletes whatever
is older than CHANNELS_CONVERSATION_MAX_HOURS (at most 72).
"""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def conversation_expiry():
    return timezone.now() + datetime.timedelta(hours=settings.CHANNELS_CONVERSATION_MAX_HOURS)


class ConversationQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())


class Conversation(models.Model):
    """One survivor's conversation in progress. Deleted when it ends, is exited, or expires."""

    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    channel = models.CharField(_("channel"), max_length=40)
    sealed_state = models.TextField(_("state (encrypted)"), editable=False)
    expires_at = models.DateTimeField(_("deleted at the latest"), default=conversation_expiry)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("text conversation")
        verbose_name_plural = _("text conversations")

    def __str__(self):
        return f"{self.channel} {self.pk}"


class OutboxMessageQuerySet(models.QuerySet):
    def expired(self, now=None):
        now = now or timezone.now()
        return self.filter(created_at__lte=now - datetime.timedelta(hours=settings.CHANNELS_CONVERSATION_MAX_HOURS))

    def waiting(self):
        return self.filter(status=OutboxMessage.Status.PENDING)


class OutboxMessage(models.Model):
    """One message waiting for the task worker. Its id is the idempotency key: it is sent at most once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Given up")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    channel = models.CharField(_("channel"), max_length=40)
    sealed_recipient = models.TextField(_("address (encrypted)"), blank=True, editable=False)
    sealed_body = models.TextField(_("text (encrypted)"), blank=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The end of the window in which the channel lets a reply go out (WhatsApp: 24 hours after the
    # survivor's message); past it the message is dropped unsent.
    send_before = models.DateTimeField(_("send before"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outbound text message")
        verbose_name_plural = _("outbound text messages")
        ordering = ["created_at"]

    def __str__(self):
        return str(self.pk)

    def forget_content(self):
        """Blank the address and the text: kept only until the gateway has them."""
        self.sealed_recipient = ""
        self.sealed_body = ""
