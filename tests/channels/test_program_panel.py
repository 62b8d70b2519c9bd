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


def test_the_printable_card_says_what_to_text_and_dial_in_the_chosen_language(
    client,
    administrator,  # noqa: F811
    demo_survey,
    settings,
):
    settings.CHANNELS_CARD_SMS_NUMBER = "+254700123456"
    settings.CHANNELS_CARD_USSD_CODE = "*384*123#"
    _survey, program = demo_survey
    sign_in_with_two_steps(client, administrator)
    url = reverse("channels_program_card", args=[program.pk])
    page = client.get(url).content.decode()
    assert '<strong dir="ltr">SAUTI</strong> to <strong dir="ltr">+254700123456</strong>' in page
    assert 'dial <strong dir="ltr">*384*123#</strong> and choose <strong>1</strong>' in page
    assert "stays in the phone's messages, where anyone holding the phone can read it" in page
    khmer = client.get(url, {"language": "km"}).content.decode()
    assert "*384*123#" not in khmer  # USSD is not offered in Khmer
    assert '<section class="slip" lang="km"' in khmer


def test_staff_see_only_the_cards_of_their_own_programs(client, demo_survey):
    from feedback import demo
    from feedback import demo_content as content
    from feedback.roles import PROGRAM_STAFF
    from tests.feedback.conftest import _staff

    _survey, program = demo_survey
    other = demo.demo_program(content.PROGRAMS[1])
    other.keyword = "OTHER"
    other.save()
    user = _staff("staffer", PROGRAM_STAFF)
    program.staff.add(user)
    sign_in_with_two_steps(client, user)
    assert client.get(reverse("channels_program_card", args=[program.pk]), follow=True).status_code == 200
    assert client.get(reverse("channels_program_card", args=[other.pk]), follow=True).status_code == 404
