"""A member who lost their password and has no email address gets a temporary one from a moderator."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from feedback.roles import PROGRAM_STAFF, ensure_feedback_groups
from members.models import MemberProfile
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps
from tests.stories.factories import PASSWORD, MemberFactory, ModeratorFactory, UserFactory

pytestmark = pytest.mark.django_db

TEMPORARY = "paper-slip-4821-river"


def url_for(profile):
    return reverse("wagtailsnippets_members_memberprofile:temporary_password", args=[profile.pk])


def set_password(client, profile, password=TEMPORARY):
    return client.post(url_for(profile), {"new_password1": password, "new_password2": password})


def assert_refused(response):
    """Wagtail answers a refused admin request by going back to the dashboard with a message."""
    assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.fixture
def moderator(db):
    return give_totp_authenticator(ModeratorFactory(username="moderator"))


@pytest.fixture
def profile(db):
    return MemberFactory(pseudonym="Nuru")


def test_a_moderator_sets_a_temporary_password_and_the_log_records_who_not_what(client, moderator, profile):
    sign_in_with_two_steps(client, moderator)
    page = client.get(url_for(profile))
    assert page.status_code == 200
    assert "Set a temporary password" in page.content.decode()
    response = set_password(client, profile)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_members_memberprofile:list")
    profile.refresh_from_db()
    profile.user.refresh_from_db()
    assert profile.user.check_password(TEMPORARY)
    assert profile.must_change_password is True
    entry = ModelLogEntry.objects.get(action="members.temporary_password")
    assert (entry.object_id, entry.user_id) == (str(profile.pk), moderator.pk)
    assert TEMPORARY not in str(entry.data) and TEMPORARY not in entry.label


def test_a_weak_temporary_password_is_refused_with_a_message(client, moderator, profile):
    sign_in_with_two_steps(client, moderator)
    response = set_password(client, profile, "12345")
    assert response.status_code == 200
    assert "This password is too short. It must contain at least 10 characters." in response.content.decode()
    profile.refresh_from_db()
    assert profile.must_change_password is False
    assert profile.user.check_password(PASSWORD)


def test_the_member_list_offers_it_to_moderators(client, moderator, profile):
    sign_in_with_two_steps(client, moderator)
    content = client.get(reverse("wagtailsnippets_members_memberprofile:list")).content.decode()
    assert url_for(profile) in content


def test_a_moderator_cannot_set_the_password_of_a_staff_or_admin_account(client, moderator):
    sign_in_with_two_steps(client, moderator)
    staff_profile = MemberFactory(user=UserFactory(is_staff=True))
    admin_profile = MemberFactory(user=UserFactory(is_superuser=True))
    other_moderator = MemberFactory(user=ModeratorFactory())
    for target in (staff_profile, admin_profile, other_moderator):
        assert_refused(client.get(url_for(target)))
        assert_refused(set_password(client, target))
        target.user.refresh_from_db()
        assert target.user.check_password(PASSWORD)
    list_content = client.get(reverse("wagtailsnippets_members_memberprofile:list")).content.decode()
    assert url_for(staff_profile) not in list_content


def test_program_staff_cannot_set_a_members_password(client, profile):
    ensure_feedback_groups()
    staff = give_totp_authenticator(UserFactory(is_staff=True))
    staff.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    sign_in_with_two_steps(client, staff)
    assert_refused(set_password(client, profile))
    profile.user.refresh_from_db()
    assert profile.user.check_password(PASSWORD)


def test_an_administrator_can(client, profile):
    admin = give_totp_authenticator(UserFactory(is_superuser=True, is_staff=True))
    sign_in_with_two_steps(client, admin)
    assert set_password(client, profile).status_code == 302


def test_members_cannot_reach_it(client, profile):
    client.force_login(MemberFactory().user)
    assert set_password(client, profile).status_code == 403
    profile.user.refresh_from_db()
    assert profile.user.check_password(PASSWORD)


def test_the_member_must_choose_a_new_password_before_anything_else(client, profile):
    profile.set_temporary_password(TEMPORARY, by=None)
    response = client.post("/sw/accounts/login/", {"login": profile.user.username, "password": TEMPORARY})
    assert response.status_code == 302
    for path in ("/sw/my-stories/", "/sw/share-your-story/", "/sw/"):
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (302, "/sw/accounts/password/change/"), path
    assert client.get("/sw/accounts/password/change/").status_code == 200
    response = client.post(
        "/sw/accounts/password/change/",
        {"oldpassword": TEMPORARY, "password1": "my-own-new-passphrase", "password2": "my-own-new-passphrase"},
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.must_change_password is False
    client.post("/sw/accounts/login/", {"login": profile.user.username, "password": "my-own-new-passphrase"})
    assert client.get("/sw/my-stories/").status_code == 200


def test_signing_out_is_always_possible(client, profile):
    profile.set_temporary_password(TEMPORARY, by=None)
    client.post("/en/accounts/login/", {"login": profile.user.username, "password": TEMPORARY})
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert MemberProfile.objects.get(pk=profile.pk).must_change_password is True
