import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from stories.models import StoryConsent, StoryPage, StoryStatus

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def story_post(**overrides):
    return {
        "title": "My long road home",
        "summary": "How I came back.",
        "body": "First part of my story.\n\nSecond part <script>alert(1)</script> of it.",
        "original_language": "en",
        "themes": ["resilience", "healing"],
        "casework_type": "forced_labour",
        "country": "Kenya",
        "content_notes": "Violence",
        "consent_publish": "on",
        "consent_translate": "on",
        **overrides,
    }


def jpeg_upload():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_sharing_a_story_creates_a_draft_owned_by_the_member_in_review(client, story_index, member):
    client.force_login(member)
    response = client.post("/en/share-your-story/", story_post())
    assert response.status_code == 302
    assert response["Location"] == "/en/my-stories/"
    story = StoryPage.objects.get()
    assert story.owner == member
    assert story.live is False
    assert story.get_parent().pk == story_index.pk
    assert story.byline == "Mwangaza"
    assert story.status == StoryStatus.IN_REVIEW
    state = WorkflowState.objects.for_instance(story).get()
    assert state.workflow.name == "Story review"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [group.name for group in state.current_task_state.task.specific.groups.all()] == ["Moderators"]
    assert StoryConsent.objects.get(story=story).scopes == ["publish", "translate"]
    assert story.themes == ["resilience", "healing"]


def test_the_body_keeps_paragraphs_and_no_markup(client, story_index, member):
    client.force_login(member)
    client.post("/en/share-your-story/", story_post())
    story = StoryPage.objects.get()
    assert [(block.block_type, re.sub(r' data-block-key="\w+"', "", block.value.source)) for block in story.body] == [
        ("paragraph", "<p>First part of my story.</p>"),
        ("paragraph", "<p>Second part alert(1) of it.</p>"),
    ]


def test_a_story_in_hindi_is_stored_in_hindi_with_the_title_also_in_english(client, story_index, member):
    client.force_login(member)
    client.post("/en/share-your-story/", story_post(title="मेरी कहानी", summary="सारांश", original_language="hi"))
    story = StoryPage.objects.get()
    assert (story.original_language, story.title_hi, story.title_en, story.summary_hi, story.summary_en) == (
        "hi",
        "मेरी कहानी",
        "मेरी कहानी",
        "सारांश",
        None,
    )
    assert not story.body_en


def test_an_uploaded_image_is_kept_with_its_caption(client, story_index, member):
    client.force_login(member)
    client.post("/en/share-your-story/", story_post(image=jpeg_upload(), image_caption="My garden"))
    story = StoryPage.objects.get()
    image_block = [block for block in story.body if block.block_type == "image"][0]
    assert image_block.value["caption"] == "My garden"
    assert image_block.value["image"].uploaded_by_user == member


def test_publishing_consent_is_required(client, story_index, member):
    client.force_login(member)
    response = client.post("/en/share-your-story/", story_post(consent_publish=""))
    assert response.status_code == 400
    assert not StoryPage.objects.exists()


def test_visitors_are_asked_to_sign_in(client, story_index):
    for path in ("/en/share-your-story/", "/en/my-stories/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == f"/en/accounts/login/?next={path}"


def test_accounts_without_a_member_profile_cannot_share(client, story_index):
    client.force_login(UserFactory())
    assert client.get("/en/share-your-story/").status_code == 403


def test_member_pages_are_never_cached(client, story_index, member):
    client.force_login(member)
    for path in ("/en/share-your-story/", "/en/my-stories/"):
        assert "no-store" in client.get(path)["Cache-Control"]


def test_image_model_is_the_site_image(client):
    assert get_image_model()._meta.label == "gsn_site.SiteImage"
