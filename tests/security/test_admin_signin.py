"""The admin opens only for a session that passed both steps of allauth's sign-in.

Written as an attacker who knows a moderator's password (but not their authenticator) would try it.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.urls import reverse

from members.models import EnrolmentCode
from stories.models import StoryPage
from tests.conftest import TEST_TOTP_SECRET, give_totp_authenticator, sign_in_with_two_steps, totp_code
from tests.stories.conftest import submitted_story
from tests.stories.factories import PASSWORD, MemberFactory, ModeratorFactory, StoryIndexPageFactory

pytestmark = pytest.mark.django_db

CODE_STEP = "/en/accounts/2fa/reauthenticate/?next="


@pytest.fixture(autouse=True)
def _no_rate_limits_or_used_codes_from_other_tests():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderator(db):
    return give_totp_authenticator(ModeratorFactory(username="moderator"))


@pytest.fixture
def story(demo_site):
    index = StoryIndexPageFactory(parent=demo_site)
    owner = MemberFactory(pseudonym="Mwangaza").user
    return submitted_story(index, owner, title="A story only moderators may read")


def admin_urls(story):
    """One URL of every kind of admin screen."""
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{story.pk}/edit/preview/",
        "/admin/snippets/stories/contentreport/",
        "/admin/snippets/members/memberprofile/",
        "/admin/snippets/programs/program/",
        "/admin/choose-page/",
        f"/admin/choose-page/{story.get_parent().pk}/",
        "/admin/choose-page/search/?q=story",
        "/admin/images/chooser/",
        "/admin/documents/chooser/",
        "/admin/api/main/pages/",
        f"/admin/api/main/pages/{story.pk}/",
        "/admin/pages/search/?q=story",
        "/admin/reports/site-history/",
        reverse("feedback_admin:report"),
        reverse("feedback_admin:report") + "?format=csv",
        reverse("feedback_admin:export_records"),
        reverse("outcomes_reports"),
        "/admin/users/",
    ]


LOGIN_URL_FORMS = [
    "/admin/login/",
    "/admin/login/?next=/admin/",
    "/admin/login",
    "/en/admin/login/",
    "/ar/admin/login/",
    "/admin/password_reset/",
    "/admin/password_reset/confirm/MQ/set-password/",
]


@pytest.mark.parametrize("url", LOGIN_URL_FORMS)
def test_posting_a_password_to_any_admin_login_address_opens_no_session(client, moderator, story, url):
    response = client.post(url, {"username": "moderator", "password": PASSWORD, "login": "moderator"}, follow=True)
    assert response.status_code in (200, 404, 405)
    assert SESSION_KEY not in client.session
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert admin["Location"].startswith("/en/accounts/login/")


def test_the_admin_login_page_is_allauths(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/admin/pages/"
    assert client.get("/admin/password_reset/")["Location"] == "/en/accounts/password/reset/"


def test_a_password_only_session_reaches_no_admin_screen(client, moderator, story):
    client.force_login(moderator)
    for url in admin_urls(story):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(CODE_STEP), (url, response["Location"])
        assert story.title not in response.content.decode()


def test_a_session_whose_records_show_only_the_password_is_sent_to_the_code_step(client, moderator, story):
    """The first step of allauth's sign-in, finished without its second (as a session that only
    ever saw the password page would be)."""
    from allauth.account.internal.flows.login import record_authentication
    from django.test import RequestFactory

    client.force_login(moderator)
    request = RequestFactory().get("/")
    request.session, request.user = client.session, moderator
    record_authentication(request, moderator, "password", username="moderator")
    request.session.save()
    response = client.post("/admin/api/main/pages/")
    assert response.status_code == 302
    assert response["Location"] == CODE_STEP + "/admin/api/main/pages/"


def test_the_real_password_and_code_steps_open_the_admin(client, story, django_user_model):
    give_totp_authenticator(django_user_model.objects.create_superuser("administrator", password=PASSWORD))
    response = client.post("/en/accounts/login/", {"login": "administrator", "password": PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    # Between the two steps nobody is signed in.
    assert client.get("/admin/")["Location"].startswith("/en/accounts/login/")
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(TEST_TOTP_SECRET)})
    assert response.status_code == 302
    for url in admin_urls(story):
        response = client.get(url)
        # The report export names no program: reached, it answers 400 and asks for one.
        expected = (400,) if url.endswith("?format=csv") else (200, 302)
        assert response.status_code in expected, url
        assert not response.get("Location", "").startswith(("/en/accounts/", "/admin/login")), url
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200


def test_the_code_step_brings_a_password_only_session_back_to_the_page_it_asked_for(client, moderator, story):
    client.force_login(moderator)
    url = f"/admin/pages/{story.pk}/edit/"
    response = client.get(url)
    step = client.get(response["Location"])
    assert step.status_code == 200
    assert "The administration needs the code from your authenticator app" in step.content.decode()
    response = client.post(response["Location"], {"code": "000000"})
    assert response.status_code == 200
    assert client.get(url).status_code == 302
    response = client.post(CODE_STEP + url, {"code": totp_code(TEST_TOTP_SECRET)})
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_code_guesses_at_the_code_step_are_limited(client, moderator):
    client.force_login(moderator)
    statuses = [client.post(CODE_STEP + "/admin/", {"code": "000000"}).status_code for _ in range(12)]
    assert statuses[-1] == 429
    # The right code no longer helps once the limit is reached.
    client.post(CODE_STEP + "/admin/", {"code": totp_code(TEST_TOTP_SECRET)})
    assert client.get("/admin/").status_code == 302


def test_password_guesses_are_limited_on_the_only_login_route(client, moderator):
    for n in range(5):
        response = client.post("/en/accounts/login/", {"login": "moderator", "password": f"wrong-{n}"})
        assert "Too many failed login attempts" not in response.content.decode()
    # The admin addresses take no password; they lead to the same, limited, form.
    assert client.post("/admin/login/", {"username": "moderator", "password": PASSWORD}).status_code == 302
    response = client.post("/en/accounts/login/", {"login": "moderator", "password": PASSWORD})
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    # Nor did the right password open the code step: there is no half-finished sign-in to go on with.
    code_step = client.get("/en/accounts/2fa/authenticate/")
    assert (code_step.status_code, code_step.get("Location")) == (302, "/en/accounts/login/")


@pytest.mark.django_db(transaction=True)
def test_staff_without_an_authenticator_set_one_up_and_continue_to_the_admin(client):
    """The code typed to switch the authenticator on counts as this session's second step (allauth
    announces the new authenticator once the database has it, hence a real transaction here)."""
    staff = ModeratorFactory(username="new-moderator")
    enrolment_code = EnrolmentCode.objects.issue(staff)[1]  # handed over by an administrator
    client.post("/en/accounts/login/", {"login": "new-moderator", "password": PASSWORD})
    response = client.get("/admin/")
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    # allauth asks for the password again before adding a way to sign in, and the page says why.
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    assert (
        "Before you change how you sign in, enter your password again"
        in client.get(response["Location"]).content.decode()
    )
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    page = client.get("/en/accounts/2fa/totp/activate/").content.decode()
    assert "Everyone who can open the administration must use two-step sign-in" in page
    secret = client.session["mfa.totp.secret"]
    response = client.post(
        "/en/accounts/2fa/totp/activate/", {"enrolment_code": enrolment_code, "code": totp_code(secret)}
    )
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/"
    codes_page = client.get(response["Location"]).content.decode()
    assert 'href="/admin/">Continue to the administration</a>' in codes_page
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200


def test_get_on_admin_logout_neither_signs_out_nor_drops_the_cookie(client, moderator):
    sign_in_with_two_steps(client, moderator)
    key = client.session.session_key
    response = client.get("/admin/logout/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert client.get("/admin/").status_code == 200
    assert SessionStore(session_key=key).exists(key)


def test_logout_is_a_post_that_ends_the_server_session(client, moderator):
    sign_in_with_two_steps(client, moderator)
    key = client.session.session_key
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert not SessionStore(session_key=key).exists(key)
    # Replaying the old cookie opens nothing.
    client.cookies["sessionid"] = key
    assert client.get("/admin/")["Location"].startswith("/en/accounts/login/")


def test_members_are_not_sent_to_the_code_step(client, story):
    client.force_login(MemberFactory().user)
    response = client.get("/admin/")
    # Told the admin is not for them, without a detour through the code step (or a redirect loop).
    assert response.status_code == 403
    assert "A story only moderators may read" not in response.text
    assert StoryPage.objects.get(pk=story.pk).title == "A story only moderators may read"


# Wagtail also serves a sign-in page of its own for readers of restricted pages, under every
# language prefix: a password alone, with none of allauth's rate limits.
FRONTEND_LOGIN_URL_FORMS = ["/en/_util/login/", "/fr/_util/login/?next=/fr/", "/ar/_util/login"]


@pytest.mark.parametrize("url", FRONTEND_LOGIN_URL_FORMS)
def test_posting_a_password_to_wagtails_reader_sign_in_opens_no_session(client, url):
    member = MemberFactory().user
    response = client.post(url, {"username": member.username, "password": PASSWORD}, follow=True)
    assert response.status_code in (200, 405)
    assert SESSION_KEY not in client.session


def test_wagtails_reader_sign_in_page_is_allauths(client):
    assert client.get("/fr/_util/login/?next=/fr/network/")["Location"] == "/fr/accounts/login/?next=/fr/network/"


def test_a_page_for_signed_in_readers_sends_them_to_allauths_sign_in(client, demo_site):
    from wagtail.models import PageViewRestriction

    from home.models import ChapterPage

    chapter = ChapterPage.objects.get(slug="sample-chapter-kenya")
    PageViewRestriction.objects.create(page=chapter, restriction_type=PageViewRestriction.LOGIN)
    path = "/ar/network/sample-chapter-kenya/"
    response = client.get(path)
    assert (response.status_code, response["Location"]) == (302, f"/ar/accounts/login/?next={path}")
