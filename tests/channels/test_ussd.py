"""USSD through Africa's Talking: one screen per callback, read from the whole session's input."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from channels import engine, ussd
from channels.models import Conversation, OutboxMessage
from channels.segments import GSM7, count_segments
from feedback.models import FeedbackAnswer, FeedbackResponse, QuestionType

from .fake_gateway import USSD_CODE, USSD_SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sms_channels")]

NUMBER = "+254711222444"
URL = f"/channels/ussd/africastalking/{USSD_SECRET}/"
# The menu number of each offered language, and the start of its first question's screen.
MENU = {"en": "1", "es": "2", "fr": "3", "pt": "4", "sw": "5"}


class Phone:
    """A phone dialling the service code: each call sends the whole session's input so far."""

    def __init__(self, session="ATUid_1", number=NUMBER):
        self.session, self.number, self.inputs = session, number, []

    def post(self, **extra):
        data = {
            "sessionId": self.session,
            "serviceCode": USSD_CODE,
            "phoneNumber": self.number,
            "text": "*".join(self.inputs),
        }
        return Client().post(URL, data, **extra)

    def dial(self):
        return self.screen(self.post())

    def press(self, text):
        self.inputs.append(text)
        return self.screen(self.post())

    @staticmethod
    def screen(response):
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        body = response.content.decode()
        assert body.startswith(("CON ", "END "))
        return body


def _within_limit(text):
    size = count_segments(text)
    return size.units <= (182 if size.encoding == GSM7 else 80)


# --- Every screen within its length -------------------------------------------------------------


def _every_screen(language, questions):
    """Every screen the demo survey can show in `language`, as lists of lines."""
    yield ussd.language_screen()
    yield ussd.program_screen(language)
    yield ussd.welcome_screen(language, True)
    yield ussd.welcome_screen(language, False)
    for index, question in enumerate(questions):
        if question["type"] == QuestionType.FREE_TEXT:
            continue
        lines = ussd.question_screen(questions, index, language)
        yield lines
        yield [ussd.not_understood_line(language), *lines]
    for lines in (
        ussd.confirm_screen(language),
        ussd.resume_screen(language),
        ussd.withdraw_screen(language),
        ussd.finished_screen(language, "ABCD-EFGH-JKMN", True, "*384*123456#"),
        ussd.finished_screen(language, "", False, USSD_CODE),
        ussd.goodbye_screen(language),
        ussd.ended_screen(language),
        [engine.withdrawal_message(language, True)],
        [engine.withdrawal_message(language, False)],
    ):
        yield lines
        yield [ussd.not_understood_line(language), *lines]


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt", "sw"])
def test_every_screen_of_the_demo_survey_fits_a_basic_phone(language, demo_survey):
    survey, _program = demo_survey
    questions = survey.current_version().questions
    count = 0
    for lines in _every_screen(language, questions):
        for page in ussd.pages(lines, language):
            count += 1
            size = count_segments(page)
            assert size.encoding == GSM7, f"{page!r} needs Unicode"
            assert size.units <= 182, f"{size.units} characters: {page!r}"
    assert count > 25
    # The 0-10 scale, the longest question, is readable whole or page by page with "98 More".
    scale = next(i for i, q in enumerate(questions) if q["type"] == QuestionType.SCALE)
    shown = "\n".join(ussd.pages(ussd.question_screen(questions, scale, language), language))
    assert "12 10" in shown


def test_a_screen_longer_than_the_limit_is_cut_into_pages_ending_in_more():
    lines = ["Question " + "word " * 60, *[f"{n} answer number {n}" for n in range(1, 12)]]
    pages = ussd.pages(lines, "en")
    assert len(pages) > 1
    assert all(count_segments(page).units <= 182 for page in pages)
    assert all(page.endswith("\n98 More") for page in pages[:-1]) and not pages[-1].endswith("98 More")
    assert " ".join(" ".join(pages).replace("98 More", "").split()) == " ".join(" ".join(lines).split())
    # Text in Khmer needs UCS-2: 80 characters a screen.
    khmer = ussd.pages(["ខ្ញុំ " * 40], "en")
    assert len(khmer) > 2 and all(count_segments(page).units <= 80 for page in khmer)


def test_letters_outside_the_gsm_alphabet_lose_their_accent_only():
    assert ussd.gsm_text("Français, não, está, é, ñ, à · ü") == "Francais, nao, esta, é, ñ, à - ü"


def test_the_language_menu_offers_only_languages_a_basic_phone_shows(demo_survey):
    menu = Phone().dial()
    assert menu == (
        "CON 1 English\n2 Español\n3 Francais\n4 Portugues\n5 Kiswahili\n"
        "Hindi, Khmer, Arabic: text the program's keyword by SMS."
    )


def test_the_offered_languages_are_a_setting(demo_survey, settings):
    settings.CHANNELS_USSD_LANGUAGES = ["sw", "en"]
    assert Phone().dial().startswith("CON 1 English\n2 Kiswahili\nSpanish, French, Portuguese, Hindi, Khmer, Arabic:")


# --- Reading the session's input ---------------------------------------------------------------


def test_the_whole_survey_over_ussd_stores_one_response_without_free_text(demo_survey):
    survey, program = demo_survey
    phone = Phone()
    phone.dial()
    assert phone.press(MENU["sw"]).startswith("CON Chagua")
    welcome = phone.press("1")
    assert welcome == "CON " + ussd.pages(ussd.welcome_screen("sw", True), "sw")[0]
    first = phone.press("1")
    assert first.startswith("CON 1/9 " + survey.questions.first().text_sw)
    phone.press("1")  # strongly agree
    phone.press("0")  # skip question 2
    assert phone.press("9").startswith("CON 2/9 ")  # back to question 2
    phone.press("2")
    phone.press("1")
    phone.press("12")  # the 0-10 scale: 12 is "10 - kabisa"
    phone.press("4")
    phone.press("1")
    confirm = phone.press("1")
    assert confirm.startswith("CON 8/9 ")  # several answers, typed together
    confirm = phone.press("13")
    assert "1 " in confirm and "2 " in confirm and "9/9" not in confirm  # the free-text question skipped
    finished = phone.press("1")
    assert finished.startswith("END Asante") and USSD_CODE in finished
    response = FeedbackResponse.objects.get()
    assert (response.channel, response.language, response.program_id) == ("ussd", "sw", program.pk)
    answers = {(a.question_key, a.number, a.choice) for a in FeedbackAnswer.objects.all()}
    assert ("confident-earning", 10, "") in answers
    assert not FeedbackAnswer.objects.filter(question_key="what-could-be-better").exists()
    several = survey.current_version().questions[7]
    chosen = FeedbackAnswer.objects.filter(question_key=several["key"]).values_list("choice", flat=True)
    assert sorted(chosen) == sorted(several["options"][i]["key"] for i in (0, 2))
    assert not OutboxMessage.objects.exists()


def test_a_repeated_callback_shows_the_same_screen_and_changes_nothing(demo_survey):
    phone = Phone()
    phone.dial()
    phone.press(MENU["en"])
    phone.press("1")
    question = phone.press("1")
    row = Conversation.objects.get()
    assert phone.screen(phone.post()) == question
    assert Conversation.objects.get().sealed_state == row.sealed_state
    second = phone.press("1")
    assert second.startswith("CON 2/9 ") and phone.screen(phone.post()) == second


def test_the_last_callback_repeated_stores_nothing_more(demo_survey):
    phone = Phone()
    for step in ["", MENU["en"], "1", "1", *["0"] * 8]:
        phone.press(step) if step else phone.dial()
    finished = phone.press("2")
    assert finished.startswith("END Thank you") and "Receipt" not in finished
    again = phone.screen(phone.post())
    assert again == "END This session has ended."
    assert FeedbackResponse.objects.count() == 1


def test_an_answer_that_is_not_on_the_screen_shows_it_again_saying_why(demo_survey):
    phone = Phone()
    phone.dial()
    phone.press(MENU["en"])
    phone.press("1")
    phone.press("1")
    again = phone.press("7")
    assert again.startswith("CON Please reply with one of the numbers.\n1/9 ")
    assert phone.press("1").startswith("CON 2/9 ")


def test_00_ends_at_once_and_forgets(demo_survey):
    phone = Phone()
    phone.dial()
    phone.press(MENU["fr"])
    phone.press("1")
    phone.press("1")
    phone.press("1")
    assert phone.press("00").startswith("END ")
    assert not FeedbackResponse.objects.exists()
    assert Phone(session="ATUid_2").dial().startswith("CON 1 English")


def test_a_timed_out_session_resumes_only_after_continue_or_start_again(demo_survey):
    phone = Phone()
    phone.dial()
    for step in [MENU["en"], "1", "1", "1", "2"]:
        phone.press(step)
    later = Phone(session="ATUid_2")
    resume = later.dial()
    assert resume == "CON An unfinished survey is waiting.\n1 Continue\n2 Start again\n00 End it"
    assert later.press("5").startswith("CON Please reply")
    assert later.press("1").startswith("CON 3/9 ")
    third = Phone(session="ATUid_3")
    third.dial()
    assert third.press("2").startswith("CON Choose a survey:")


def test_withdrawal_with_the_receipt_code_from_the_menu(demo_survey):
    phone = Phone()
    phone.dial()
    for step in [MENU["pt"], "1", "1", *["0"] * 8]:
        phone.press(step)
    finished = phone.press("1")
    code = finished.split(": ")[1][:14]
    assert FeedbackResponse.objects.count() == 1
    other = Phone(session="ATUid_9")
    other.dial()
    other.press(MENU["pt"])
    assert other.press("99") == "CON " + ussd.pages(ussd.withdraw_screen("pt"), "pt")[0]
    assert other.press("NOT-A-CODE").startswith("CON ")
    withdrawn = other.press(code.lower().replace("-", ""))
    assert withdrawn.startswith("END ") and not FeedbackResponse.objects.exists()


def test_the_menu_position_of_a_program(demo_survey):
    _survey, program = demo_survey
    assert ussd.menu_position(program) == 1


# --- Authentication ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/channels/ussd/africastalking/wrong/", f"/channels/ussd/africastalking/{USSD_SECRET}x/"]
)
def test_a_wrong_secret_is_a_403_and_changes_nothing(url, demo_survey):
    response = Client().post(url, {"sessionId": "1", "phoneNumber": NUMBER, "text": "", "serviceCode": USSD_CODE})
    assert response.status_code == 403 and not Conversation.objects.exists()


def test_callbacks_only_from_the_allowed_addresses(demo_survey, settings):
    config = settings.SMS_CHANNELS["africastalking_ussd"]
    settings.SMS_CHANNELS = {**settings.SMS_CHANNELS, "africastalking_ussd": {**config, "allowed_ips": ["192.0.2.10"]}}
    assert Phone().post(REMOTE_ADDR="198.51.100.7").status_code == 403
    assert not Conversation.objects.exists()
    assert Phone().post(REMOTE_ADDR="192.0.2.10").status_code == 200


def test_a_callback_without_a_session_is_a_400(demo_survey):
    response = Client().post(URL, {"phoneNumber": NUMBER, "text": ""})
    assert response.status_code == 400 and not Conversation.objects.exists()


def test_an_ended_session_is_forgotten_within_minutes(demo_survey):
    from channels.conversations import purge_expired

    phone = Phone()
    phone.dial()
    phone.press("00")
    assert Conversation.objects.count() == 1
    purge_expired(timezone.now() + datetime.timedelta(minutes=ussd.ENDED_MINUTES + 1))
    assert not Conversation.objects.exists()
