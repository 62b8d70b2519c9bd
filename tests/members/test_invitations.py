"""Invitation codes a person can read out or copy from paper, the printed slip, and the signup they lead to."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from members.models import CROCKFORD_ALPHABET, InvitationCode, canonical_invitation_code
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps
from tests.stories.factories import InvitationCodeFactory, MemberFactory, ModeratorFactory, UserFactory

from .test_accounts import signup_data

pytestmark = pytest.mark.django_db


def test_new_codes_are_two_groups_of_four_without_look_alike_characters():
    codes = [InvitationCodeFactory().code for _ in range(50)]
    for code in codes:
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code), code
        assert not set(code) & set("ILOU")
    assert len(set(codes)) == 50
    assert len(CROCKFORD_ALPHABET) == 32


@pytest.mark.parametrize(
    "typed", ["K7M2-9QXD", "k7m2-9qxd", "K7M2 9QXD", "  k7m29qxd ", "K7M-29Q-XD", "k 7 m 2 9 q x d"]
)
def test_a_code_matches_however_it_is_typed(typed):
    invitation = InvitationCodeFactory(code="K7M2-9QXD")
    assert list(InvitationCode.objects.matching(typed)) == [invitation]


def test_letters_that_look_like_digits_are_read_as_the_digits():
    assert canonical_invitation_code("io1l-OoO0") == "1011-0000"
    invitation = InvitationCodeFactory(code="1A0B-2C3D")
    assert list(InvitationCode.objects.matching("ia ob-2c3d")) == [invitation]
    assert list(InvitationCode.objects.matching("LAOB2C3D")) == [invitation]


def test_a_different_code_does_not_match():
    InvitationCodeFactory(code="K7M2-9QXD")
    assert not InvitationCode.objects.matching("K7M2-9QXE").exists()
    assert not InvitationCode.objects.matching("").exists()


def test_codes_made_before_the_short_form_keep_working(client):
    InvitationCodeFactory(code="aB3_x-Yz9Qw1")
    response = client.post("/en/accounts/signup/", signup_data("aB3_x-Yz9Qw1"))
    assert response.status_code == 302
    assert InvitationCode.objects.get(code="aB3_x-Yz9Qw1").used_by.username == "newmember"


def test_signing_up_with_the_code_typed_in_small_letters_and_spaces_uses_it(client):
    invitation = InvitationCodeFactory(code="K7M2-9QXD")
    response = client.post("/en/accounts/signup/", signup_data("k7m2 9qxd"))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.used_by == get_user_model().objects.get(username="newmember")


def test_the_signup_link_fills_in_the_code_and_is_not_stored_or_passed_on(client):
    response = client.get("/sw/accounts/signup/?code=K7M2-9QXD")
    assert response.status_code == 200
    assert re.search(r'<input[^>]*name="invitation_code"[^>]*value="K7M2-9QXD"', response.content.decode())
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_the_code_from_a_link_is_escaped(client):
    content = client.get('/en/accounts/signup/?code="><script>x</script>').content.decode()
    assert "<script>x</script>" not in content


def test_preferred_language_starts_at_the_language_of_the_page(client):
    content = client.get("/km/accounts/signup/").content.decode()
    assert re.search(r'<option value="km"[^>]*selected', content)
    content = client.get("/en/accounts/signup/").content.decode()
    assert re.search(r'<option value="en"[^>]*selected', content)


def test_after_signup_the_new_member_lands_on_the_welcome_page(client):
    InvitationCodeFactory(code="K7M2-9QXD")
    response = client.post("/sw/accounts/signup/", signup_data("K7M2-9QXD"))
    assert response.status_code == 302
    assert response["Location"] == "/sw/my-stories/welcome/"
    with_english = client.get("/en/my-stories/welcome/")
    content = with_english.content.decode()
    assert "Welcome, Nuru" in content
    assert "Here is what happens next." in content
    assert 'href="/en/share-your-story/">Share your story</a>' in content
    assert "no-store" in with_english["Cache-Control"]


def test_the_welcome_page_is_for_members_only(client):
    assert client.get("/en/my-stories/welcome/")["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize(
    "make, expected",
    [
        (
            lambda: InvitationCodeFactory(expires_at=datetime(2027, 3, 3, 12, 0, tzinfo=UTC)),
            "Unused, expires 3 March 2027",
        ),
        (lambda: InvitationCodeFactory(used_at=timezone.now(), used_by=UserFactory()), "Used"),
        (lambda: InvitationCodeFactory(revoked=True), "Revoked"),
        (lambda: InvitationCodeFactory(expires_at=timezone.now() - timedelta(minutes=1)), "Expired"),
    ],
    ids=["unused", "used", "revoked", "expired"],
)
def test_the_status_of_a_code_in_words(make, expected):
    assert make().status == expected


@pytest.fixture
def moderator_client(client):
    sign_in_with_two_steps(client, ModeratorFactory())
    return client


def test_the_admin_list_shows_status_in_words_and_a_slip_for_each_code(moderator_client):
    invitation = InvitationCodeFactory(code="K7M2-9QXD", expires_at=datetime(2027, 3, 3, 12, 0, tzinfo=UTC))
    InvitationCodeFactory(code="REVO-KED0", revoked=True)
    content = moderator_client.get(reverse("wagtailsnippets_members_invitationcode:list")).content.decode()
    assert "Unused, expires 3 March 2027" in content
    assert "Revoked" in content
    assert "False" not in content
    assert reverse("wagtailsnippets_members_invitationcode:slip", args=[invitation.pk]) in content


def test_the_slip_has_the_code_a_qr_code_of_the_link_and_the_expiry_in_the_members_language(moderator_client):
    invitation = InvitationCodeFactory(code="K7M2-9QXD", expires_at=datetime(2027, 3, 3, 12, 0, tzinfo=UTC))
    url = reverse("wagtailsnippets_members_invitationcode:slip", args=[invitation.pk])
    response = moderator_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<p class="slip-code" dir="ltr" lang="en">K7M2-9QXD</p>' in content
    assert "Use it before 3 March 2027. It works only once." in content
    assert "<svg" in content and "<path" in content
    assert "http://127.0.0.1:8000/en/accounts/signup/" in content
    assert "<script" not in content
    assert "no-store" in response["Cache-Control"]

    french = moderator_client.get(url + "?language=fr").content.decode()
    assert '<section class="slip" lang="fr" dir="ltr"' in french
    assert "3 mars 2027" in french
    assert "http://127.0.0.1:8000/fr/accounts/signup/" in french
    arabic = moderator_client.get(url + "?language=ar").content.decode()
    assert '<section class="slip" lang="ar" dir="rtl"' in arabic


def test_the_qr_code_holds_the_signup_link_with_the_code():
    invitation = InvitationCodeFactory(code="K7M2-9QXD")
    assert invitation.signup_url("sw") == "http://127.0.0.1:8000/sw/accounts/signup/?code=K7M2-9QXD"


def test_an_unknown_language_on_the_slip_falls_back_to_english(moderator_client):
    invitation = InvitationCodeFactory(code="K7M2-9QXD")
    url = reverse("wagtailsnippets_members_invitationcode:slip", args=[invitation.pk])
    content = moderator_client.get(url + "?language=xx").content.decode()
    assert '<section class="slip" lang="en" dir="ltr"' in content


def test_members_and_program_staff_cannot_print_slips(client):
    from django.contrib.auth.models import Group

    from feedback.roles import PROGRAM_STAFF, ensure_feedback_groups

    invitation = InvitationCodeFactory(code="K7M2-9QXD")
    url = reverse("wagtailsnippets_members_invitationcode:slip", args=[invitation.pk])
    client.force_login(MemberFactory().user)
    member_response = client.get(url)
    assert member_response.status_code == 403
    assert "K7M2-9QXD" not in member_response.text
    ensure_feedback_groups()
    staff = give_totp_authenticator(UserFactory(is_staff=True))
    staff.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    sign_in_with_two_steps(client, staff)
    response = client.get(url)
    # Wagtail refuses by going back to the dashboard with a message.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
