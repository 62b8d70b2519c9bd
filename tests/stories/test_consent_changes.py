"""StoryPage.change_consent: what each answer to the consent questions does to the story."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry

from stories.models import StoryPage, StoryStatus
from stories.submission import body_stream, save_member_image

from .conftest import published_story

pytestmark = pytest.mark.django_db

FULL = {"publish": True, "translate": True, "quote": False, "images": True, "expires_on": None}


def consent_log(story):
    return [
        entry.data for entry in PageLogEntry.objects.filter(page=story, action="stories.consent_change").order_by("pk")
    ]


def test_withdrawing_publication_withdraws_the_story_and_dates_the_withdrawal(make_published, member):
    story = make_published()
    consent = story.change_consent(member, {**FULL, "publish": False, "images": False})
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.status, story.withdrawn_at is not None) == (False, StoryStatus.WITHDRAWN, True)
    assert consent.withdrawn_on == timezone.localdate()
    assert story.consent.scopes == ["translate"]
    assert consent_log(story) == [{"given": [], "withdrawn": ["publish"]}]


def test_giving_publication_again_clears_the_withdrawal_date(make_published, member):
    story = make_published()
    story.change_consent(member, {**FULL, "publish": False})
    consent = StoryPage.objects.get(pk=story.pk).change_consent(member, FULL)
    assert consent.withdrawn_on is None
    assert consent.scopes == ["publish", "translate", "images"]
    assert consent_log(story) == [
        {"given": ["images"], "withdrawn": ["publish"]},
        {"given": ["publish"], "withdrawn": []},
    ]


def test_an_expiry_date_already_past_withdraws_the_story_but_keeps_publication_given(make_published, member):
    story = make_published()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    consent = story.change_consent(member, {**FULL, "images": False, "expires_on": yesterday})
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.status) == (False, StoryStatus.WITHDRAWN)
    assert (consent.publish, consent.withdrawn_on) == (True, None)


def test_withdrawing_the_images_moves_them_out_of_reach_and_keeps_the_story_online(story_index, member, moderator):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    image = save_member_image(SimpleUploadedFile("me.png", buffer.getvalue()), member)
    story = published_story(
        story_index, member, moderator, body=body_stream("Text.", image, "Me"), consent={"images": True}
    )
    old_name = image.file.name
    story.change_consent(member, {**FULL, "images": False})
    assert get_image_model().objects.get(pk=image.pk).file.name != old_name
    assert StoryPage.objects.get(pk=story.pk).live is True
    assert consent_log(story) == [{"given": [], "withdrawn": ["images"]}]


def test_unchanged_answers_change_nothing_but_are_still_logged(make_published, member):
    story = make_published()
    story.change_consent(member, {**FULL, "images": False})
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.withdrawn_at) == (True, None)
    assert consent_log(story) == [{"given": [], "withdrawn": []}]
