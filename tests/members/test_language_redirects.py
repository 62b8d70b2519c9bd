"""Signing in, out and up, and the two-step code, keep the reader's language and their place."""

import pytest
from django.conf import settings

from members.models import InvitationCode
from tests.conftest import give_totp_authenticator, totp_code
from tests.stories.factories import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def _english_browser(client):
    # The phone's own language is English: only the page's prefix says which language the reader chose.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_signing_in_without_a_next_page_lands_on_the_home_page_in_the_readers_language(client, language):
    member = MemberFactory()
    response = _english_browser(client).post(
        f"/{language}/accounts/login/", {"login": member.user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_signing_in_returns_the_reader_to_the_page_they_were_on(client, language):
    member = MemberFactory()
    login_page = _english_browser(client).get(f"/{language}/accounts/login/", {"next": f"/{language}/stories/"})
    assert f'value="/{language}/stories/"' in login_page.content.decode()
    response = client.post(
        f"/{language}/accounts/login/",
        {"login": member.user.username, "password": PASSWORD, "next": f"/{language}/stories/"},
    )
    assert response["Location"] == f"/{language}/stories/"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_headers_sign_in_link_names_the_page_the_reader_is_on(client, language):
    html = _english_browser(client).get(f"/{language}/feedback/").content.decode()
    assert f'href="/{language}/accounts/login/?next=/{language}/feedback/"' in html


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_two_step_code_keeps_the_language_and_the_page(client, language):
    member = MemberFactory()
    give_totp_authenticator(member.user)
    response = _english_browser(client).post(
        f"/{language}/accounts/login/",
        {"login": member.user.username, "password": PASSWORD, "next": f"/{language}/my-stories/"},
    )
    assert response["Location"] == f"/{language}/accounts/2fa/authenticate/"
    response = client.post(f"/{language}/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response["Location"] == f"/{language}/my-stories/"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_signing_out_lands_on_the_home_page_in_the_readers_language(client, language):
    member = MemberFactory()
    _english_browser(client).force_login(member.user)
    response = client.post(f"/{language}/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_signing_up_lands_on_the_welcome_page_in_the_readers_language(client, language):
    InvitationCode.objects.create(code=f"WELCOME-{language}")
    response = _english_browser(client).post(
        f"/{language}/accounts/signup/",
        {
            "invitation_code": f"WELCOME-{language}",
            "username": f"new-{language}",
            "pseudonym": "Nuru",
            "email": "",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
            "chapter": "",
            "preferred_language": language,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/my-stories/welcome/"
