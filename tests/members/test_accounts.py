from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.utils import timezone

from members.models import InvitationCode, MemberProfile
from tests.conftest import choose_admin_language, give_totp_authenticator, sign_in_with_two_steps, totp_code
from tests.stories.factories import PASSWORD, InvitationCodeFactory, MemberFactory, ModeratorFactory, UserFactory

pytestmark = pytest.mark.django_db


def signup_data(code, **overrides):
    return {
        "invitation_code": code,
        "username": "newmember",
        "pseudonym": "Nuru",
        "email": "",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        "chapter": "",
        "preferred_language": "sw",
        **overrides,
    }


def test_signing_up_with_a_valid_invitation_creates_a_member_and_uses_the_code(client):
    invitation = InvitationCodeFactory(code="WELCOME-1")
    response = client.post("/en/accounts/signup/", signup_data("WELCOME-1"))
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newmember")
    profile = MemberProfile.objects.get(user=user)
    assert (profile.pseudonym, profile.preferred_language, profile.chapter) == ("Nuru", "sw", None)
    invitation.refresh_from_db()
    assert invitation.used_by == user
    assert invitation.used_at is not None
    assert user.email == ""


@pytest.mark.parametrize(
    "make_code",
    [
        lambda: InvitationCodeFactory(code="OLD", expires_at=timezone.now() - timedelta(minutes=1)),
        lambda: InvitationCodeFactory(code="OLD", revoked=True),
        lambda: InvitationCodeFactory(code="OLD", used_at=timezone.now(), used_by=UserFactory()),
        lambda: None,
    ],
    ids=["expired", "revoked", "already-used", "unknown"],
)
def test_signing_up_without_a_usable_invitation_is_refused(client, make_code):
    make_code()
    response = client.post("/en/accounts/signup/", signup_data("OLD"))
    assert response.status_code == 400
    assert "This invitation code is not valid" in response.content.decode()
    assert not get_user_model().objects.filter(username="newmember").exists()


def test_an_invitation_code_works_only_once(client):
    InvitationCodeFactory(code="ONCE")
    client.post("/en/accounts/signup/", signup_data("ONCE"))
    client.logout()
    response = client.post("/en/accounts/signup/", signup_data("ONCE", username="second"))
    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="second").exists()
    assert InvitationCode.objects.usable().count() == 0


def test_the_pseudonym_cannot_be_the_username(client):
    InvitationCodeFactory(code="SAME")
    response = client.post("/en/accounts/signup/", signup_data("SAME", pseudonym="NewMember"))
    assert "must be different from your username" in response.content.decode()


def test_signup_page_says_email_is_optional_and_a_moderator_can_reset_the_password(client):
    response = client.get("/en/accounts/signup/")
    content = response.content.decode()
    assert "a moderator of your chapter can reset it for you" in content
    assert 'name="invitation_code"' in content
    assert response["Cache-Control"].count("no-store") == 1


def test_login_form_has_no_remember_me(client):
    content = client.get("/en/accounts/login/").content.decode()
    assert 'name="login"' in content
    assert 'name="remember"' not in content


def test_staff_without_two_step_sign_in_are_sent_to_set_it_up_before_the_admin(client):
    moderator = ModeratorFactory()
    client.force_login(moderator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"


@pytest.mark.parametrize("language", ["pt", "hi", "ar"])
def test_staff_signing_in_on_a_page_in_their_language_set_up_two_steps_in_it(client, language):
    moderator = ModeratorFactory()
    client.post(f"/{language}/accounts/login/", {"login": moderator.username, "password": PASSWORD})
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/2fa/totp/activate/"


def test_staff_whose_session_passed_two_step_sign_in_reach_the_admin(client):
    sign_in_with_two_steps(client, ModeratorFactory())
    assert client.get("/admin/").status_code == 200


def sign_in_on(client, language, user):
    """Password and code, both on the site's pages in `language`."""
    client.post(f"/{language}/accounts/login/", {"login": user.username, "password": PASSWORD})
    response = client.post(f"/{language}/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302


# Wagtail ships its admin in pt-br, fr and ar, but not in hi: Hindi-speaking staff get English.
@pytest.mark.parametrize(
    ("language", "admin_language", "exploring"),
    [("pt", "pt-br", "Explorando"), ("fr", "fr", "Exploration"), ("ar", "ar", "استكشاف"), ("hi", "en", "Exploring")],
)
def test_staff_who_signed_in_on_a_page_in_their_language_get_the_admin_in_it(
    client, language, admin_language, exploring
):
    sign_in_on(client, language, give_totp_authenticator(ModeratorFactory()))
    response = client.get("/admin/pages/")
    assert response.status_code == 200
    assert f'<html lang="{admin_language}" dir="{"rtl" if language == "ar" else "ltr"}"' in response.text
    assert f"<title>{exploring}: Root - Wagtail</title>" in response.text


def test_staff_who_chose_an_admin_language_keep_it_whatever_page_they_signed_in_on(client):
    moderator = give_totp_authenticator(ModeratorFactory())
    choose_admin_language(moderator, "en")
    sign_in_on(client, "pt", moderator)
    response = client.get("/admin/pages/")
    assert '<html lang="en" dir="ltr"' in response.text


def test_members_without_admin_access_are_told_so_and_cannot_use_the_admin(client):
    client.force_login(MemberFactory().user)
    response = client.get("/admin/")
    # Not a redirect to the sign-in page, which would send a signed-in member straight back here.
    assert response.status_code == 403
    assert "Your account cannot open this page." in response.text


def test_members_can_turn_on_two_step_sign_in(client):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    user = MemberFactory().user
    client.post("/en/accounts/login/", {"login": user.username, "password": PASSWORD})
    # Adding a second factor asks for the password again first.
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    assert secret in response.content.decode()
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()


def test_staff_create_invitation_codes_in_the_admin(client):
    from django.urls import reverse

    moderator = ModeratorFactory()
    sign_in_with_two_steps(client, moderator)
    url = reverse("wagtailsnippets_members_invitationcode:add")
    assert client.get(url).status_code == 200
    expires_at = (timezone.localtime() + timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    response = client.post(url, {"code": "FROM-ADMIN", "note": "chapter meeting", "expires_at": expires_at})
    assert response.status_code == 302
    invitation = InvitationCode.objects.get(code="FROM-ADMIN")
    assert (invitation.created_by, invitation.is_usable) == (moderator, True)


@pytest.mark.parametrize(("language", "signed_in"), [("en", "You are signed in."), ("es", "Has iniciado sesión.")])
def test_the_sign_in_message_never_shows_the_login_name_on_a_shared_screen(client, demo_site, language, signed_in):
    member = MemberFactory().user
    response = client.post(
        f"/{language}/accounts/login/", {"login": member.username, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert signed_in in response.text
    assert member.username not in response.text
