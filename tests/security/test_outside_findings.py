"""What an outside attack on the running demo found, each held by a test: malformed ids give a 4xx,
a signed-in member is told the admin is not for them instead of bouncing between two pages, a search
on the story listing is never kept in the shared page cache, staff cannot hand out a guessable or
everlasting invitation, and a refused sign-up burst gets the site's own translated page."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from gsn_site.page_cache import CACHE_STATUS_HEADER
from members.models import InvitationCode
from tests.conftest import sign_in_with_two_steps
from tests.members.test_accounts import signup_data
from tests.stories.factories import InvitationCodeFactory, MemberFactory, ModeratorFactory, StoryIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_chapter_id_too_long_for_the_database_is_an_invalid_choice_on_signup(client, demo_site):
    InvitationCodeFactory(code="K7M2-9QXD")
    response = client.post("/en/accounts/signup/", signup_data("K7M2-9QXD", chapter="99999999999999999999999"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not InvitationCode.objects.get(code="K7M2-9QXD").used_at


@pytest.mark.parametrize("pk", ["abc", "1%00", "-1"])
@pytest.mark.parametrize(
    "route",
    ["/admin/snippets/members/invitationcode/slip/{}/", "/admin/snippets/members/memberprofile/temporary-password/{}/"],
)
def test_a_member_screen_with_a_malformed_id_is_not_found(client, route, pk):
    sign_in_with_two_steps(client, ModeratorFactory())
    # An admin address that matches no route may first go to its language-prefixed form; either way
    # the answer the person ends on is "not found", never a server error.
    response = client.get(route.format(pk), follow=True)
    assert response.status_code == 404
    assert all(location.startswith("/en/admin/") for location, _status in response.redirect_chain)


def test_a_signed_in_member_is_told_the_admin_is_not_for_them(client, demo_site):
    client.force_login(MemberFactory().user)
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "Your account cannot open this page." in response.text
    assert client.get("/admin/pages/").status_code == 403


def test_a_search_on_the_story_listing_is_never_stored(client, demo_site):
    StoryIndexPageFactory(parent=demo_site)
    for _attempt in range(2):
        response = client.get("/en/stories/?q=amina")
        assert response.status_code == 200
        assert CACHE_STATUS_HEADER not in response
    assert client.get("/en/stories/")[CACHE_STATUS_HEADER] == "miss"
    assert client.get("/en/stories/")[CACHE_STATUS_HEADER] == "hit"


def invitation_form(code, expires_at):
    return {"code": code, "note": "", "expires_at": expires_at.strftime("%Y-%m-%d %H:%M")}


@pytest.mark.parametrize(
    ("code", "days", "message"),
    [
        ("Z", 14, "A code needs at least 8 letters or digits, so that nobody can guess it."),
        ("AB-CD-12", 14, "A code needs at least 8 letters or digits, so that nobody can guess it."),
        ("K7M2-9QXD", 91, "An invitation can be valid for at most 90 days."),
        ("K7M2-9QXD", -1, "The expiry date must be in the future."),
    ],
)
def test_staff_cannot_make_a_guessable_or_everlasting_invitation(client, code, days, message):
    sign_in_with_two_steps(client, ModeratorFactory())
    expires_at = timezone.localtime() + timedelta(days=days)
    response = client.post("/admin/snippets/members/invitationcode/add/", invitation_form(code, expires_at))
    assert message in response.text
    assert not InvitationCode.objects.exists()


def test_staff_can_make_an_invitation_for_up_to_ninety_days(client):
    sign_in_with_two_steps(client, ModeratorFactory())
    expires_at = timezone.localtime() + timedelta(days=89)
    response = client.post("/admin/snippets/members/invitationcode/add/", invitation_form("k7m2 9qxd", expires_at))
    assert response.status_code == 302
    assert InvitationCode.objects.get().code == "k7m2 9qxd"


def test_too_many_signups_get_the_sites_own_page_in_the_visitors_language(client, demo_site):
    for attempt in range(12):
        response = client.post("/sw/accounts/signup/", signup_data("WRONG-CODE", username=f"u{attempt}"))
    assert response.status_code == 429
    assert response["Content-Language"] == "sw"
    assert "quick-exit" in response.text
    assert "Too many attempts" not in response.text  # translated, not English


def test_editing_an_invitation_cannot_stretch_it_beyond_ninety_days_from_when_it_was_made(client):
    invitation = InvitationCodeFactory(code="K7M2-9QXD")
    InvitationCode.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - timedelta(days=60))
    sign_in_with_two_steps(client, ModeratorFactory())
    url = f"/admin/snippets/members/invitationcode/edit/{invitation.pk}/"
    # 60 days old: 45 more days would make it valid for 105 days in all.
    response = client.post(url, invitation_form("K7M2-9QXD", timezone.localtime() + timedelta(days=45)))
    assert "An invitation can be valid for at most 90 days." in response.text
    assert InvitationCode.objects.get(pk=invitation.pk).expires_at == invitation.expires_at
    # Revoking it without touching the expiry still works.
    form = invitation_form("K7M2-9QXD", timezone.localtime(invitation.expires_at))
    response = client.post(url, {**form, "revoked": "on"})
    assert response.status_code == 302
    assert InvitationCode.objects.get(pk=invitation.pk).revoked is True
