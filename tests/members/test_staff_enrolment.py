"""A staff member's first authenticator needs an enrolment code an administrator handed over.

Written as the attacker of finding 4 would try it: they know a new moderator's password, nothing else,
and want to set up their own authenticator app before the moderator does.
"""

import io

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from members.models import EnrolmentCode
from tests.conftest import sign_in_with_two_steps, totp_code
from tests.stories.factories import PASSWORD, MemberFactory, ModeratorFactory, UserFactory

pytestmark = pytest.mark.django_db

REFUSED = {
    "en": "This enrolment code is not valid. It may have expired or been used already: ask an administrator for a new one.",
    "fr": "Ce code d’inscription n’est pas valide. Il a peut-être expiré ou déjà servi\xa0: demandez-en un nouveau à un administrateur.",
}


@pytest.fixture
def new_moderator(db):
    return ModeratorFactory(username="new-moderator")


def issue(username):
    out = io.StringIO()
    call_command("issue_enrolment_code", username, stdout=out)
    return out.getvalue().split("Enrolment code: ", 1)[1].split()[0]


def reach_set_up_page(client, username, language="en"):
    """Sign in with the password, as anyone who knows it can, and open the set-up page."""
    client.post(f"/{language}/accounts/login/", {"login": username, "password": PASSWORD})
    # The admin's address has no language: the set-up step keeps the one signed in on.
    assert client.get("/admin/")["Location"] == f"/{language}/accounts/2fa/totp/activate/"
    url = f"/{language}/accounts/2fa/totp/activate/"
    response = client.get(url)
    if response.status_code == 302 and "/reauthenticate/" in response["Location"]:
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get(url)
    assert response.status_code == 200
    return url, response


def enrol(client, url, enrolment_code=None):
    data = {"code": totp_code(client.session["mfa.totp.secret"])}
    if enrolment_code is not None:
        data["enrolment_code"] = enrolment_code
    return client.post(url, data)


def test_a_password_alone_cannot_enrol_a_staff_authenticator(client, new_moderator):
    url, page = reach_set_up_page(client, "new-moderator")
    assert "Enrolment code" in page.text
    assert "An administrator gives it to you on paper or by phone" in page.text
    response = enrol(client, url)
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Authenticator.objects.filter(user=new_moderator).exists()
    assert client.get("/admin/")["Location"] == "/en/accounts/2fa/totp/activate/"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("kind", ["wrong", "expired", "reused", "someone else's"])
def test_a_wrong_expired_reused_or_borrowed_code_is_refused(client, new_moderator, kind, language):
    code = issue("new-moderator")
    if kind == "wrong":
        code = "ZZZZ-ZZZZ-ZZZZ"
    elif kind == "expired":
        EnrolmentCode.objects.update(expires_at=timezone.now() - timezone.timedelta(seconds=1))
    elif kind == "reused":
        EnrolmentCode.objects.update(used_at=timezone.now())
    else:
        ModeratorFactory(username="other-moderator")
        code = issue("other-moderator")
    url, _page = reach_set_up_page(client, "new-moderator", language)
    response = enrol(client, url, code)
    assert response.status_code == 200
    assert REFUSED[language] in response.text
    assert not Authenticator.objects.filter(user=new_moderator).exists()


@pytest.mark.django_db(transaction=True)
def test_a_correct_code_enrols_once_and_the_history_says_so(client):
    """allauth announces the new authenticator once the database has it, hence a real transaction."""
    staff = ModeratorFactory(username="new-moderator")
    code = issue("new-moderator")
    url, _page = reach_set_up_page(client, "new-moderator")
    # Typed as people type codes read out to them: small letters, spaces.
    response = enrol(client, url, code.lower().replace("-", " "))
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200
    enrolment = EnrolmentCode.objects.get(user=staff)
    assert enrolment.used_at is not None
    assert [entry.action for entry in ModelLogEntry.objects.order_by("timestamp")] == [
        "members.enrolment_code_issued",
        "members.enrolment_code_used",
    ]
    # Stored hashed only: nothing in the row or the history holds the code.
    stored = str(list(EnrolmentCode.objects.values())) + str(list(ModelLogEntry.objects.values()))
    assert code not in stored and code.replace("-", "") not in stored
    # Once used, it opens nothing again: the authenticator removed, the same code is refused.
    Authenticator.objects.filter(user=staff).delete()
    client.post("/admin/logout/")
    url, _page = reach_set_up_page(client, "new-moderator")
    assert REFUSED["en"] in enrol(client, url, code).text


def test_members_turn_on_two_step_sign_in_without_a_code(client):
    member = MemberFactory().user
    client.force_login(member)
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    assert "Enrolment code" not in page.text
    assert enrol(client, "/en/accounts/2fa/totp/activate/").status_code == 302
    assert Authenticator.objects.filter(user=member).exists()


def test_a_new_code_replaces_the_last_one(new_moderator, settings):
    settings.STAFF_ENROLMENT_CODE_DAYS = 2
    first = issue("new-moderator")
    second = issue("new-moderator")
    assert first != second
    assert EnrolmentCode.objects.usable().count() == 1
    expiry = EnrolmentCode.objects.usable().get().expires_at
    assert timezone.timedelta(days=1, hours=23) < expiry - timezone.now() <= timezone.timedelta(days=2)


def test_the_command_refuses_unknown_and_non_staff_accounts():
    MemberFactory(user__username="amani")
    with pytest.raises(CommandError, match="No account is called nobody"):
        issue("nobody")
    with pytest.raises(CommandError, match="amani cannot open the administration"):
        issue("amani")
    assert not EnrolmentCode.objects.exists()


def test_administrators_issue_a_code_from_the_users_list(client, new_moderator):
    administrator = UserFactory(username="root", is_staff=True, is_superuser=True)
    sign_in_with_two_steps(client, administrator)
    listing = client.get("/admin/users/").text
    url = f"/admin/members/enrolment-code/{new_moderator.pk}/"
    assert f'href="{url}"' in listing
    page = client.get(url)
    assert page.status_code == 200
    assert not EnrolmentCode.objects.exists()  # opening the page issues nothing
    response = client.post(url)
    assert response.status_code == 200
    enrolment = EnrolmentCode.objects.get(user=new_moderator)
    shown = response.text.split('<code class="enrolment-code">', 1)[1].split("</code>", 1)[0]
    assert EnrolmentCode.objects.matching(new_moderator, shown).get() == enrolment
    entry = ModelLogEntry.objects.get(action="members.enrolment_code_issued")
    assert entry.user == administrator
    assert response["Cache-Control"].count("no-store") == 1


def test_other_staff_cannot_issue_codes(client, new_moderator):
    sign_in_with_two_steps(client, ModeratorFactory(username="moderator"))
    url = f"/admin/members/enrolment-code/{new_moderator.pk}/"
    # Wagtail answers a refused admin screen with its dashboard and "you do not have permission".
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert not EnrolmentCode.objects.exists()
