"""A survivor gives feedback without an account: opening screen, questions, receipt, withdrawal."""

import datetime
import re
import threading

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from feedback.models import FeedbackAnswer, FeedbackResponse
from feedback.receipts import receipt_hash

from .factories import make_response

pytestmark = pytest.mark.django_db

IP_ADDRESS = "203.0.113.77"
USER_AGENT = "CheapPhone/1.0 (TestBrowser 99)"


def questions_url(program, language="en"):
    return f"/{language}/feedback/{program.code}/questions/"


def fresh_form(client, program, language="en"):
    response = client.get(questions_url(program, language))
    assert response.status_code == 200
    return re.search(r'name="submission_token" value="([^"]+)"', response.content.decode()).group(1)


def receipt_on(response):
    return re.search(r'id="receipt-code">([^<]+)<', response.content.decode()).group(1)


def test_opening_screen_explains_the_promises_in_plain_language(client, program):
    response = client.get(f"/en/feedback/{program.code}/")
    assert response.status_code == 200
    text = response.content.decode()
    for promise in (
        "It is anonymous: do not write your name, phone or address.",
        "Skip any question.",
        "Your services never depend on it.",
        "Who reads it and what is stored",
        "What is stored:",
        "What is not stored:",
        "your internet address, your device or browser, or the time of day",
    ):
        assert promise in text
    assert f'href="/en/feedback/{program.code}/questions/"' in text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_survey_screen_answers_in_every_language(client, program, code):
    for path in ("", f"{program.code}/", f"{program.code}/questions/", "withdraw/"):
        response = client.get(f"/{code}/feedback/{path}")
        assert response.status_code == 200, path
        assert f'<html lang="{code}"' in response.content.decode()


def test_program_picker_lists_active_programs(client, program, other_program):
    other_program.active = False
    other_program.save()
    text = client.get("/en/feedback/").content.decode()
    assert f'href="/en/feedback/{program.code}/"' in text
    assert other_program.code not in text


def test_a_response_stores_only_program_version_language_channel_and_date(client, program, survey, django_user_model):
    # Even a signed-in person with a known address and browser leaves no trace of them.
    client.force_login(django_user_model.objects.create_user("someone", password="x-password-123"))
    token = fresh_form(client, program, "sw")
    response = client.post(
        questions_url(program, "sw"),
        {
            "submission_token": token,
            "q_feel-safe": "4",
            "q_helped": ["counselling", "health-care"],
            "q_better": "More evening sessions.",
        },
        REMOTE_ADDR=IP_ADDRESS,
        HTTP_USER_AGENT=USER_AGENT,
        follow=True,
    )
    assert response.status_code == 200
    stored = FeedbackResponse.objects.get()
    assert {field.name for field in FeedbackResponse._meta.concrete_fields} == {
        "id", "program", "survey_version", "language", "channel", "submitted_on",
        "submission_hash", "receipt_hash", "review_status", "is_sample", "record_key",
    }  # fmt: skip
    # The record key is a random number from 0 to 255 for the released figures' noise (reporting/ptable.py).
    assert 0 <= stored.record_key <= 255
    assert (stored.program, stored.survey_version, stored.language, stored.channel) == (
        program,
        survey.current_version(),
        "sw",
        "web",
    )
    assert stored.submitted_on == datetime.date.today()
    assert type(stored.submitted_on) is datetime.date
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM feedback_feedbackresponse")
        response_row = cursor.fetchall()
        cursor.execute("SELECT * FROM feedback_feedbackanswer")
        answer_rows = cursor.fetchall()
    everything = repr(response_row) + repr(answer_rows)
    for identifying in (IP_ADDRESS, USER_AGENT, "someone", receipt_on(response), token):
        assert identifying not in everything
    assert sorted((a.question_key, a.number, a.choice, a.text) for a in stored.answers.all()) == [
        ("better", None, "", "More evening sessions."),
        ("feel-safe", 4, "", ""),
        ("helped", None, "counselling", ""),
        ("helped", None, "health-care", ""),
    ]


def test_free_text_is_plain_and_personal_data_is_removed_before_storage(client, program):
    token = fresh_form(client, program)
    text = "<b>Thanks</b> <script>x()</script>call 0712 345 678 or write to amina@example.org, see www.example.com, case 1234567"
    client.post(questions_url(program), {"submission_token": token, "q_better": text})
    assert (
        FeedbackAnswer.objects.get().text
        == "Thanks x()call [removed] or write to [removed], see [removed], case [removed]"
    )


def test_the_form_says_in_advance_that_personal_data_is_removed(client, program):
    response = client.get(questions_url(program))
    assert (
        "Email addresses, phone numbers, web links and long numbers are removed from written answers before they are saved."
        in response.content.decode()
    )
    assert "Names and places cannot be removed automatically, so please do not write them." in response.content.decode()


def test_skipping_every_question_but_one_is_allowed(client, program):
    # Skipping them all is refused with a note (tests/feedback/test_nothing_answered.py).
    token = fresh_form(client, program)
    response = client.post(
        questions_url(program),
        {"submission_token": token, "q_feel-safe": "", "q_contact": "", "q_better": "They listened."},
        follow=True,
    )
    assert response.status_code == 200
    assert FeedbackResponse.objects.get().answers.count() == 1


def test_a_resubmitted_form_is_stored_once_and_shows_no_second_code(client, program):
    token = fresh_form(client, program)
    first = client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "5"}, follow=True)
    second = client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "5"}, follow=True)
    assert (first.status_code, second.status_code) == (200, 200)
    assert receipt_on(first) not in second.content.decode()
    assert 'id="receipt-code"' not in second.content.decode()
    assert "These answers had already arrived. They were saved once." in second.content.decode()
    assert FeedbackResponse.objects.count() == 1
    assert FeedbackAnswer.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_posts_of_one_form_make_one_response(program, settings):
    """Runs on SQLite and, with DATABASE_URL set to PostgreSQL, on PostgreSQL.

    Sessions live in the cache, as they do in production: the test database on SQLite is shared
    in memory, where two connections writing the session table at once fail at once instead of
    waiting as they do on a database file. The responses table is what this test is about.
    """
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    token = fresh_form(Client(), program)
    barrier = threading.Barrier(2)
    statuses, receipts = [], []

    def post():
        try:
            barrier.wait()
            response = Client().post(
                questions_url(program),
                {"submission_token": token, "q_feel-safe": "3", "q_better": "Same form twice."},
                follow=True,
            )
            statuses.append(response.status_code)
            receipts.append(receipt_on(response) if 'id="receipt-code"' in response.content.decode() else None)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200, 200]
    # The one that stored the answers shows the code; the other shows none.
    assert len([code for code in receipts if code]) == 1 and None in receipts
    assert FeedbackResponse.objects.count() == 1
    assert FeedbackAnswer.objects.count() == 2


def test_receipt_code_is_long_random_and_stored_only_as_a_hash(client, program):
    codes = []
    for _ in range(3):
        token = fresh_form(client, program)
        answers = {"submission_token": token, "q_feel-safe": "4"}
        codes.append(receipt_on(client.post(questions_url(program), answers, follow=True)))
    assert len(set(codes)) == 3
    for code in codes:
        assert len(code.replace("-", "")) >= 10
        assert FeedbackResponse.objects.filter(receipt_hash=receipt_hash(code)).count() == 1
    assert not FeedbackResponse.objects.filter(receipt_hash__in=codes).exists()


def test_withdrawal_with_the_receipt_code_deletes_the_response(client, program):
    token = fresh_form(client, program)
    code = receipt_on(
        client.post(questions_url(program), {"submission_token": token, "q_better": "Please delete this."}, follow=True)
    )
    # Written by hand in lower case with spaces: still accepted, and nothing is deleted before the survivor confirms.
    response = client.post("/en/feedback/withdraw/", {"receipt_code": code.lower().replace("-", " ")})
    assert response.status_code == 200
    assert "Delete these answers?" in response.content.decode()
    assert FeedbackResponse.objects.count() == 1
    response = client.post("/en/feedback/withdraw/", {"receipt_code": code.lower().replace("-", " "), "confirm": "yes"})
    assert response.status_code == 200
    assert "Your answers have been deleted" in response.content.decode()
    assert FeedbackResponse.objects.count() == 0
    assert FeedbackAnswer.objects.count() == 0


def test_withdrawal_with_an_unknown_code_says_so(client, program):
    response = client.post("/en/feedback/withdraw/", {"receipt_code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 404
    assert "No answers match this code." in response.content.decode()


def test_withdrawal_ends_after_30_days(client, program):
    token = fresh_form(client, program)
    code = receipt_on(client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, follow=True))
    FeedbackResponse.objects.update(submitted_on=datetime.date.today() - datetime.timedelta(days=31))
    assert client.post("/en/feedback/withdraw/", {"receipt_code": code}).status_code == 404
    assert FeedbackResponse.objects.count() == 1


def test_unknown_program_code_is_a_clear_404(client, survey):
    response = client.get("/en/feedback/no-such-program/questions/")
    assert response.status_code == 404
    assert "We could not find a program with this feedback link." in response.content.decode()
    response = client.get("/sw/feedback/no-such-program/")
    assert response.status_code == 404
    assert 'lang="sw"' in response.content.decode()


def test_a_value_outside_the_options_is_rejected_and_nothing_is_saved(client, program):
    for field, value in (
        ("q_feel-safe", "6"),
        ("q_contact", "sometimes"),
        ("q_helped", "bribes"),
        ("q_confident-earning", "eleven"),
    ):
        token = fresh_form(client, program)
        response = client.post(questions_url(program), {"submission_token": token, "q_better": "Fine.", field: value})
        assert response.status_code == 400, field
        assert "Some answers could not be accepted." in response.content.decode()
    assert FeedbackResponse.objects.count() == 0
    assert FeedbackAnswer.objects.count() == 0


def test_oversized_text_is_rejected_and_nothing_is_saved(client, program):
    token = fresh_form(client, program)
    response = client.post(
        questions_url(program),
        {"submission_token": token, "q_feel-safe": "4", "q_better": "x" * (settings.FEEDBACK_TEXT_MAX_LENGTH + 1)},
    )
    assert response.status_code == 400
    assert FeedbackResponse.objects.count() == 0


def test_a_closed_survey_takes_no_answers(client, program, survey):
    token = fresh_form(client, program)
    survey.accepting_responses = False
    survey.save_revision().publish()
    for response in (
        client.get(f"/en/feedback/{program.code}/"),
        client.post(questions_url(program), {"submission_token": token}),
    ):
        assert response.status_code == 410
        assert "This survey is closed" in response.content.decode()
    assert FeedbackResponse.objects.count() == 0


def test_a_forged_or_missing_token_is_refused(client, program):
    for token in ("", "forged-token", "eyJ0b2tlbiI6IngifQ:abc:def"):
        response = client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "4"})
        assert response.status_code == 400
        assert "This page was open for a long time, so your answers were not sent yet." in response.content.decode()
    assert FeedbackResponse.objects.count() == 0


def test_the_honeypot_stops_bots(client, program):
    token = fresh_form(client, program)
    response = client.post(
        questions_url(program), {"submission_token": token, "q_feel-safe": "4", "website": "http://spam.example"}
    )
    assert response.status_code == 400
    assert FeedbackResponse.objects.count() == 0


def test_too_many_submissions_from_one_address_are_slowed_down(client, program, settings):
    settings.FEEDBACK_SUBMISSIONS_PER_HOUR = 2
    statuses = []
    for _ in range(3):
        token = fresh_form(client, program)
        statuses.append(
            client.post(
                questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, REMOTE_ADDR=IP_ADDRESS
            ).status_code
        )
    assert statuses == [200, 200, 429]
    # Another address is not affected, and the address itself is never stored.
    token = fresh_form(client, program)
    assert (
        client.post(
            questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, REMOTE_ADDR="198.51.100.1"
        ).status_code
        == 200
    )
    assert FeedbackResponse.objects.count() == 3


def test_editing_questions_keeps_earlier_responses_readable(program, survey):
    old = make_response(program, survey, feel_safe=4, contact="every-week")
    question = survey.questions.get(key="feel-safe")
    question.text_en = "I feel safe at home."
    question.save()
    contact = survey.questions.get(key="contact")
    contact.options_en = "Daily\nWeekly"
    contact.save()
    new = make_response(program, survey, feel_safe=2)
    assert old.survey_version != new.survey_version
    assert (old.survey_version.number, new.survey_version.number) == (1, 2)
    assert [(question, value) for question, value, _answer in old.answers_for_display("en")] == [
        ("Question feel-safe?", "Agree"),
        ("Question contact?", "Every week"),
    ]
    assert [(question, value) for question, value, _answer in new.answers_for_display("en")] == [
        ("I feel safe at home.", "Disagree")
    ]


def test_giving_feedback_sets_no_cookie_but_the_csrf_token(client, program):
    token = fresh_form(client, program)
    code = receipt_on(client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, follow=True))
    client.post("/en/feedback/withdraw/", {"receipt_code": code, "confirm": "yes"})
    # The receipt code came in the answer to the form: no session was ever started for it.
    assert {name for name, morsel in client.cookies.items() if morsel.value} == {"csrftoken"}


def test_too_many_withdrawal_attempts_are_slowed_down(client, program, settings):
    settings.FEEDBACK_WITHDRAWALS_PER_HOUR = 3
    statuses = [
        client.post("/en/feedback/withdraw/", {"receipt_code": f"AAAA-BBBB-CCC{n}"}).status_code for n in range(4)
    ]
    assert statuses == [404, 404, 404, 429]


def test_screen_readers_read_each_questions_help_and_error(client, program):
    """Every aria-describedby on the survey points at an element of the page: help, and errors too."""

    def described_ids_and_ids(html):
        described = {id_ for value in re.findall(r'aria-describedby="([^"]+)"', html) for id_ in value.split()}
        return described, set(re.findall(r'\sid="([^"]+)"', html))

    described, ids = described_ids_and_ids(client.get(questions_url(program)).content.decode())
    assert {"id_q_better_helptext", "id_q_often-afraid_helptext"} <= described
    assert described <= ids
    token = fresh_form(client, program)
    response = client.post(questions_url(program), {"submission_token": token, "q_contact": "not one of the options"})
    assert response.status_code == 400
    described, ids = described_ids_and_ids(response.content.decode())
    assert "id_q_contact_error" in described
    assert described <= ids
