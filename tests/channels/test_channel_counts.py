"""Reports count USSD and WhatsApp answers by channel, with the web's, under the release rules: the
counts are cells of the release model (perturbed and suppressed there), never a row per number."""

import datetime

import pytest
from django.utils import timezone

from feedback.models import Channel, FeedbackResponse
from feedback.release_tables import FeedbackSource
from feedback.submission import store_response

pytestmark = pytest.mark.django_db


def test_every_channel_is_a_released_cell_and_ussd_and_whatsapp_are_counted(demo_survey):
    survey, program = demo_survey
    FeedbackResponse.objects.filter(program=program).delete()
    version = survey.current_version()
    for index, channel in enumerate([Channel.USSD, Channel.USSD, Channel.WHATSAPP, Channel.WEB]):
        store_response(
            program=program, version=version, language="sw", channel=channel, cleaned_data={}, token=f"t{index}"
        )
    today = timezone.localdate()
    counts, _meta = FeedbackSource().collect(
        program, today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    )
    assert (counts["total"][0], counts["channel.ussd"][0], counts["channel.whatsapp"][0]) == (4, 2, 1)
    assert set(Channel.values) == {"web", "assisted", "paper", "sms", "ussd", "whatsapp"}
    cells = FeedbackSource().released_cells({"questions": []}, {"responses": 0})
    assert {f"channel.{code}" for code in Channel.values} <= set(cells)
    # One cell per channel, none per sender: the release model perturbs and suppresses these.
    channel_cells = {cell for cell in counts if cell.startswith("channel.")}
    assert channel_cells == {"channel.ussd", "channel.whatsapp", "channel.web"}
