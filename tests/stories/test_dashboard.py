import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision, WorkflowState

from stories.models import StoryPage, StoryStatus
from stories.submission import body_stream, save_member_image

from .conftest import approve, submitted_story
from .factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def story_path(story):
    return f"/en{story.url_path[len('/home') :]}"


def edit_post(**overrides):
    return {
        "title": "Edited title",
        "summary": "Edited summary",
        "body": "Edited body.",
        "original_language": "en",
        "themes": ["justice"],
        "casework_type": "",
        "country": "Kenya",
        "content_notes": "",
        **overrides,
    }


def test_the_dashboard_shows_each_status_and_the_moderators_comment(client, story_index, member, moderator):
    StoryPageFactory(parent=story_index, owner=member, title="Still a draft")
    submitted_story(story_index, member, title="Waiting for review")
    returned = submitted_story(story_index, member, title="Sent back")
    returned.current_workflow_state.current_task_state.reject(user=moderator, comment="Please remove the town's name.")
    approve(submitted_story(story_index, member, title="Out there"), moderator)
    StoryPage.objects.get(title_en="Out there").withdraw(member)
    approve(submitted_story(story_index, member, title="Read by many"), moderator)

    statuses = {story.title: story.status for story in StoryPage.objects.owned_by(member)}
    assert statuses == {
        "Still a draft": StoryStatus.DRAFT,
        "Waiting for review": StoryStatus.IN_REVIEW,
        "Sent back": StoryStatus.CHANGES_REQUESTED,
        "Out there": StoryStatus.WITHDRAWN,
        "Read by many": StoryStatus.PUBLISHED,
    }
    client.force_login(member)
    content = client.get("/en/my-stories/").content.decode()
    for label in ("Draft", "In review", "Changes requested", "Withdrawn", "Published"):
        assert f">{label}</span>" in content
    assert "Please remove the town&#x27;s name." in content


def test_editing_makes_a_new_revision_and_restarts_the_review(client, story_index, member, moderator):
    story = submitted_story(story_index, member)
    story.current_workflow_state.current_task_state.reject(user=moderator, comment="Change the title")
    revisions_before = Revision.objects.filter(object_id=str(story.pk)).count()
    client.force_login(member)
    response = client.post(f"/en/my-stories/{story.pk}/edit/", edit_post())
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert Revision.objects.filter(object_id=str(story.pk)).count() == revisions_before + 1
    assert story.get_latest_revision_as_object().title == "Edited title"
    assert story.status == StoryStatus.IN_REVIEW
    states = WorkflowState.objects.for_instance(story).order_by("created_at")
    assert [state.status for state in states] == [WorkflowState.STATUS_CANCELLED, WorkflowState.STATUS_IN_PROGRESS]


def test_the_edit_form_starts_from_what_the_member_wrote(client, story_index, member):
    story = submitted_story(story_index, member, title="My words")
    client.force_login(member)
    content = client.get(f"/en/my-stories/{story.pk}/edit/").content.decode()
    assert 'value="My words"' in content
    assert "First paragraph.\n\nSecond paragraph." in content


def test_editing_a_published_story_leaves_the_published_version_online_until_approved(client, make_published, member):
    story = make_published()
    client.force_login(member)
    response = client.post(f"/en/my-stories/{story.pk}/edit/", edit_post())
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.title != "Edited title"
    assert story.live is True
    assert story.get_latest_revision_as_object().title == "Edited title"


def test_withdrawing_takes_the_story_off_the_site_search_and_listing_at_once(client, make_published, member):
    story = make_published(title="Gone tomorrow")
    assert client.get(story_path(story)).status_code == 200
    assert "Gone tomorrow" in client.get("/en/stories/").content.decode()
    client.force_login(member)
    assert client.post(f"/en/my-stories/{story.pk}/withdraw/").status_code == 302
    client.logout()
    assert client.get(story_path(story)).status_code == 404
    assert "Gone tomorrow" not in client.get("/en/stories/").content.decode()
    assert "Gone tomorrow" not in client.get("/en/search/?q=Gone").content.decode()
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.status) == (False, StoryStatus.WITHDRAWN)
    assert PageLogEntry.objects.filter(page=story, action="stories.withdraw", user=member).exists()


def test_withdrawing_purges_the_cached_listing(client, make_published, member, settings):
    settings.PAGE_CACHE_SECONDS = 600
    story = make_published(title="Cached story")
    assert client.get("/en/stories/")["X-Page-Cache"] == "miss"
    cached = client.get("/en/stories/")
    assert (cached["X-Page-Cache"], "Cached story" in cached.content.decode()) == ("hit", True)
    story.withdraw(member)
    fresh = client.get("/en/stories/")
    assert (fresh["X-Page-Cache"], "Cached story" in fresh.content.decode()) == ("miss", False)


def test_deleting_removes_the_page_its_revisions_and_its_images(client, story_index, member, moderator):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    image = save_member_image(SimpleUploadedFile("me.png", buffer.getvalue()), member)
    story = submitted_story(story_index, member, body=body_stream("Text.", image, "Me"))
    story = approve(story, moderator)
    page_id = story.pk
    client.force_login(member)
    assert client.post(f"/en/my-stories/{page_id}/delete/").status_code == 302
    assert not StoryPage.objects.filter(pk=page_id).exists()
    assert not Revision.objects.filter(object_id=str(page_id)).exists()
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not PageLogEntry.objects.filter(page_id=page_id, label__icontains=story.title).exists()


def test_withdrawing_publication_consent_takes_the_story_down(client, make_published, member):
    story = make_published()
    client.force_login(member)
    response = client.post(f"/en/my-stories/{story.pk}/consent/", {"translate": "on"})
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live is False
    assert story.consent.withdrawn_on is not None
    assert PageLogEntry.objects.filter(page=story, action="stories.consent_change").get().data == {
        "given": [],
        "withdrawn": ["publish"],
    }


def test_withdrawing_translation_consent_shows_only_the_original(client, make_published, member):
    story = make_published(title_es="Mi historia", summary_es="Resumen en español")
    assert "Resumen en español" in client.get(f"/es{story.url_path[len('/home') :]}").content.decode()
    client.force_login(member)
    client.post(f"/en/my-stories/{story.pk}/consent/", {"publish": "on"})
    client.logout()
    response = client.get(f"/es{story.url_path[len('/home') :]}")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Resumen en español" not in content
    assert "A short summary." in content
