"""The story form under bad input: huge images, malformed ids, a busy database, and errors that keep what was typed."""

import struct
import zlib
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from PIL import Image, ImageFile
from wagtail.images import get_image_model
from wagtail.models import Revision, WorkflowState

from stories.models import AuthorNote, StoryConsent, StoryPage, StoryStatus
from tests.members.test_accounts import signup_data

from .factories import InvitationCodeFactory, UserFactory
from .test_submission import jpeg_upload, story_post

pytestmark = pytest.mark.django_db


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width=12000, height=12000):
    """A valid grey PNG of width x height pixels, compressed row by row so building it stays small."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def huge_png_bytes():
    return huge_png()


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if any image's pixels are decoded."""

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"{self.size} pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_the_huge_png_is_small_on_disk_but_declares_144_million_pixels(huge_png_bytes):
    assert len(huge_png_bytes) < 200_000
    assert struct.unpack(">II", huge_png_bytes[16:24]) == (12000, 12000)


def test_a_story_with_a_huge_image_is_refused_before_decoding(client, story_index, member, huge_png_bytes, no_decoding):
    client.force_login(member)
    upload = SimpleUploadedFile("bomb.png", huge_png_bytes, content_type="image/png")
    response = client.post("/en/share-your-story/", story_post(image=upload))
    assert response.status_code == 400
    assert "This image has more than 40000000 pixels. Please choose a smaller photo." in response.content.decode()
    assert not StoryPage.objects.exists()
    assert not get_image_model().objects.exists()


# The admin upload routes: tests/security/test_admin_image_pixel_limit.py.


def test_a_saved_image_is_checked_on_every_route_even_without_a_form(member, huge_png_bytes, no_decoding):
    from django.core.exceptions import ValidationError

    with pytest.raises((ValidationError, Image.DecompressionBombError)):
        get_image_model()(title="x", file=SimpleUploadedFile("bomb.png", huge_png_bytes)).save()
    assert not get_image_model().objects.exists()


STORY_URLS = [
    ("get", "/en/my-stories/{}/edit/"),
    ("get", "/en/my-stories/{}/preview/"),
    ("get", "/en/my-stories/{}/withdraw/"),
    ("get", "/en/my-stories/{}/delete/"),
    ("get", "/en/my-stories/{}/consent/"),
    ("post", "/en/report-story/{}/"),
]
MALFORMED_IDS = [
    "99999999999999999999",
    "9223372036854775808",
    "9" * 400,
    "0",
    "-1",
    "abc",
    "1e3",
    "١٢",
    "12%00",
    "%20",
]


@pytest.mark.parametrize("method,url", STORY_URLS)
@pytest.mark.parametrize("story_id", MALFORMED_IDS)
def test_every_malformed_story_id_is_not_found(client, story_index, member, method, url, story_id):
    client.force_login(member)
    response = getattr(client, method)(url.format(story_id))
    assert response.status_code == 404


def test_a_busy_database_gives_the_form_back_with_everything_typed_and_saves_nothing(client, story_index, member):
    client.force_login(member)
    revisions_before, states_before = Revision.objects.count(), WorkflowState.objects.count()
    with mock.patch.object(StoryConsent.objects, "create", side_effect=OperationalError("database is locked")):
        response = client.post(
            "/en/share-your-story/", story_post(title="Kept title", body="Every word I typed stays here.")
        )
    assert response.status_code == 503
    content = response.content.decode()
    assert "The site is very busy and your story was not saved yet." in content
    assert 'value="Kept title"' in content
    assert "Every word I typed stays here.</textarea>" in content
    assert not StoryPage.objects.exists()
    assert (Revision.objects.count(), WorkflowState.objects.count()) == (revisions_before, states_before)


def test_other_database_errors_are_not_hidden(client, story_index, member):
    client.force_login(member)
    with mock.patch.object(StoryConsent.objects, "create", side_effect=OperationalError("no such table")):
        with pytest.raises(OperationalError):
            client.post("/en/share-your-story/", story_post())


def test_a_wrong_invitation_code_says_only_that_the_code_is_wrong(client):
    UserFactory(username="taken")
    response = client.post(
        "/en/accounts/signup/", signup_data("WRONG", username="taken", password2="something-else-entirely")
    )
    content = response.content.decode()
    assert "This invitation code is not valid" in content
    assert "already exists" not in content
    assert "same password" not in content
    assert get_user_model().objects.filter(username="taken").count() == 1


def test_a_right_invitation_code_still_reports_the_other_problems(client):
    InvitationCodeFactory(code="RIGHT-1")
    UserFactory(username="taken")
    content = client.post("/en/accounts/signup/", signup_data("RIGHT-1", username="taken")).content.decode()
    assert "A user with that username already exists." in content


def test_errors_are_summarised_at_the_top_with_a_link_to_each_field(client, story_index, member):
    client.force_login(member)
    response = client.post("/en/share-your-story/", story_post(title="", consent_publish=""))
    assert response.status_code == 400
    content = response.content.decode()
    summary = content[
        content.index('id="error-summary"') : content.index("</div>", content.index('id="error-summary"'))
    ]
    assert "Please correct 2 things before sending." in summary
    assert '<a href="#id_title">Title: This field is required.</a>' in summary
    assert (
        '<a href="#id_consent_publish">I agree that this story is published on this site under my pseudonym.: '
        "Tick this box to have your story published on this site. Without it the story cannot be sent.</a>" in summary
    )
    assert content.index('id="error-summary"') < content.index('class="story-form"')


def test_a_form_sent_back_says_plainly_that_the_photo_must_be_chosen_again(client, story_index, member):
    client.force_login(member)
    response = client.post("/en/share-your-story/", story_post(title="", image=jpeg_upload()))
    assert response.status_code == 400
    assert "Your photo was not kept. Please choose it again before sending." in response.content.decode()
    assert not get_image_model().objects.exists()
    response = client.post("/en/share-your-story/", story_post(title=""))
    assert "Your photo was not kept" not in response.content.decode()


def story_with_photo(client, member):
    client.force_login(member)
    client.post("/en/share-your-story/", story_post(image=jpeg_upload(), image_caption="My garden", content_notes=""))
    return StoryPage.objects.get()


def test_the_edit_form_shows_the_current_photo_and_can_remove_it(client, story_index, member):
    story = story_with_photo(client, member)
    image = get_image_model().objects.get()
    content = client.get(f"/en/my-stories/{story.pk}/edit/").content.decode()
    rendition = image.get_rendition("max-320x240")
    assert f'src="{rendition.url}"' in content
    assert 'name="remove_image"' in content
    edit = story_post(body="First part of my story.", remove_image="on")
    assert client.post(f"/en/my-stories/{story.pk}/edit/", edit).status_code == 302
    draft = StoryPage.objects.get().get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["paragraph"]
    assert 'name="remove_image"' not in client.get(f"/en/my-stories/{story.pk}/edit/").content.decode()


def test_editing_without_touching_the_photo_keeps_it(client, story_index, member):
    story = story_with_photo(client, member)
    assert client.post(f"/en/my-stories/{story.pk}/edit/", story_post(body="New words.")).status_code == 302
    draft = StoryPage.objects.get().get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["paragraph", "image"]


def test_after_a_moderators_note_a_published_story_can_be_edited_and_goes_back_to_review(
    client, make_published, member
):
    story = make_published(title="Out in the world")
    AuthorNote.objects.create(story=story, text="Please remove the name of the market.")
    client.force_login(member)
    my_stories = client.get("/en/my-stories/").content.decode()
    assert f'href="/en/my-stories/{story.pk}/edit/"' in my_stories
    edit_page = client.get(f"/en/my-stories/{story.pk}/edit/").content.decode()
    assert "Please remove the name of the market." in edit_page
    assert "The published version stays on the site until they approve your changes." in edit_page

    response = client.post(f"/en/my-stories/{story.pk}/edit/", story_post(title="Out in the world, again"))
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live is True
    assert story.title == "Out in the world"
    assert story.get_latest_revision_as_object().title == "Out in the world, again"
    assert story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert story.status == StoryStatus.PUBLISHED
