"""The reviewer's redact screen, in a real browser without JavaScript tricks, checked with axe-core."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from feedback.models import FeedbackAnswer
from feedback.roles import FEEDBACK_REVIEWERS, ensure_feedback_groups
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps
from tests.feedback.factories import ProgramFactory, make_response, make_survey

from .conftest import assert_no_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Amina Wanjiru took me to Kibera. I live on 12 Main Street near the village."


@pytest.fixture
def response(browser_page, demo_site):
    survey = make_survey()
    program = ProgramFactory(code="ke-redact", name="Kenya aftercare", name_en="Kenya aftercare", survey=survey)
    return make_response(program, survey, better=TEXT)


@pytest.fixture
def reviewer_page(browser_page, live_server):
    user = get_user_model().objects.create_user("browser-reviewer", password="a-long-password-123", is_staff=True)
    user.groups.add(ensure_feedback_groups()[FEEDBACK_REVIEWERS])
    give_totp_authenticator(user)
    client = Client()
    sign_in_with_two_steps(client, user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    browser_page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return browser_page


def test_the_reviewer_unticks_one_highlight_and_redacts_the_rest_in_one_step(reviewer_page, response):
    page = reviewer_page
    page.goto(f"/admin/feedback/responses/{response.pk}/redact/")
    assert page.locator("mark").all_text_contents() == [
        f"{words} (highlighted: may be a name or place)"
        for words in ("Amina Wanjiru", "Kibera", "12 Main Street", "village")
    ]
    assert_no_axe_violations(page)
    save_screenshot(page, "feedback-redact-highlighted")
    page.get_by_label("Redact “village”").uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Redact highlighted").click()
    stored = FeedbackAnswer.objects.get().text
    assert stored == "[removed] took me to [removed]. I live on [removed] near the village."
    assert page.locator("mark").all_text_contents() == ["village (highlighted: may be a name or place)"]
    assert_no_axe_violations(page)
