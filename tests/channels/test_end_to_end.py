"""A survivor completes the demo survey by SMS through the fake gateway, over each provider, in
Swahili and in Khmer; gets a receipt; withdraws with it; and afterwards no number and no message
text is left in the database, the logs, the task results or the cache."""

import logging
import re

import pytest
from django.core.cache import caches
from django.db import connection

from feedback.models import FeedbackAnswer, FeedbackResponse

from .fake_gateway import FakeGateway

pytestmark = pytest.mark.django_db(transaction=True)

RECEIPT = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")

# (language number in the menu, the language, the word for WITHDRAW the survivor uses, a free-text answer)
LANGUAGES = {
    "sw": ("6", "ONDOA", "Sentinel jibu: walinisaidia sana, napenda kupika"),
    "km": ("7", "ដក", "Sentinel ចម្លើយ: បុគ្គលិកល្អណាស់"),
}
NUMBERS = {"external": "+254722000111", "africastalking": "0722000222", "twilio": "+254722000333"}


def _table_text():
    """Every row of every table, as text."""
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            dump.extend(str(row) for row in cursor.fetchall())
    return "\n".join(dump)


def _cache_text():
    store = caches["default"]._cache
    return "\n".join(f"{key!r} {value!r}" for key, value in store.items())


@pytest.mark.parametrize("provider", ["external", "africastalking", "twilio"])
@pytest.mark.parametrize("language", ["sw", "km"])
def test_the_demo_survey_by_sms_leaves_no_number_or_text_behind(
    provider, language, demo_survey, live_server, settings, caplog
):
    caplog.set_level(logging.DEBUG)
    survey, program = demo_survey
    menu_number, withdraw_word, free_text = LANGUAGES[language]
    number = NUMBERS[provider]
    with FakeGateway() as gateway:
        settings.SMS_CHANNELS = gateway.settings(live_server.url)

        def say(text):
            assert gateway.text(live_server.url, provider, number, text) == 200
            return gateway.last_to(number)

        menu = say("sauti")
        assert "6 Kiswahili" in menu and "7 ខ្មែរ" in menu and "8 العربية" in menu
        first = say(menu_number)
        assert first.startswith("1/9 ")
        assert (
            survey.questions.first().text_sw in first if language == "sw" else survey.questions.first().text_km in first
        )
        say("1")  # strongly agree
        say("0")  # skip question 2
        back = say("9")  # back to question 2
        assert back.startswith("2/9 ")
        say("2")  # agree
        say("1")  # yes
        scale = say("12")  # the 0-10 scale: 12 is the eleventh answer, "10 · completely"
        assert scale.startswith("5/9 ")
        say("4")
        say("2")  # agree: health care when unwell
        say("1")
        multiple = say("1 3")
        assert multiple.startswith("9/9 ")
        confirm = say(free_text + " 0722 555 444")
        assert "1 " in confirm and "2 " in confirm
        finished = say("1")
        receipt = RECEIPT.search(finished).group(0)
        assert withdraw_word in finished

        response = FeedbackResponse.objects.get()
        assert (response.channel, response.language, response.program_id) == ("sms", language, program.pk)
        assert response.survey_version == survey.current_version()
        answers = {(a.question_key, a.number, a.choice, a.text) for a in FeedbackAnswer.objects.all()}
        assert ("safe-where-i-live", 5, "", "") in answers
        assert ("able-to-get-through-the-day", 4, "", "") in answers
        assert ("confident-earning", 10, "", "") in answers
        assert ("health-care-when-unwell", 4, "", "") in answers
        free = FeedbackAnswer.objects.get(question_key="what-could-be-better").text
        assert "0722" not in free and free_text in free  # redacted as on the web
        assert not any(key == "legal-options-explained" and n is None for key, n, _c, _t in answers)

        withdrawn = say(f"{withdraw_word} {receipt.lower()}")
        assert withdrawn and not FeedbackResponse.objects.exists()
        assert len({text for *_rest, text, _fields in gateway.outbound}) > 10

    digits = "".join(filter(str.isdigit, number))[-9:]
    secrets = [digits, "722 000", free_text, "Sentinel", receipt, receipt.replace("-", "")]
    places = {"database": _table_text(), "logs": caplog.text, "cache": _cache_text()}
    for place, text in places.items():
        for secret in secrets:
            assert secret not in text, f"{secret!r} found in the {place}"
