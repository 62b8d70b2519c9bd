"""USSD menus through Africa's Talking: the same engine, survey and submission path as SMS, one screen
per HTTP request.

Africa's Talking posts `sessionId`, `serviceCode`, `phoneNumber` and `text`, where `text` is every
input of the session so far joined by `*` (`1*2*0`). Only the inputs not yet read are read, so a
callback repeated by the network shows the same screen again and changes nothing. The answer is the
next screen: `CON …` when more is to come, `END …` when the session is over.

A screen holds at most 182 characters in the GSM alphabet and 80 when it needs UCS-2. Basic phones
often cannot show Khmer, Devanagari or Arabic at all, so USSD is offered only in the languages of
CHANNELS_USSD_LANGUAGES (Latin-script ones), and their few letters outside the GSM alphabet (ç, ã,
í…) are written without the accent so a screen stays GSM-7. The language menu tells speakers of the
other languages to text the program's keyword by SMS. A screen longer than its limit is cut into
pages, each but the last ending in "98 More".

The conversation row is found by the keyed hash of the number, as for SMS: a session that timed out
(a new sessionId) with a survey in progress asks "continue or start again?" first. A free-text
question cannot be typed on a USSD keypad: it is skipped, and the welcome screen says so once.
"""

import dataclasses
import datetime
import hashlib
import json
import secrets
import unicodedata

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from feedback.models import QuestionType, SurveyVersion, localised, program_survey
from feedback.questions import answer_choices
from gsn_site.context_processors import language_name_in_own_script
from programs.models import Program

from . import engine
from .conversations import _closed_message, _limit_message, _over_limit, _submit, _withdraw
from .models import Conversation
from .secrecy import conversation_key, normalised_number, seal, unseal
from .segments import GSM7, count_segments

GSM_LIMIT, UCS2_LIMIT = 182, 80
MORE = "98"
WITHDRAW_ITEM = "99"
START = "1"
# After END the row is kept this long, holding no answer, so a repeated last callback shows a
# closing screen instead of starting the menu again.
ENDED_MINUTES = 10

LANGUAGES, PROGRAMS, WELCOME, SURVEY, WITHDRAW = "languages", "programs", "welcome", "survey", "withdraw"

# Letters a GSM phone shows that have no decomposition into a GSM letter.
_FOLD = str.maketrans({"·": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"})


def ussd_languages():
    """The languages offered over USSD, in the site's order."""
    return [code for code in engine.languages() if code in settings.CHANNELS_USSD_LANGUAGES]


def gsm_text(text):
    """`text` with letters outside the GSM alphabet written without their accent (ç -> c, ã -> a)."""
    text = text.translate(_FOLD).replace("…", "...")
    folded = []
    for character in text:
        if count_segments(character).encoding == GSM7:
            folded.append(character)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
        folded.append(base if base and count_segments(base).encoding == GSM7 else character)
    return "".join(folded)


def limit_of(text):
    return GSM_LIMIT if count_segments(text).encoding == GSM7 else UCS2_LIMIT


def fits(text):
    return count_segments(text).units <= limit_of(text)


def _split_line(line, room):
    """A line too long for one screen, cut between words."""
    pieces, current = [], ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and not fits_in(candidate, room):
            pieces.append(current)
            candidate = word
        current = candidate
    pieces.append(current)
    return pieces


def fits_in(text, room):
    return count_segments(text).units <= room


def pages(lines, language):
    """The screens `lines` take, each within the limit; every page but the last ends in "98 More"."""
    text = gsm_text("\n".join(lines))
    if fits(text):
        return [text]
    more = gsm_text(more_item(language))
    room = limit_of(text + more) - count_segments("\n" + more).units
    result, current = [], []
    for line in gsm_text("\n".join(lines)).split("\n"):
        for piece in _split_line(line, room) if not fits_in(line, room) else [line]:
            if current and not fits_in("\n".join([*current, piece]), room):
                result.append("\n".join([*current, more]))
                current = []
            current.append(piece)
    last = "\n".join(current)
    result.append(last)
    return result


# --- Screens (each a list of lines, in the conversation's language) ---------------------------


def more_item(language):
    with translation.override(language):
        return _("98 More")


def language_screen():
    lines = [f"{number} {language_name_in_own_script(code)}" for number, code in enumerate(ussd_languages(), 1)]
    others = [code for code in engine.languages() if code not in ussd_languages()]
    if others:
        with translation.override(settings.LANGUAGE_CODE):
            names = ", ".join(str(dict(settings.LANGUAGES)[code]) for code in others)
            lines.append(_("%(languages)s: text the program's keyword by SMS.") % {"languages": names})
    return lines


def menu_programs():
    """The programs offered over USSD, in the order of their menu positions."""
    return list(Program.objects.active().exclude(keyword="").order_by("keyword"))


def menu_position(program):
    """The number a survivor dials to choose `program`, or None when it has no keyword."""
    for position, candidate in enumerate(menu_programs()):
        if candidate.pk == program.pk:
            return engine.answer_number(position)
    return None


def program_screen(language):
    with translation.override(language):
        lines = [_("Choose a survey:")]
        lines += [f"{engine.answer_number(position)} {p.keyword}" for position, p in enumerate(menu_programs())]
        lines.append(_("99 Withdraw answers with a receipt code"))
        lines.append(_("00 exit"))
        return lines


def welcome_screen(language, has_free_text):
    with translation.override(language):
        lines = [
            _(
                "Anonymous survey: your number is not kept and answering changes nothing in the help you get. 0 skip, 9 back, 00 exit."
            )
        ]
        if has_free_text:
            lines.append(_("Questions for your own words are left out here."))
        lines.append(_("1 Start"))
        return lines


def question_screen(questions, index, language):
    question = questions[index]
    with translation.override(language):
        lines = [f"{index + 1}/{len(questions)} {localised(question['text'], language)}"]
        for position, (_value, label) in enumerate(answer_choices(question, language)):
            lines.append(f"{engine.answer_number(position)} {str(label).replace(' · ', ' - ')}")
        if question["type"] == QuestionType.MULTIPLE_CHOICE:
            lines.append(_("Several answers: type them together, e.g. 13"))
        lines.append(_("0 skip, 9 back, 00 exit"))
        return lines


def confirm_screen(language):
    with translation.override(language):
        return [
            _("That was the last question."),
            _("1 Send, with a receipt code to withdraw them later (write it down: it is not kept)"),
            _("2 Send without a code"),
            _("9 back, 00 exit"),
        ]


def resume_screen(language):
    with translation.override(language or settings.LANGUAGE_CODE):
        return [_("An unfinished survey is waiting."), _("1 Continue"), _("2 Start again"), _("00 End it")]


def withdraw_screen(language):
    with translation.override(language):
        return [_("Type your receipt code (12 letters and digits), or 00 to exit.")]


def finished_screen(language, receipt_code, send_receipt, service_code):
    with translation.override(language):
        if not send_receipt:
            return [_("Thank you, your answers were sent. No receipt code, as you chose.")]
        return [
            _(
                "Thank you, your answers were sent. Receipt code: %(code)s. To withdraw them within %(days)s days, dial %(dial)s and choose 99."
            )
            % {"code": receipt_code, "days": settings.FEEDBACK_WITHDRAWAL_DAYS, "dial": service_code}
        ]


def goodbye_screen(language):
    with translation.override(language or settings.LANGUAGE_CODE):
        return [_("Ended. Nothing was kept.")]


def ended_screen(language):
    with translation.override(language or settings.LANGUAGE_CODE):
        return [_("This session has ended.")]


def not_understood_line(language):
    return engine.not_understood(language or settings.LANGUAGE_CODE)


# --- Reading a callback ------------------------------------------------------------------------


@dataclasses.dataclass
class Session:
    """What the USSD layer keeps around the engine's state, sealed in the conversation row."""

    session: str = ""
    steps: int = 0
    stage: str = LANGUAGES
    language: str = ""
    program: str = ""
    page: int = 0
    ended: bool = False
    # The screen shown last (before paging), for a repeated callback.
    lines: list = dataclasses.field(default_factory=list)
    engine: dict | None = None

    @classmethod
    def from_dict(cls, data):
        return cls(**{field.name: data[field.name] for field in dataclasses.fields(cls) if field.name in data})


def _session_hash(session_id):
    return hashlib.sha256(str(session_id).encode()).hexdigest()[:32]


def respond(adapter, session_id, service_code, sender, text, now=None):
    """The next screen as (text, more_to_come). Returns nothing a log could quote beyond that."""
    now = now or timezone.now()
    number = normalised_number(sender)
    if number is None:
        return gsm_text("\n".join(ended_screen(""))), False
    key = conversation_key(adapter.name, number)
    inputs = text.split("*") if text else []
    try:
        return _respond_once(adapter, key, _session_hash(session_id), service_code, inputs, now)
    except IntegrityError:
        return _respond_once(adapter, key, _session_hash(session_id), service_code, inputs, now)


def _respond_once(adapter, key, session_hash, service_code, inputs, now):
    with transaction.atomic():
        row = Conversation.objects.select_for_update().filter(key=key).first()
        opened = unseal(row.sealed_state) if row is not None else None
        session = Session.from_dict(json.loads(opened)) if opened else None
        if session is not None and session.session == session_hash:
            if len(inputs) <= session.steps:
                return _show(session)
        else:
            session = _new_session(session, session_hash, now)
        context = {"adapter": adapter, "key": key, "row": row, "service_code": service_code, "now": now}
        for position in range(session.steps, len(inputs)):
            session.steps = position + 1
            _step(session, inputs[position].strip(), context)
            if session.ended:
                session.steps = len(inputs)
                break
        _save(context["row"], key, adapter, session, now)
        return _show(session)


def _show(session):
    language = session.language or settings.LANGUAGE_CODE
    screens = pages(session.lines, language)
    return screens[min(session.page, len(screens) - 1)], not session.ended


def _save(row, key, adapter, session, now):
    kept = dataclasses.asdict(session)
    if session.ended:
        # Nothing but the screen's progress is kept: no answer, no receipt code.
        kept.update(engine=None, lines=ended_screen(session.language))
    sealed = seal(json.dumps(kept))
    expires = now + datetime.timedelta(minutes=ENDED_MINUTES) if session.ended else None
    if row is None:
        row = Conversation(key=key, channel=adapter.name, sealed_state=sealed)
        if expires:
            row.expires_at = expires
        row.save()
        return
    row.sealed_state = sealed
    if expires:
        row.expires_at = expires
    row.save()


def _new_session(previous, session_hash, now):
    """A new USSD session: back to the menu, or "continue or start again?" when a survey waits."""
    waiting = previous is not None and not previous.ended and previous.stage == SURVEY and previous.engine
    if waiting:
        state = engine.State.from_dict(previous.engine)
        if state.phase in (engine.QUESTION, engine.CONFIRM):
            state = dataclasses.replace(state, paused_phase=state.phase, phase=engine.RESUME)
        state = dataclasses.replace(state, last_active=now.isoformat())
        return Session(
            session=session_hash,
            stage=SURVEY,
            language=previous.language,
            program=previous.program,
            engine=state.as_dict(),
            lines=resume_screen(previous.language),
        )
    return Session(session=session_hash, lines=language_screen())


def _end(session, lines):
    session.ended, session.lines, session.page, session.engine = True, lines, 0, None


def _step(session, text, context):
    """Read one input of the session."""
    if text == MORE and session.page + 1 < len(pages(session.lines, session.language or settings.LANGUAGE_CODE)):
        session.page += 1
        return
    session.page = 0
    if engine.is_exit(text):
        _end(session, goodbye_screen(session.language))
        return
    handler = {LANGUAGES: _on_language, PROGRAMS: _on_program, WELCOME: _on_welcome, WITHDRAW: _on_withdraw}.get(
        session.stage, _on_survey
    )
    if not handler(session, text, context):
        # The same screen again from its first page, under a line saying why.
        lines = [line for line in session.lines if line != not_understood_line(session.language)]
        session.lines = [not_understood_line(session.language), *lines]


def _on_language(session, text, context):
    codes = ussd_languages()
    if not text.isdigit() or not 1 <= int(text) <= len(codes):
        return False
    session.language, session.stage = codes[int(text) - 1], PROGRAMS
    session.lines = program_screen(session.language)
    return True


def _on_program(session, text, context):
    if text == WITHDRAW_ITEM:
        session.stage, session.lines = WITHDRAW, withdraw_screen(session.language)
        return True
    if text == engine.BACK:
        session.stage, session.lines = LANGUAGES, language_screen()
        return True
    position = engine.position_of(int(text)) if text.isdigit() else None
    programs = menu_programs()
    if position is None or position >= len(programs):
        return False
    program = programs[position]
    survey = program_survey(program)
    if survey is None or not survey.is_open:
        _end(session, [_closed_message()])
        return True
    if _over_limit(context["adapter"], context["key"], context["now"]):
        _end(session, [_limit_message()])
        return True
    version = survey.current_version()
    state = dataclasses.replace(
        engine.start(program.code, version.pk, context["now"]).state, token=secrets.token_urlsafe(24)
    )
    has_free_text = any(question["type"] == QuestionType.FREE_TEXT for question in version.questions)
    session.program, session.stage, session.engine = program.code, WELCOME, state.as_dict()
    session.lines = welcome_screen(session.language, has_free_text)
    return True


def _on_welcome(session, text, context):
    if text == engine.BACK:
        session.stage, session.engine, session.lines = PROGRAMS, None, program_screen(session.language)
        return True
    if text != START:
        return False
    state = engine.State.from_dict(session.engine)
    version = SurveyVersion.objects.get(pk=state.version)
    number = str(engine.languages().index(session.language) + 1)
    outcome = engine.reply(state, number, version.questions, context["now"], free_text=False)
    session.stage = SURVEY
    _after(session, outcome, version, context)
    return True


def _on_withdraw(session, text, context):
    if text == engine.BACK:
        session.stage, session.lines = PROGRAMS, program_screen(session.language)
        return True
    code = engine.withdrawal_code(f"WITHDRAW {text}")
    if not code:
        return False
    _end(session, [_withdraw(context["key"], code, session.language, context["now"])])
    return True


def _multiple_choice_digits(question, text):
    """Several answers typed together on a keypad ("13"): only when every answer number is one digit."""
    if question["type"] != QuestionType.MULTIPLE_CHOICE or not text.isdigit() or len(text) < 2:
        return text
    if len(answer_choices(question, "en")) > 8:
        return text
    return " ".join(text)


def _on_survey(session, text, context):
    state = engine.State.from_dict(session.engine)
    program = Program.objects.active().filter(code=state.program).first()
    version = SurveyVersion.objects.filter(pk=state.version).select_related("survey").first()
    if program is None or version is None or not version.survey.is_open:
        _end(session, [_closed_message()])
        return True
    if state.phase == engine.QUESTION:
        text = _multiple_choice_digits(version.questions[state.index], text)
    if state.phase == engine.CONFIRM and text not in (
        engine.SEND_WITH_RECEIPT,
        engine.SEND_WITHOUT_RECEIPT,
        engine.BACK,
    ):
        return False
    if state.phase == engine.RESUME and text not in (engine.CONTINUE, engine.START_AGAIN):
        return False
    outcome = engine.reply(state, text, version.questions, context["now"], free_text=False)
    if outcome.state is not None and not outcome.submit and _same(outcome.state, state):
        return False
    return _after(session, outcome, version, context, program)


def _same(one, other):
    return dataclasses.replace(one, last_active="") == dataclasses.replace(other, last_active="")


def _after(session, outcome, version, context, program=None):
    if outcome.state is None:
        _end(session, goodbye_screen(session.language))
        return True
    if outcome.submit:
        program = program or Program.objects.active().get(code=outcome.state.program)
        receipt = _submit(context["adapter"], program, version, outcome.state, None)
        _end(session, finished_screen(session.language, receipt, outcome.send_receipt, context["service_code"]))
        return True
    state = outcome.state
    session.engine = state.as_dict()
    if state.phase == engine.CHOOSE_LANGUAGE:
        # Back from the first question, or "start again": the survey menu, language kept.
        session.stage, session.engine, session.lines = PROGRAMS, None, program_screen(session.language)
    elif state.phase == engine.QUESTION:
        session.lines = question_screen(version.questions, state.index, session.language)
    elif state.phase == engine.CONFIRM:
        session.lines = confirm_screen(session.language)
    else:
        session.lines = resume_screen(session.language)
    return True
