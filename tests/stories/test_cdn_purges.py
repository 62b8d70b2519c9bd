"""A CDN in front keeps no page that lists a story once the story leaves the site
(docs/operations.md, "CDN in front"): however it leaves, the story, the listing, both feeds and the
home page are purged in every language, and the addresses no purge could name are never kept."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from stories.models import StoryPage

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(urlsplit(url).path)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.stories.test_cdn_purges.RecordingBackend"}}
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
    settings.CDN_CACHE_SECONDS = 300
    PURGED.clear()
    return PURGED


def leave(how, story, member, moderator):
    if how == "withdrawn":
        story.withdraw(member)
    elif how == "consent ended":
        story.change_consent(member, {"publish": False})
    elif how == "unpublished by a moderator":
        UnpublishPageAction(story, user=moderator).execute(skip_permission_checks=True)
    elif how == "held after reports":
        story.hold_for_review()
    elif how == "account made inactive":
        member.is_active = False
        member.save()
    elif how == "account deleted":
        get_user_model().objects.get(pk=member.pk).delete()


@pytest.mark.parametrize(
    "how",
    [
        "withdrawn",
        "consent ended",
        "unpublished by a moderator",
        "held after reports",
        "account made inactive",
        "account deleted",
    ],
)
def test_every_page_that_lists_a_story_is_purged_in_every_language_when_it_leaves(
    cdn, make_published, member, moderator, settings, how
):
    story = make_published(title="The river crossing")
    cdn.clear()
    leave(how, story, member, moderator)
    assert StoryPage.objects.get(pk=story.pk).live is False
    for code, _name in settings.LANGUAGES:
        for path in ("/", "/stories/", "/stories/feed/rss/", "/stories/feed/atom/", f"/stories/{story.slug}/"):
            assert f"/{code}{path}" in cdn, f"/{code}{path}"


def test_a_cdn_keeps_no_address_with_a_query_string(cdn, client, make_published):
    make_published(title="The river crossing")
    for path in ("/en/stories/", "/en/stories/feed/rss/", "/en/"):
        assert "s-maxage=300" in client.get(path)["Cache-Control"], path
    for path in ("/en/stories/?page=1", "/en/stories/?theme=justice", "/en/search/?q=river", "/en/?utm=x"):
        response = client.get(path)
        assert response.status_code == 200
        assert "s-maxage" not in response.get("Cache-Control", ""), path
    # An empty "?" reaches Django as no query string at all; gunicorn passes the address as sent.
    response = client.get("/en/stories/?", RAW_URI="/en/stories/?")
    assert (response.status_code, "s-maxage" in response.get("Cache-Control", "")) == (200, False)


def test_making_a_story_private_purges_every_page_that_lists_it(cdn, make_published, settings):
    from wagtail.models import PageViewRestriction

    story = make_published(title="The river crossing")
    cdn.clear()
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="not-for-readers")
    for code, _name in settings.LANGUAGES:
        for path in ("/", "/stories/", "/stories/feed/rss/", "/stories/feed/atom/", f"/stories/{story.slug}/"):
            assert f"/{code}{path}" in cdn, f"/{code}{path}"
