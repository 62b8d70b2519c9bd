"""Every public form carries the same field for bots (gsn_site.forms.HoneypotMixin) and refuses it the same way:
the form comes back with a 400 and one translated sentence, nothing is saved, and the field is empty again."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation

from feedback.models import FeedbackResponse
from home.models import ChapterMessage
from stories.models import ContentReport, StoryPage
from tests.feedback.factories import ProgramFactory, make_survey
from tests.members.test_accounts import signup_data
from tests.stories.conftest import published_story
from tests.stories.factories import InvitationCodeFactory, MemberFactory, ModeratorFactory, StoryIndexPageFactory
from tests.stories.test_submission import story_post

pytestmark = pytest.mark.django_db

REFUSAL = "This form could not be sent. Please try again."
BOT_VALUE = "http://spam.example"


@pytest.fixture(autouse=True)
def _clean_state():
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


def share_story(client, demo_site):
    StoryIndexPageFactory(parent=demo_site)
    client.force_login(MemberFactory().user)

    def send(website):
        return client.post("/en/share-your-story/", story_post(website=website))

    return send, lambda: StoryPage.objects.count()


def report_story(client, demo_site):
    member = MemberFactory().user
    story = published_story(StoryIndexPageFactory(parent=demo_site), member, ModeratorFactory())

    def send(website):
        return client.post(f"/en/report-story/{story.pk}/", {"reason": "spam", "note": "", "website": website})

    return send, lambda: ContentReport.objects.count()


def chapter_message(client, demo_site):
    def send(website):
        return client.post("/en/network/sample-chapter-india/", {"message": "Can I join?", "website": website})

    return send, lambda: ChapterMessage.objects.count()


def feedback_program(client):
    program = ProgramFactory(code="kenya-aftercare", survey=make_survey())
    return program, f"/en/feedback/{program.code}/questions/"


def submission_token(client, url):
    return re.search(r'name="submission_token" value="([^"]+)"', client.get(url).content.decode()).group(1)


def feedback_answers(client, demo_site):
    _program, url = feedback_program(client)

    def send(website):
        return client.post(
            url, {"submission_token": submission_token(client, url), "q_feel-safe": "4", "website": website}
        )

    return send, lambda: FeedbackResponse.objects.count()


def sent_receipt_code(client):
    _program, url = feedback_program(client)
    response = client.post(url, {"submission_token": submission_token(client, url), "q_feel-safe": "4"}, follow=True)
    return re.search(r'id="receipt-code">([^<]+)<', response.content.decode()).group(1)


def withdrawal_code(client, demo_site):
    code = sent_receipt_code(client)

    def send(website):
        return client.post("/en/feedback/withdraw/", {"receipt_code": code, "website": website})

    # The first step only finds the answers: it succeeds with the confirmation page and deletes nothing.
    return send, lambda: int(FeedbackResponse.objects.count() == 0)


def withdrawal_confirmation(client, demo_site):
    code = sent_receipt_code(client)

    def send(website):
        return client.post("/en/feedback/withdraw/", {"receipt_code": code, "confirm": "yes", "website": website})

    return send, lambda: int(FeedbackResponse.objects.count() == 0)


def signup(client, demo_site):
    InvitationCodeFactory(code="HONEY-1")

    def send(website):
        return client.post("/en/accounts/signup/", signup_data("HONEY-1", website=website))

    return send, lambda: get_user_model().objects.filter(username="newmember").count()


PUBLIC_FORMS = {
    "share a story": (share_story, 302, 1),
    "report a story": (report_story, 302, 1),
    "chapter contact": (chapter_message, 302, 1),
    # The answer to the survey is the thank-you page itself (the receipt code is shown once, there).
    "feedback answers": (feedback_answers, 200, 1),
    "withdrawal code": (withdrawal_code, 200, 0),
    "withdrawal confirmation": (withdrawal_confirmation, 200, 1),
    "sign up": (signup, 302, 1),
}


@pytest.mark.parametrize("name", PUBLIC_FORMS)
def test_a_filled_in_honeypot_is_refused_with_the_same_message_and_nothing_is_saved(client, demo_site, name):
    prepare, _success_status, _effect_on_success = PUBLIC_FORMS[name]
    send, effect = prepare(client, demo_site)
    response = send(BOT_VALUE)
    content = response.content.decode()
    assert response.status_code == 400
    assert REFUSAL in content
    # Shown empty again: a person whose browser filled it in gets through on the next try.
    assert BOT_VALUE not in content
    assert re.search(r'<input type="text" name="website" tabindex="-1" autocomplete="off" id="[^"]+">', content)
    assert effect() == 0


@pytest.mark.parametrize("name", PUBLIC_FORMS)
def test_an_empty_honeypot_lets_the_form_through(client, demo_site, name):
    prepare, success_status, effect_on_success = PUBLIC_FORMS[name]
    send, effect = prepare(client, demo_site)
    response = send("")
    assert response.status_code == success_status
    assert REFUSAL not in response.content.decode()
    assert effect() == effect_on_success


def test_the_refusal_is_translated(client, demo_site):
    response = client.post("/fr/network/sample-chapter-india/", {"message": "Puis-je venir ?", "website": BOT_VALUE})
    assert response.status_code == 400
    assert "Ce formulaire n’a pas pu être envoyé. Veuillez réessayer." in response.content.decode()
