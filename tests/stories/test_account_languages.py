"""Every account page a member sees, in every language: render it, and look for English.

Each page is rendered in English and in each other language; any visible text (text nodes,
placeholders, button values) that is identical to a text of the English page is English left
untranslated, whether it comes from our templates, allauth's or Django's. Our catalogs fill in
what upstream does not translate (see gsn_site/upstream_strings.py).
"""

import re

import pytest
from bs4 import BeautifulSoup, Comment
from django.conf import settings
from django.core.cache import cache

from members.models import InvitationCode
from tests.conftest import give_totp_authenticator, totp_code

from .factories import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
INVISIBLE = ("script", "style", "template", "noscript", "svg")
# The same in every language: names, codes, numbers and symbols.
NOT_WORDS = re.compile(r"^[\W\d_]*$")
SAME_IN_EVERY_LANGUAGE = {"GSN", "Global Survivor Network"}
# Words that are spelled the same in English and in that language (language names included).
SAME_AS_ENGLISH = {
    "es": {"Hindi"},
    "fr": {"Impact", "Menu", "Code", "Hindi", "Khmer"},
    "pt": {"Menu", "Hindi", "Khmer"},
}


def visible_texts(html, skip=()):
    """The texts a person sees on the page, outside anything marked as English or as data."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(", ".join(INVISIBLE)):
        element.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    # The language menu names each language in itself; elements marked lang="en" are meant to be English.
    for element in soup.select('.language-switcher, [lang="en"]:not(html), .hp, [aria-hidden="true"]'):
        element.decompose()
    texts = [" ".join(text.split()) for text in soup.body.find_all(string=True)]
    texts += [element["placeholder"] for element in soup.body.select("[placeholder]")]
    texts += [element["value"] for element in soup.body.select("input[type=submit][value], button[value]")]
    return {
        text
        for text in texts
        if text and not NOT_WORDS.match(text) and text not in SAME_IN_EVERY_LANGUAGE and text not in skip
    }


def english_left(client_for, path, language, section=None):
    """Texts of the page in `language` that are the same as on the English page."""

    def texts(code):
        client, skip = client_for(code)
        response = client.get(f"/{code}/{path}", follow=True)
        assert response.status_code == 200, f"/{code}/{path}"
        html = response.content.decode()
        if section:
            html = (
                "<body>" + "".join(str(part) for part in BeautifulSoup(html, "html.parser").select(section)) + "</body>"
            )
        return visible_texts(html, skip)

    return sorted(texts(language) & texts("en") - SAME_AS_ENGLISH.get(language, set()))


@pytest.fixture
def visitor(client):
    def client_for(code):
        cache.clear()
        return client, ()

    return client_for


@pytest.fixture
def member_client(client):
    member = MemberFactory(pseudonym="Nuru")

    def client_for(code):
        cache.clear()
        client.force_login(member.user)
        return client, {member.user.username, "Nuru"}

    return client_for


@pytest.fixture
def reauthenticated_member(client):
    member = MemberFactory(pseudonym="Nuru")

    def client_for(code):
        cache.clear()
        client.post(f"/{code}/accounts/login/", {"login": member.user.username, "password": PASSWORD})
        client.post(f"/{code}/accounts/reauthenticate/", {"password": PASSWORD})
        return client, {member.user.username, "Nuru"}

    return client_for


@pytest.fixture
def member_with_two_step_sign_in(client):
    member = MemberFactory(pseudonym="Nuru")
    give_totp_authenticator(member.user)

    def client_for(code):
        cache.clear()
        client.logout()
        client.post(f"/{code}/accounts/login/", {"login": member.user.username, "password": PASSWORD})
        return client, {member.user.username, "Nuru"}

    return client_for


VISITOR_PAGES = [
    "accounts/login/",
    "accounts/signup/",
    "accounts/password/reset/",
    "accounts/password/reset/done/",
]
MEMBER_PAGES = [
    "accounts/password/change/",
    "accounts/logout/",
    "accounts/reauthenticate/",
    "my-stories/welcome/",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", VISITOR_PAGES)
def test_account_pages_for_visitors_have_no_english_left(visitor, path, language):
    assert english_left(visitor, path, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_account_pages_for_members_have_no_english_left(member_client, path, language):
    assert english_left(member_client, path, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_setting_up_two_step_sign_in_has_no_english_left(reauthenticated_member, language):
    assert english_left(reauthenticated_member, "accounts/2fa/totp/activate/", language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_second_step_of_signing_in_has_no_english_left(member_with_two_step_sign_in, language):
    assert english_left(member_with_two_step_sign_in, "accounts/2fa/authenticate/", language) == []


@pytest.fixture
def member_using_two_step_sign_in(client):
    member = MemberFactory(pseudonym="Nuru")
    give_totp_authenticator(member.user)

    def client_for(code):
        cache.clear()
        client.logout()
        client.post(f"/{code}/accounts/login/", {"login": member.user.username, "password": PASSWORD})
        client.post(f"/{code}/accounts/2fa/authenticate/", {"code": totp_code()})
        client.post(f"/{code}/accounts/reauthenticate/", {"password": PASSWORD})
        return client, {member.user.username, "Nuru"}

    return client_for


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path", ["accounts/2fa/", "accounts/2fa/recovery-codes/generate/", "accounts/2fa/totp/deactivate/"]
)
def test_two_step_sign_in_pages_have_no_english_left(member_using_two_step_sign_in, path, language):
    assert english_left(member_using_two_step_sign_in, path, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_messages_after_signing_in_and_signing_up_have_no_english_left(client, language):
    member = MemberFactory(pseudonym="Nuru")

    def signed_in(code):
        cache.clear()
        client.logout()
        client.post(f"/{code}/accounts/login/", {"login": member.user.username, "password": PASSWORD})
        return client, {member.user.username, "Nuru"}

    assert english_left(signed_in, "my-stories/", language, section=".messages") == []

    def bad_signup(code):
        cache.clear()
        client.logout()
        return client, ()

    # The errors a person meets on the signup form: a short, common password typed differently twice.
    InvitationCode.objects.create(code="K7M2-9QXD")

    def errors(code):
        bad_signup(code)
        response = client.post(
            f"/{code}/accounts/signup/",
            {
                "invitation_code": "K7M2-9QXD",
                "username": "",
                "pseudonym": "Nuru",
                "password1": "password",
                "password2": "passw0rd",
                "preferred_language": code,
            },
        )
        return visible_texts(response.content.decode())

    assert sorted(errors(language) & errors("en") - SAME_AS_ENGLISH.get(language, set())) == []


def upstream_msgids():
    """Every msgid of allauth's, Django's and Wagtail admin's catalogs (their French catalogs list them all)."""
    from pathlib import Path

    import allauth
    import django
    import polib
    import wagtail.admin
    from django.contrib import auth

    roots = [
        Path(allauth.__file__).parent,
        Path(auth.__file__).parent,
        Path(django.__file__).parent / "conf",
        Path(wagtail.admin.__file__).parent,
    ]
    return {entry.msgid for root in roots for entry in polib.pofile(str(root / "locale/fr/LC_MESSAGES/django.po"))}


def test_every_listed_upstream_string_is_one_upstream_uses():
    """A typo in gsn_site/upstream_strings.py would translate nothing; each msgid must be upstream's own."""
    import ast
    from pathlib import Path

    import gsn_site.upstream_strings as module

    known = upstream_msgids()
    listed = []
    for node in ast.walk(ast.parse(Path(module.__file__).read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
            "gettext_noop",
            "ngettext_lazy",
            "pgettext_lazy",
        ):
            listed.append(ast.literal_eval(node.args[1] if node.func.id == "pgettext_lazy" else node.args[0]))
    assert len(listed) > 80
    assert [msgid for msgid in listed if msgid not in known] == []
