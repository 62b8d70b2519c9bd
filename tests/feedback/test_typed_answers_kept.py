"""Nothing a survivor typed is lost when the page was open too long or came back without its cookie."""

import re

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client

from feedback.models import FeedbackResponse
from feedback.receipts import TOKEN_MAX_AGE, TOKEN_SALT, read_submission_token

pytestmark = pytest.mark.django_db

TYPED = "The counsellor listened to me and I felt believed."
OLD_FORM_NOTE = {
    "en": "This page was open for a long time, so your answers were not sent yet.",
    "sw": "Ukurasa huu ulikuwa wazi kwa muda mrefu, kwa hiyo majibu yako hayajatumwa bado.",
}


def typed_answers(token):
    return {"submission_token": token, "q_feel-safe": "4", "q_helped": ["counselling", "legal-help"], "q_better": TYPED}


def expired_token(version_pk):
    """A token signed more than its lifetime ago (the survey page was left open overnight)."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    value = signing.dumps({"token": "left-open", "version": version_pk}, salt=TOKEN_SALT, compress=True)
    # Re-sign the same payload with a timestamp older than the token's life.
    payload = value.rsplit(":", 2)[0]
    old = signing.b62_encode(int(signing.time.time()) - TOKEN_MAX_AGE - 60)
    return f"{payload}:{old}:{signer.signature(f'{payload}:{old}')}"


def assert_answers_shown_again(html):
    assert TYPED in html
    assert re.search(r'name="q_feel-safe" value="4"[^>]*checked', html)
    assert re.search(r'name="q_helped" value="counselling"[^>]*checked', html)
    assert re.search(r'name="q_helped" value="legal-help"[^>]*checked', html)
    fresh = re.search(r'name="submission_token" value="([^"]+)"', html).group(1)
    assert read_submission_token(fresh) is not None


@pytest.mark.parametrize("language", ["en", "sw"])
def test_a_form_left_open_past_its_tokens_life_comes_back_with_every_answer_and_a_fresh_token(
    client, program, survey, language
):
    token = expired_token(survey.current_version().pk)
    assert read_submission_token(token) is None
    response = client.post(f"/{language}/feedback/{program.code}/questions/", typed_answers(token))
    assert response.status_code == 400
    html = response.content.decode()
    assert OLD_FORM_NOTE[language] in html
    assert_answers_shown_again(html)
    assert FeedbackResponse.objects.count() == 0


def test_the_form_sent_again_with_its_fresh_token_is_received(client, program, survey):
    first = client.post(f"/en/feedback/{program.code}/questions/", typed_answers("forged-token"))
    fresh = re.search(r'name="submission_token" value="([^"]+)"', first.content.decode()).group(1)
    response = client.post(f"/en/feedback/{program.code}/questions/", typed_answers(fresh))
    # The answer to the form is the thank-you page, with the receipt code shown once.
    assert response.status_code == 200
    assert 'id="receipt-code"' in response.content.decode()
    assert FeedbackResponse.objects.count() == 1


@pytest.mark.parametrize("language", ["en", "sw"])
def test_a_survey_sent_without_its_cookie_comes_back_with_every_answer_and_a_new_cookie(program, language):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(f"/{language}/feedback/{program.code}/questions/").content.decode()
    token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    browser.cookies.clear()
    response = browser.post(f"/{language}/feedback/{program.code}/questions/", typed_answers(token))
    html = response.content.decode()
    assert response.status_code == 403
    assert "CSRF" not in html
    assert OLD_FORM_NOTE[language] in html
    assert f'<html lang="{language}"' in html
    assert 'id="quick-exit"' in html
    assert_answers_shown_again(html)
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert FeedbackResponse.objects.count() == 0

    # Sent again as the page now stands, the answers arrive.
    fresh_csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    fresh = re.search(r'name="submission_token" value="([^"]+)"', html).group(1)
    again = browser.post(
        f"/{language}/feedback/{program.code}/questions/",
        {**typed_answers(fresh), "csrfmiddlewaretoken": fresh_csrf},
    )
    assert again.status_code == 200
    assert 'id="receipt-code"' in again.content.decode()
    assert FeedbackResponse.objects.count() == 1


@pytest.mark.parametrize(
    "language,title",
    [("en", "This form could not be sent"), ("hi", "यह फ़ॉर्म भेजा नहीं जा सका"), ("ar", "تعذّر إرسال هذا النموذج")],
)
def test_every_other_form_without_its_cookie_gets_a_translated_page_with_quick_exit(language, title):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(f"/{language}/feedback/withdraw/", {"receipt_code": "7K2M-Q9XD-4HTB"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "CSRF verification failed" not in html
    assert f'<html lang="{language}"' in html
    assert title in html
    assert 'id="quick-exit"' in html
    assert f'href="/{language}/feedback/withdraw/"' in html
