"""The demo survey over USSD (Swahili, English) through the fake gateway: every screen within its
length, a receipt, a withdrawal, and afterwards no number and no answer left in the database, the
logs or the cache."""

import logging
import re

import pytest

from channels.segments import GSM7, count_segments
from feedback.models import FeedbackAnswer, FeedbackResponse

from .fake_gateway import USSD_CODE, FakeGateway
from .test_end_to_end import _cache_text, _table_text

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

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
