import pytest
from django.urls import reverse

from channels.management.commands.sms_segments import conversation_messages
from channels.segments import count_segments
from tests.conftest import sign_in_with_two_steps
from tests.feedback.conftest import administrator  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_the_program_screen_shows_keyword_ussd_position_and_sms_parts(client, administrator, demo_survey):  # noqa: F811
    survey, program = demo_survey
    sign_in_with_two_steps(client, administrator)
    page = client.get(reverse("wagtailsnippets_programs_program:edit", args=[program.pk])).content.decode()
    assert "Text-message keyword: <strong>SAUTI</strong>" in page
    assert "Number in the USSD menu: <strong>1</strong>" in page
    questions = survey.current_version().questions
    km = sum(count.parts for count in map(count_segments, conversation_messages(questions, "km")))
    assert f"<td>Khmer</td><td>{km}</td><td>UCS-2</td><td>no</td>" in page
    assert "<td>Swahili</td>" in page
