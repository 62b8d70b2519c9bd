"""An inbound text message, from the gateway's callback to the same `store_response` as the web form.

The engine decides; this module finds and keeps the conversation (by keyed hash, sealed), applies the
limits, stores or withdraws through feedback's own paths, and puts the replies in the outbox.
"""

import dataclasses
import datetime
import json
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from feedback.forms import SurveyQuestionsForm
from feedback.models import FeedbackResponse, SurveyVersion, program_survey
from feedback.submission import store_response
from gsn_site.hashing import keyed_hash
from programs.models import Program

from . import engine
from .models import Conversation
from .outbox import queue_message
from .secrecy import conversation_key, normalised_number, seal, unseal

logger = logging.getLogger("gsn.channels")


def receive(adapter, sender, text, now=None, media=False):
    """Handle one inbound message on `adapter`'s channel. Returns nothing a log could quote.

    A message with a photo, voice note or file (`media`) is not read at all: the survivor is told so
    in the conversation's language and the conversation stays where it was.
    """
    now = now or timezone.now()
    number = normalised_number(sender)
    if number is None:
        logger.info("channels.inbound_unreadable_sender", extra={"channel": adapter.name})
        return
    key = conversation_key(adapter.name, number)
    try:
        if media:
            _media_ignored(adapter, key, number, now)
            return
        _receive_once(adapter, key, number, text, now)
    except IntegrityError:
        # Two messages from one number started a conversation at the same moment: the second
        # now finds the first's conversation.
        _receive_once(adapter, key, number, text, now)


def _receive_once(adapter, key, number, text, now):
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().filter(key=key).first()
        state = _state_of(conversation)
        replies = _handle(adapter, key, conversation, state, text or "", now)
        for body in replies:
            queue_message(adapter.name, number, body, send_before=adapter.reply_deadline(now))


def _media_ignored(adapter, key, number, now):
    state = _state_of(Conversation.objects.filter(key=key).first())
    with translation.override((state and state.language) or settings.LANGUAGE_CODE):
        body = _("Photos, voice notes and files are not read here and are not kept. Please reply with text.")
    with transaction.atomic():
        queue_message(adapter.name, number, body, send_before=adapter.reply_deadline(now))


def _state_of(conversation):
    if conversation is None:
        return None
    opened = unseal(conversation.sealed_state)
    return engine.State.from_dict(json.loads(opened)) if opened else None


def _handle(adapter, key, conversation, state, text, now):
    """The replies to send; the conversation row is created, updated or deleted on the way."""
    program = Program.objects.with_keyword(text) if _could_be_keyword(text) else None
    version = program_now = None
    if state is not None:
        program_now = Program.objects.active().filter(code=state.program).first()
        version = SurveyVersion.objects.filter(pk=state.version).select_related("survey").first()
        if program_now is None or version is None or not version.survey.is_open:
            _forget(conversation)
            state = None
    asking_free_text = (
        state is not None and state.phase == engine.QUESTION and version.questions[state.index]["type"] == "free_text"
    )
    if program is not None and not asking_free_text:
        return _start(adapter, key, conversation, program, now)
    if state is None:
        code = engine.withdrawal_code(text)
        if code:
            return [_withdraw(key, code, "", now)]
        # Nothing to go on: a word that is no program's keyword gets no answer (and costs nothing).
        return []
    outcome = engine.reply(state, text, version.questions, now, free_text=adapter.free_text)
    if outcome.withdraw_code:
        outcome.messages.append(_withdraw(key, outcome.withdraw_code, state.language, now))
    if outcome.submit:
        receipt = _submit(adapter, program_now, version, outcome.state, conversation)
        _forget(conversation)
        return [engine.finished_message(outcome.state.language, receipt, outcome.send_receipt)]
    if outcome.state is None:
        _forget(conversation)
    else:
        _keep(conversation, key, adapter, outcome.state)
    return outcome.messages


def _could_be_keyword(text):
    # Replies are mostly numbers: no query for them.
    return bool(text.strip()) and not text.strip().isdigit() and len(text.strip()) <= 20


def _start(adapter, key, conversation, program, now):
    survey = program_survey(program)
    if survey is None or not survey.is_open:
        return [_closed_message()]
    if _over_limit(adapter, key, now):
        return [_limit_message()]
    if conversation is not None:
        _forget(conversation)
        conversation = None
    outcome = engine.start(program.code, survey.current_version().pk, now)
    _keep(None, key, adapter, dataclasses.replace(outcome.state, token=secrets.token_urlsafe(24)))
    return outcome.messages


def _keep(conversation, key, adapter, state):
    sealed = seal(json.dumps(state.as_dict()))
    if conversation is None:
        Conversation.objects.create(key=key, channel=adapter.name, sealed_state=sealed)
    else:
        conversation.sealed_state = sealed
        conversation.save(update_fields=["sealed_state"])


def _forget(conversation):
    if conversation is not None and conversation.pk:
        conversation.delete()


def _submit(adapter, program, version, state, conversation):
    """Store through the web form's own validation and `store_response`: one path for every channel."""
    form = SurveyQuestionsForm(
        {**engine.cleaned_answers(state), "submission_token": "text-message"}, version=version, language=state.language
    )
    form.is_valid()
    cleaned = {name: value for name, value in form.cleaned_data.items() if name.startswith("q_")}
    receipt, _created = store_response(
        program=program,
        version=version,
        language=state.language,
        channel=adapter.channel,
        cleaned_data=cleaned,
        # The conversation's own random token: the same conversation never stores twice.
        token=state.token,
    )
    return receipt


def _withdraw(key, code, language, now):
    """Withdraw as the web form does, with the same ceiling of codes tried an hour (per number here)."""
    hour = now.replace(minute=0, second=0, microsecond=0).isoformat()
    if _count(keyed_hash("channels-withdraw-hour", f"{key}:{hour}"), 60 * 60) > settings.FEEDBACK_WITHDRAWALS_PER_HOUR:
        with translation.override(language or settings.LANGUAGE_CODE):
            return _("Too many codes have been tried from this phone in the last hour. Please try again later.")
    withdrawn = FeedbackResponse.objects.withdraw(code)
    return engine.withdrawal_message(language, withdrawn)


def _count(name, timeout):
    """Add one to a counter in the cache (its name is a keyed hash) and return the new value."""
    cache.add(name, 0, timeout)
    try:
        return cache.incr(name)
    except ValueError:
        cache.set(name, 1, timeout)
        return 1


def _over_limit(adapter, key, now):
    """At most CHANNELS_CONVERSATIONS_PER_NUMBER_PER_DAY per number, and a ceiling per channel and hour.

    A few conversations a day still let a family or a group sharing one phone each answer.
    """
    day = now.date().isoformat()
    per_number = _count(keyed_hash("channels-number-day", f"{key}:{day}"), 60 * 60 * 24)
    hour = now.replace(minute=0, second=0, microsecond=0).isoformat()
    per_channel = _count(keyed_hash("channels-channel-hour", f"{adapter.name}:{hour}"), 60 * 60)
    if per_channel > settings.CHANNELS_CONVERSATIONS_PER_CHANNEL_PER_HOUR:
        logger.warning("channels.channel_ceiling", extra={"channel": adapter.name})
        return True
    return per_number > settings.CHANNELS_CONVERSATIONS_PER_NUMBER_PER_DAY


def _limit_message():
    with translation.override(settings.LANGUAGE_CODE):
        return _("Many surveys have been started from this phone today. Please try again tomorrow.")


def _closed_message():
    with translation.override(settings.LANGUAGE_CODE):
        return _("This survey is closed and is not taking answers at the moment. Thank you for wanting to help.")


def purge_expired(now=None):
    """Delete conversations and outbound messages older than CHANNELS_CONVERSATION_MAX_HOURS."""
    from .models import OutboxMessage

    now = now or timezone.now()
    conversations = Conversation.objects.expired(now).delete()[0]
    messages = OutboxMessage.objects.expired(now).delete()[0]
    # Sent messages keep neither address nor text; their rows go after a day.
    messages += OutboxMessage.objects.filter(
        status=OutboxMessage.Status.SENT, created_at__lte=now - datetime.timedelta(days=1)
    ).delete()[0]
    return conversations, messages
