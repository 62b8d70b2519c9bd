"""Object-by-object permissions: nobody reaches a story that is not theirs to see or change."""

import pytest
from django.conf import settings
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, streamfield

from stories.models import StoryPage
from tests.conftest import sign_in_with_two_steps

from .conftest import approve, submitted_story

pytestmark = pytest.mark.django_db

MEMBER_URLS = ["edit", "preview", "withdraw", "delete", "consent"]


@pytest.fixture
def draft(story_index, member):
    return submitted_story(story_index, member, title="A draft of mine")


@pytest.mark.parametrize("action", MEMBER_URLS)
def test_another_member_cannot_open_my_story_by_any_url(client, draft, other_member, action):
    client.force_login(other_member)
    assert client.get(f"/en/my-stories/{draft.pk}/{action}/").status_code == 404
    assert (
        client.post(f"/en/my-stories/{draft.pk}/{action}/", {"publish": "on", "title": "Hijacked"}).status_code == 404
    )
    draft.refresh_from_db()
    assert draft.title == "A draft of mine"
    assert draft.withdrawn_at is None
    assert StoryPage.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("action", MEMBER_URLS)
def test_another_members_published_story_cannot_be_changed_either(client, make_published, other_member, action):
    story = make_published()
    client.force_login(other_member)
    assert client.post(f"/en/my-stories/{story.pk}/{action}/", {}).status_code == 404
    assert StoryPage.objects.get(pk=story.pk).live is True


def test_another_members_dashboard_does_not_list_my_story(client, draft, other_member):
    client.force_login(other_member)
    assert "A draft of mine" not in client.get("/en/my-stories/").content.decode()


@pytest.mark.parametrize("action", MEMBER_URLS)
def test_visitors_cannot_reach_member_pages(client, draft, action):
    response = client.get(f"/en/my-stories/{draft.pk}/{action}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_visitors_cannot_read_a_draft_or_its_preview(client, draft):
    assert client.get(f"/en{draft.url_path[len('/home') :]}").status_code == 404
    assert client.get(f"/admin/pages/{draft.pk}/edit/preview/").status_code == 302
    assert client.get(f"/admin/pages/{draft.pk}/revisions/{draft.latest_revision_id}/view/").status_code == 302


def test_members_cannot_use_the_admin_preview_of_their_own_draft(client, draft, member):
    client.force_login(member)
    response = client.get(f"/admin/pages/{draft.pk}/edit/preview/")
    assert response.status_code == 403
    assert "Your account cannot open this page." in response.text


def test_moderators_cannot_publish_a_story_without_the_workflow_approval(client, draft, moderator):
    assert draft.permissions_for_user(moderator).can_publish() is False
    assert Page.objects.get(pk=draft.pk).permissions_for_user(moderator).can_publish() is False
    sign_in_with_two_steps(client, moderator)
    response = client.post(
        f"/admin/pages/{draft.pk}/edit/",
        nested_form_data(
            {
                "title_en": draft.title,
                "slug": draft.slug,
                "summary_en": "Changed by a moderator",
                "byline": draft.byline,
                "themes": ["resilience"],
                "original_language": "en",
                **{f"body_{code}": streamfield([]) for code, _name in settings.LANGUAGES},
                "action-publish": "action-publish",
            }
        ),
    )
    # The edit is saved as a draft; the story is not published.
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=draft.pk)
    assert story.live is False
    assert story.get_latest_revision_as_object().summary_en == "Changed by a moderator"


def test_the_workflow_approval_publishes_the_story(draft, moderator):
    story = approve(draft, moderator)
    assert story.live is True
    assert story.live_revision_id == Revision.objects.filter(object_id=str(story.pk)).latest("created_at").pk


def test_a_moderator_cannot_publish_a_newer_unapproved_revision(draft, moderator):
    story = approve(draft, moderator)
    story.summary = "Changed after approval"
    story.save_revision(user=moderator)
    assert story.permissions_for_user(moderator).can_publish() is False


def test_members_can_preview_their_own_draft(client, draft, member):
    client.force_login(member)
    response = client.get(f"/en/my-stories/{draft.pk}/preview/")
    assert response.status_code == 200
    assert "Only you can see it." in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_moderator_may_correct_and_approve_in_one_step(client, draft, moderator):
    sign_in_with_two_steps(client, moderator)
    response = client.post(
        f"/admin/pages/{draft.pk}/edit/",
        nested_form_data(
            {
                "title_en": draft.title,
                "slug": draft.slug,
                "summary_en": "Corrected by a moderator",
                "byline": draft.byline,
                "themes": ["resilience"],
                "original_language": "en",
                **{f"body_{code}": streamfield([]) for code, _name in settings.LANGUAGES},
                "action-workflow-action": "true",
                "workflow-action-name": "approve",
            }
        ),
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=draft.pk)
    assert (story.live, story.summary_en) == (True, "Corrected by a moderator")
