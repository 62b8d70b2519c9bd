"""What a receipt code leaves behind: it is handed over once, in the answer to the form, and kept
nowhere, so nothing on the server or the device links an account or a later visitor to a response."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session

from feedback.models import FeedbackResponse

from .test_public_flow import fresh_form, questions_url, receipt_on

pytestmark = pytest.mark.django_db


def stored_sessions():
    return [session.get_decoded() for session in Session.objects.all()]


def test_a_signed_in_members_session_never_holds_the_receipt_code_beside_their_user_id(client, program):
    member = get_user_model().objects.create_user("member-who-answers", password="a-long-password-1")
    client.force_login(member)
    response = client.post(
        questions_url(program), {"submission_token": fresh_form(client, program), "q_feel-safe": "4"}
    )
    code = receipt_on(response)
    assert FeedbackResponse.objects.count() == 1
    sessions = stored_sessions()
    assert [session["_auth_user_id"] for session in sessions] == [str(member.pk)]
    assert code not in repr(sessions)
    assert code.replace("-", "") not in repr(sessions)
    # The thank-you address, opened later on the same device, shows no code either.
    assert code not in client.get(f"/en/feedback/{program.code}/thank-you/").content.decode()


def test_the_code_is_handed_over_once_and_an_anonymous_sender_keeps_no_session(client, program):
    response = client.post(
        questions_url(program), {"submission_token": fresh_form(client, program), "q_feel-safe": "4"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Your answers were received." in response.content.decode()
    code = receipt_on(response)
    assert stored_sessions() == []
    assert code not in repr(dict(client.cookies.items()))
    later = client.get(f"/en/feedback/{program.code}/thank-you/").content.decode()
    assert code not in later
    assert "Your receipt code was shown once, right after you sent your answers." in later


def test_a_replayed_submission_shows_no_code(client, program):
    """Someone who finds the sent form in the browser's history and sends it again learns nothing."""
    data = {"submission_token": fresh_form(client, program), "q_feel-safe": "4"}
    code = receipt_on(client.post(questions_url(program), data))
    replay = client.post(questions_url(program), data)
    page = replay.content.decode()
    assert replay.status_code == 200
    assert code not in page
    assert not re.search(r'id="receipt-code"', page)
    assert "These answers had already arrived. They were saved once." in page
    assert FeedbackResponse.objects.count() == 1


def csrf_cookie_header(response):
    return response.cookies["csrftoken"].output(header="").strip()


@pytest.mark.parametrize("path", ["questions/", "withdraw/"])
def test_the_csrf_cookie_of_the_feedback_pages_ends_with_the_browser(client, program, path):
    """A cookie kept for a year tells whoever picks up a shared phone that it was used to give feedback."""
    url = questions_url(program) if path == "questions/" else "/en/feedback/withdraw/"
    response = client.get(url)
    assert response.status_code == 200
    header = csrf_cookie_header(response).lower()
    assert header.startswith("csrftoken=")
    assert "expires" not in header and "max-age" not in header


def test_no_page_of_the_site_sets_a_csrf_cookie_that_outlives_the_browser(client, settings):
    """The cookie is the same for the whole site: one set for a year elsewhere would be sent on to
    the feedback pages unchanged, so it ends with the browser everywhere."""
    assert settings.CSRF_COOKIE_AGE is None
    header = csrf_cookie_header(client.get("/en/accounts/login/")).lower()
    assert "expires" not in header and "max-age" not in header
