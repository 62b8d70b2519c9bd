"""Sign-up and sign-in errors are summarised at the top, each linked to its field, on every screen."""

import pytest
from bs4 import BeautifulSoup

from members.models import InvitationCode
from tests.stories.factories import MemberFactory

pytestmark = pytest.mark.django_db


def signup(client, language="en", **changes):
    InvitationCode.objects.get_or_create(code="WELCOME-1")
    data = {
        "invitation_code": "WELCOME-1",
        "username": "newmember",
        "pseudonym": "Nuru",
        "email": "",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        "chapter": "",
        "preferred_language": "sw",
        **changes,
    }
    return client.post(f"/{language}/accounts/signup/", data)


def test_two_different_passwords_are_reported_at_the_top_with_a_link_to_the_second_password(client):
    response = signup(client, password2="another-long-passphrase")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("main #error-summary")
    assert summary is not None
    # The summary comes before the form, so that a phone shows it on the first screen.
    assert summary.find_next("form") is not None
    link = summary.select_one('a[href="#id_password2"]')
    assert link.get_text() == "Password (again): You must type the same password each time."
    assert "For your safety, the passwords you typed are not shown again: please type both again." in (
        summary.get_text(" ", strip=True)
    )
    password2 = soup.select_one("#id_password2")
    assert "id_password2_error" in password2["aria-describedby"].split()
    assert password2.get("value") is None
    assert soup.select_one("#id_username")["value"] == "newmember"
    assert soup.select_one("#id_pseudonym")["value"] == "Nuru"


def test_the_password_rules_are_read_out_with_the_password_field(client):
    soup = BeautifulSoup(client.get("/en/accounts/signup/").content, "html.parser")
    rules = soup.select_one("#id_password1_helptext")
    assert "id_password1_helptext" in soup.select_one("#id_password1")["aria-describedby"].split()
    assert "Your password must contain at least 10 characters." in rules.get_text()
    # A list cannot sit inside a paragraph: the browser would close the paragraph and leave it empty.
    assert rules.name != "p"


@pytest.mark.parametrize("language", ["en", "hi", "sw"])
def test_optional_is_said_once_for_the_email_address(client, language):
    soup = BeautifulSoup(client.get(f"/{language}/accounts/signup/").content, "html.parser")
    label = soup.select_one('label[for="id_email"]').get_text(" ", strip=True)
    optional = soup.select_one('label[for="id_chapter"] .optional').get_text()
    assert label.count(optional) == 1


def test_a_wrong_password_is_summarised_at_the_top_of_the_sign_in_page(client):
    member = MemberFactory()
    response = client.post("/en/accounts/login/", {"login": member.user.username, "password": "not-the-password"})
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("main #error-summary")
    assert "The username and/or password you specified are not correct." in summary.get_text()
    assert len(soup.select('[role="alert"]')) == 1
    assert soup.select_one("#id_login")["value"] == member.user.username


@pytest.mark.parametrize(
    ("language", "title", "wrong"),
    [("pt", "Verificação em duas etapas", "Código incorreto."), ("fr", "Connexion en deux étapes", "Code incorrect.")],
)
def test_a_wrong_sign_in_code_is_summarised_at_the_top_of_the_code_step(client, language, title, wrong):
    from allauth.mfa.models import Authenticator

    from tests.conftest import give_totp_authenticator
    from tests.stories.factories import PASSWORD

    member = MemberFactory()
    give_totp_authenticator(member.user)
    assert Authenticator.objects.filter(user=member.user).exists()
    client.post(f"/{language}/accounts/login/", {"login": member.user.username, "password": PASSWORD})
    page = client.get(f"/{language}/accounts/2fa/authenticate/")
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.title.get_text().startswith(title)
    assert soup.select_one("main h1").get_text() == title
    response = client.post(f"/{language}/accounts/2fa/authenticate/", {"code": "000000"})
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("main #error-summary")
    assert summary.select_one('a[href="#id_code"]').get_text(" ", strip=True).endswith(wrong)
    assert summary.has_attr("data-focus-on-load")
