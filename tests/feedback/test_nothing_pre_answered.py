"""No question is pre-answered: not even "Skip this question" is ticked before the survivor ticks it."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_no_radio_button_is_ticked_on_a_fresh_survey(client, program, language):
    html = client.get(f"/{language}/feedback/{program.code}/questions/").content.decode()
    inputs = re.findall(r"<input[^>]*>", html)
    assert [tag for tag in inputs if 'type="radio"' in tag], "the survey has radio questions"
    assert [tag for tag in inputs if "checked" in tag] == []


def test_a_form_shown_again_ticks_only_what_was_chosen(client, program):
    response = client.post(
        f"/en/feedback/{program.code}/questions/", {"submission_token": "too-old", "q_feel-safe": "4"}
    )
    checked = re.findall(r'<input[^>]*name="([^"]+)" value="([^"]*)"[^>]*checked', response.content.decode())
    assert checked == [("q_feel-safe", "4")]


def test_the_0_to_10_scale_is_still_laid_out_as_a_scale(client, program):
    html = client.get(f"/en/feedback/{program.code}/questions/").content.decode()
    assert html.count("feedback-question--scale") == 1
