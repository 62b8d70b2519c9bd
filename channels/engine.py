"""The conversation engine: a survey version as a sequence of short text messages.

Pure logic over a `State`: it reads one reply and says what to answer, what the state becomes and
whether to store, withdraw or forget. It knows no channel, database or gateway, so SMS, USSD and
WhatsApp share it; `channels.conversations` does the storing.

The controls are the same on every channel: `0` skips a question, `9` goes back one, `00` (or the
word for "exit" in any of the site's languages) ends at once and forgets. The carriers' `STOP` is
never a control here: it is an opt-out that would block every later reply, so the survivor is never
told to send it. Numbered answers therefore never use 0 or 9: they run 1-8, then 10, 11, ...
"""

import dataclasses
import datetime
import functools
import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from feedback.models import QuestionType, localised
from feedback.questions import answer_choices
from feedback.receipts import RECEIPT_LENGTH, normalise_receipt_code
from gsn_site.context_processors import language_name_in_own_script

SKIP, BACK, EXIT = "0", "9", "00"
CHOOSE_LANGUAGE, QUESTION, CONFIRM, RESUME = "language", "question", "confirm", "resume"
SEND_WITH_RECEIPT, SEND_WITHOUT_RECEIPT = "1", "2"
CONTINUE, START_AGAIN = "1", "2"


@dataclasses.dataclass
class State:
    """Where one conversation stands. Everything in it is kept encrypted between messages."""

    program: str
    # The survey version the conversation started with: it answers that version to the end.
    version: int = 0
    phase: str = CHOOSE_LANGUAGE
    language: str = ""
    index: int = 0
    # Question key -> the reply as the web form would post it: a number or option key as text, a
    # list of option keys, or the free text.
    answers: dict = dataclasses.field(default_factory=dict)
    # The phase to return to after "continue or start again?".
    paused_phase: str = ""
    last_active: str = ""
    # The one-time submission token of this conversation (as the web form's): stores at most once.
    token: str = ""

    def as_dict(self):
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data):
        return cls(**{field.name: data[field.name] for field in dataclasses.fields(cls) if field.name in data})


@dataclasses.dataclass
class Outcome:
    """What one reply leads to. `state` None means: forget the conversation now."""

    state: State | None
    messages: list
    submit: bool = False
    send_receipt: bool = True
    withdraw_code: str = ""


def languages():
    return [code for code, _name in settings.LANGUAGES]


def answer_number(position):
    """The number shown before the answer at `position` (0-based): 1-8, then 10, 11, ... never 0 or 9."""
    return position + 1 if position < 8 else position + 2


def position_of(number):
    if 1 <= number <= 8:
        return number - 1
    if number >= 10:
        return number - 2
    return None


@functools.cache
def _command_words(context, english):
    """The command word in every language, in capitals, for recognising it whatever language is chosen."""
    words = {english}
    for code in languages():
        with translation.override(code):
            words.add(pgettext(context, english).strip().upper())
    return words


def exit_words():
    return _command_words("text-message command", "EXIT")


def withdraw_words():
    return _command_words("text-message command", "WITHDRAW")


def _normalised(text):
    return " ".join((text or "").split()).upper()


def is_exit(text):
    cleaned = _normalised(text)
    return cleaned == EXIT or cleaned in exit_words()


_WITHDRAW = re.compile(r"^(\S+)\s+(.+)$")


def withdrawal_code(text):
    """The receipt code in `WITHDRAW <code>` (in any language), or "" when `text` is not that."""
    match = _WITHDRAW.match(_normalised(text))
    if not match or match.group(1) not in withdraw_words():
        return ""
    code = normalise_receipt_code(match.group(2))
    return code if len(code) == RECEIPT_LENGTH else ""


# --- Messages --------------------------------------------------------------------------------


def language_menu():
    """Each language named in its own script, numbered: readable before any language is chosen."""
    return "\n".join(f"{number} {language_name_in_own_script(code)}" for number, code in enumerate(languages(), 1))


def _controls():
    return _("0 skip, 9 back, 00 exit")


def welcome(language):
    with translation.override(language):
        return _(
            "Anonymous survey: your number is not kept and answering changes nothing in the help you get. One question per message. Reply 0 to skip, 9 to go back, 00 or %(exit)s to stop and forget your answers."
        ) % {"exit": pgettext("text-message command", "EXIT")}


def _question_prompt(questions, index, language, free_text):
    question = questions[index]
    lines = [f"{index + 1}/{len(questions)} {localised(question['text'], language)}"]
    if question["type"] == QuestionType.FREE_TEXT:
        lines.append(_("Reply in your own words."))
    else:
        for position, (_value, label) in enumerate(answer_choices(question, language)):
            # The web form's "0 · not at all": the middle dot is not in the GSM alphabet and would
            # make the whole message UCS-2, less than half the characters a part.
            lines.append(f"{answer_number(position)} {str(label).replace(' · ', ' - ')}")
        if question["type"] == QuestionType.MULTIPLE_CHOICE:
            lines.append(_("You may reply with several numbers, e.g. 1 3"))
    lines.append(_controls())
    return "\n".join(lines)


def question_prompt(questions, index, language, free_text=True):
    with translation.override(language):
        return _question_prompt(questions, index, language, free_text)


def confirm_prompt(language):
    with translation.override(language):
        return "\n".join(
            [
                _("That was the last question."),
                _(
                    "1 Send my answers and a receipt code to withdraw them later (the code stays in this phone's messages)"
                ),
                _("2 Send my answers without a code"),
                _controls(),
            ]
        )


def resume_prompt(language):
    with translation.override(language or settings.LANGUAGE_CODE):
        return _(
            "An unfinished survey was waiting on this phone. Reply 1 to continue it, 2 to start again, 00 to end it."
        )


def finished_message(language, receipt_code, send_receipt):
    with translation.override(language):
        if not send_receipt:
            return _("Thank you, your answers were sent. No receipt code was sent, as you chose.")
        return _(
            "Thank you, your answers were sent. Receipt code: %(code)s. To withdraw them within %(days)s days, text %(word)s %(code)s"
        ) % {
            "code": receipt_code,
            "days": settings.FEEDBACK_WITHDRAWAL_DAYS,
            "word": pgettext("text-message command", "WITHDRAW"),
        }


def withdrawal_message(language, withdrawn):
    with translation.override(language or settings.LANGUAGE_CODE):
        if withdrawn:
            return _("Your answers were withdrawn and deleted.")
        return _("No answers match this code. Answers can be withdrawn for %(days)s days after they were sent.") % {
            "days": settings.FEEDBACK_WITHDRAWAL_DAYS
        }


def not_understood(language):
    with translation.override(language):
        return _("Please reply with one of the numbers.")


def too_long(language):
    with translation.override(language):
        return _("Your answer is too long: please send at most %(count)s characters.") % {
            "count": settings.FEEDBACK_TEXT_MAX_LENGTH
        }


# --- Reading replies -------------------------------------------------------------------------


def start(program_code, version_id, now):
    """A survivor texted a program's keyword: the conversation begins with the choice of language."""
    state = State(program=program_code, version=version_id, last_active=now.isoformat())
    return Outcome(state=state, messages=[language_menu()])


def is_idle(state, now):
    if not state.last_active:
        return False
    idle = datetime.timedelta(minutes=settings.CHANNELS_IDLE_MINUTES)
    return now - datetime.datetime.fromisoformat(state.last_active) > idle


def reply(state, text, questions, now, free_text=True):
    """Read one reply to the conversation in `state` about the survey version's `questions`."""
    if is_exit(text):
        return Outcome(state=None, messages=[])
    code = withdrawal_code(text)
    if code:
        return Outcome(state=_touched(state, now), messages=[], withdraw_code=code)
    if state.phase in (QUESTION, CONFIRM) and is_idle(state, now):
        state = dataclasses.replace(state, paused_phase=state.phase, phase=RESUME)
        return Outcome(state=_touched(state, now), messages=[resume_prompt(state.language)])
    handler = {
        CHOOSE_LANGUAGE: _choose_language,
        QUESTION: _answer_question,
        CONFIRM: _confirm,
        RESUME: _resume,
    }[state.phase]
    outcome = handler(state, (text or "").strip(), questions, free_text)
    if outcome.state is not None:
        outcome.state = _touched(outcome.state, now)
    return outcome


def _touched(state, now):
    return dataclasses.replace(state, last_active=now.isoformat())


def _language_from(text):
    cleaned = text.strip().casefold()
    codes = languages()
    if cleaned.isdigit() and 1 <= int(cleaned) <= len(codes):
        return codes[int(cleaned) - 1]
    for code in codes:
        names = {code, language_name_in_own_script(code).casefold(), str(dict(settings.LANGUAGES)[code]).casefold()}
        with translation.override("en"):
            names.add(str(dict(settings.LANGUAGES)[code]).casefold())
        if cleaned in names:
            return code
    return None


def _choose_language(state, text, questions, free_text):
    language = _language_from(text)
    if language is None:
        return Outcome(state=state, messages=[language_menu()])
    state = dataclasses.replace(state, language=language, phase=QUESTION, index=0)
    return _ask(state, questions, free_text, before=[welcome(language)])


def _ask(state, questions, free_text, before=()):
    """Ask the question at state.index, skipping those this channel cannot take; past the end, confirm."""
    messages = list(before)
    index = state.index
    while index < len(questions) and questions[index]["type"] == QuestionType.FREE_TEXT and not free_text:
        index += 1
    if index >= len(questions):
        state = dataclasses.replace(state, phase=CONFIRM, index=len(questions))
        return Outcome(state=state, messages=[*messages, confirm_prompt(state.language)])
    state = dataclasses.replace(state, phase=QUESTION, index=index)
    return Outcome(state=state, messages=[*messages, question_prompt(questions, index, state.language, free_text)])


def _back(state, questions, free_text):
    if state.index == 0:
        state = dataclasses.replace(state, phase=CHOOSE_LANGUAGE)
        return Outcome(state=state, messages=[language_menu()])
    index = state.index - 1
    while index > 0 and questions[index]["type"] == QuestionType.FREE_TEXT and not free_text:
        index -= 1
    return _ask(dataclasses.replace(state, index=index), questions, free_text)


def _answer_question(state, text, questions, free_text):
    question = questions[state.index]
    if text == BACK:
        return _back(state, questions, free_text)
    answers = dict(state.answers)
    if text == SKIP:
        answers.pop(question["key"], None)
    else:
        value = _read_answer(question, text, state.language)
        if value is None:
            return Outcome(
                state=state,
                messages=[
                    not_understood(state.language)
                    if question["type"] != QuestionType.FREE_TEXT
                    else too_long(state.language),
                    question_prompt(questions, state.index, state.language, free_text),
                ],
            )
        answers[question["key"]] = value
    state = dataclasses.replace(state, answers=answers, index=state.index + 1)
    return _ask(state, questions, free_text)


def _read_answer(question, text, language):
    """The reply as the web form would post it, or None when it is not one of the answers."""
    if question["type"] == QuestionType.FREE_TEXT:
        return text if len(text) <= settings.FEEDBACK_TEXT_MAX_LENGTH else None
    values = [value for value, _label in answer_choices(question, language)]
    numbers = re.split(r"[\s,;.]+", text.strip())
    chosen = []
    for number in numbers:
        if not number.isdigit():
            return None
        position = position_of(int(number))
        if position is None or position >= len(values):
            return None
        if values[position] not in chosen:
            chosen.append(values[position])
    if not chosen:
        return None
    if question["type"] == QuestionType.MULTIPLE_CHOICE:
        return chosen
    return chosen[0] if len(chosen) == 1 else None


def _confirm(state, text, questions, free_text):
    if text == BACK:
        return _back(state, questions, free_text)
    if text in (SEND_WITH_RECEIPT, SEND_WITHOUT_RECEIPT):
        return Outcome(state=state, messages=[], submit=True, send_receipt=text == SEND_WITH_RECEIPT)
    return Outcome(state=state, messages=[not_understood(state.language), confirm_prompt(state.language)])


def _resume(state, text, questions, free_text):
    if text == CONTINUE:
        return _ask(dataclasses.replace(state, phase=state.paused_phase, paused_phase=""), questions, free_text)
    if text == START_AGAIN:
        fresh = State(program=state.program, version=state.version, token=state.token)
        return Outcome(state=fresh, messages=[language_menu()])
    return Outcome(state=state, messages=[resume_prompt(state.language)])


def cleaned_answers(state):
    """The answers as the web form's data: `q_<key>` -> value, skipped questions absent."""
    return {f"q_{key}": value for key, value in state.answers.items()}
