"""What a survivor sees from the opening screen to the thank-you page."""

import re

import pytest
from django.utils.html import strip_tags

from feedback.models import FeedbackResponse, FeedbackSurvey
from programs.models import Program
from tests.conftest import seed_demo_content

from .test_public_flow import fresh_form, questions_url, receipt_on

pytestmark = pytest.mark.django_db


def visible_words(html):
    main = re.search(r"<main[^>]*>(.*)</main>", html, re.S).group(1)
    main = re.sub(r"<details.*?</details>", "", main, flags=re.S)
    return strip_tags(main).split()


def test_sending_shows_the_code_once_in_the_answer_to_the_form_and_never_in_a_url(client, program):
    response = client.post(
        questions_url(program), {"submission_token": fresh_form(client, program), "q_feel-safe": "4"}
    )
    assert response.status_code == 200
    code = receipt_on(response)
    assert "Your answers were received." in response.content.decode()
    again = client.get(f"/en/feedback/{program.code}/thank-you/").content.decode()
    assert code not in again
    assert "Your receipt code was shown once, right after you sent your answers." in again
    assert FeedbackResponse.objects.count() == 1


def test_withdrawal_asks_before_deleting_and_no_keeps_the_answers(client, program):
    response = client.post(
        questions_url(program), {"submission_token": fresh_form(client, program), "q_feel-safe": "4"}, follow=True
    )
    code = receipt_on(response)
    confirm = client.post("/en/feedback/withdraw/", {"receipt_code": code}).content.decode()
    assert "The code matches answers sent on" in confirm
    assert "Yes, delete my answers" in confirm
    assert 'href="/en/feedback/">No, keep my answers</a>' in confirm
    assert FeedbackResponse.objects.count() == 1


@pytest.fixture
def demo_program(demo_site):
    seed_demo_content("feedback")
    return Program.objects.get(code="sample-ke-aftercare")


def test_the_0_to_10_scale_says_what_its_ends_mean_and_every_question_says_where_it_is(client, demo_program):
    text = client.get(f"/en/feedback/{demo_program.code}/questions/").content.decode()
    total = FeedbackSurvey.objects.get().questions.count()
    assert re.search(r'value="0"[^>]*> <label[^>]*>0 · not at all</label>', text)
    assert re.search(r'value="10"[^>]*> <label[^>]*>10 · completely</label>', text)
    assert [int(n) for n in re.findall(rf"Question (\d+) of {total}<", text)] == list(range(1, total + 1))


def test_the_distress_question_is_worded_positively_and_names_no_number(client, demo_program):
    text = client.get(f"/en/feedback/{demo_program.code}/questions/").content.decode()
    assert "Most days I feel able to get through the day." in text
    assert "too worried" not in text
    assert "Where this program has a helpline, it is shown at the top of this page." in text
    assert not FeedbackSurvey.objects.get().questions.filter(reverse_scored=True).exists()


def test_the_helpline_is_shown_only_when_the_program_has_one(client, demo_program):
    url = f"/en/feedback/{demo_program.code}/questions/"
    assert 'id="helpline"' not in client.get(url).content.decode()
    demo_program.helpline = "Tumaini helpline, free from any phone: 116"
    demo_program.save()
    text = client.get(url).content.decode()
    assert (
        '<p class="notice" id="helpline"><strong>Want to talk to someone?</strong> Tumaini helpline, free from any phone: 116</p>'
        in text
    )


def test_the_opening_screen_is_short(client, demo_program):
    html = client.get(f"/en/feedback/{demo_program.code}/").content.decode()
    # The program's answer to earlier feedback is two short lines of its own; the rest stays short.
    answer = re.search(r'<section class="program-answer".*?</section>', html, re.S).group(0)
    assert len(visible_words(f"<main>{answer}</main>")) < 40, answer
    words = visible_words(html.replace(answer, ""))
    assert len(words) < 80, " ".join(words)


def test_confirming_a_withdrawal_that_no_longer_matches_says_so_beside_the_code(client, program):
    response = client.post("/en/feedback/withdraw/", {"receipt_code": "AAAA-BBBB-CCCC", "confirm": "yes"})
    text = response.content.decode()
    assert response.status_code == 404
    assert 'id="id_receipt_code_error"' in text
    assert "No answers match this code." in text
    assert 'type="text" name="receipt_code" value="AAAA-BBBB-CCCC"' in text
