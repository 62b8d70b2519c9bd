"""The demo survey over USSD (Swahili, English) and WhatsApp (Khmer, Arabic) through the fake gateway:
every USSD screen within its length, a receipt, a withdrawal, and afterwards no number and no
message text left in the database, the logs, the task results or the cache."""

import logging
import re

import pytest
from django.utils import translation
from django.utils.translation import pgettext

from channels.segments import GSM7, count_segments
from feedback.models import FeedbackAnswer, FeedbackResponse

from .fake_gateway import USSD_CODE, FakeGateway
from .test_end_to_end import _cache_text, _table_text

pytestmark = pytest.mark.django_db(transaction=True)

RECEIPT = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
USSD_LANGUAGES = {"sw": "5", "en": "1"}


@pytest.mark.parametrize("language", ["sw", "en"])
def test_the_demo_survey_over_ussd_leaves_no_number_behind(language, demo_survey, live_server, settings, caplog):
    caplog.set_level(logging.DEBUG)
    _survey, program = demo_survey
    number = "+254733000444"
    with FakeGateway() as gateway:
        settings.SMS_CHANNELS = gateway.settings(live_server.url)
        screens = []

        def session(session_id, *steps):
            inputs = []
            status, body = gateway.dial(live_server.url, session_id, number, "")
            screens.append(body)
            for step in steps:
                inputs.append(step)
                status, body = gateway.dial(live_server.url, session_id, number, "*".join(inputs))
                assert status == 200
                screens.append(body)
            return body

        # A session cut off at question 3, resumed in a new one.
        session("ATUid_e2e_1", USSD_LANGUAGES[language], "1", "1", "1", "2")
        assert screens[-1].startswith("CON 3/9 ")
        finished = session("ATUid_e2e_2", "1", "1", "12", "4", "1", "1", "13", "1")
        assert finished.startswith("END ") and USSD_CODE in finished
        receipt = RECEIPT.search(finished).group(0)
        response = FeedbackResponse.objects.get()
        assert (response.channel, response.language, response.program_id) == ("ussd", language, program.pk)
        assert FeedbackAnswer.objects.filter(question_key="confident-earning", number=10).exists()

        withdrawn = session("ATUid_e2e_3", USSD_LANGUAGES[language], "99", receipt.lower())
        assert withdrawn.startswith("END ") and not FeedbackResponse.objects.exists()
        assert gateway.outbound == []  # USSD answers only inside the callback

    for screen in screens:
        text = screen.removeprefix("CON ").removeprefix("END ")
        size = count_segments(text)
        assert size.encoding == GSM7 and size.units <= 182, screen
    secrets = ["733000444", "733 000", receipt, receipt.replace("-", ""), "ATUid_e2e"]
    places = {"database": _table_text(), "logs": caplog.text, "cache": _cache_text()}
    for place, text in places.items():
        for secret in secrets:
            assert secret not in text, f"{secret!r} found in the {place}"


WHATSAPP_LANGUAGES = {"km": ("7", "Sentinel ចម្លើយ: បុគ្គលិកល្អណាស់"), "ar": ("8", "Sentinel جواب: الموظفون لطفاء جدا")}


@pytest.mark.parametrize("language", ["km", "ar"])
def test_the_demo_survey_over_whatsapp_leaves_no_number_or_text_behind(
    language, demo_survey, live_server, settings, caplog
):
    caplog.set_level(logging.DEBUG)
    survey, program = demo_survey
    menu_number, free_text = WHATSAPP_LANGUAGES[language]
    number = "+254744000555"
    with FakeGateway() as gateway:
        settings.SMS_CHANNELS = gateway.settings(live_server.url)

        def say(text, media=0):
            assert gateway.text(live_server.url, "twilio_whatsapp", number, text, media=media) == 200
            return gateway.last_to(number)

        menu = say("sauti")
        assert "7 ខ្មែរ" in menu and "8 العربية" in menu
        first = say(menu_number)
        assert getattr(survey.questions.first(), f"text_{language}") in first
        media = say("", media=1)
        assert media != first and "1/9" not in media
        for answer in ["1", "2", "1", "12", "4", "1", "1", "1 3"]:
            say(answer)
        confirm = say(free_text + " 0744 555 666")
        assert "1 " in confirm and "2 " in confirm
        finished = say("1")
        receipt = RECEIPT.search(finished).group(0)
        response = FeedbackResponse.objects.get()
        assert (response.channel, response.language, response.program_id) == ("whatsapp", language, program.pk)
        free = FeedbackAnswer.objects.get(question_key="what-could-be-better").text
        assert "0744" not in free and free_text in free
        with translation.override(language):
            word = pgettext("text-message command", "WITHDRAW")
        withdrawn = say(f"{word} {receipt.lower()}")
        assert withdrawn and not FeedbackResponse.objects.exists()
        assert {provider for provider, *_rest in gateway.outbound} == {"twilio_whatsapp"}

    secrets = ["744000555", "744 000", free_text, "Sentinel", receipt, receipt.replace("-", "")]
    places = {"database": _table_text(), "logs": caplog.text, "cache": _cache_text()}
    for place, text in places.items():
        for secret in secrets:
            assert secret not in text, f"{secret!r} found in the {place}"
