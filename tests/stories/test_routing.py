"""Routing reads the site, its home page and the story index from the fragment cache. Whatever hides,
renames, moves or replaces one of them reaches the very next reader of a story below it."""

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page, PageViewRestriction, Site

from gsn_site.page_cache import GENERATION_KEY
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached(settings):
    # The whole-page cache would answer before routing does; these readers must be routed.
    settings.PAGE_CACHE_SECONDS = 0


def story_path(story, index_slug="stories"):
    return f"/en/{index_slug}/{story.slug}/"


def test_unpublishing_the_story_index_takes_its_feed_offline_at_once(client, story_index, make_published):
    make_published(title="In the feed")
    feed = client.get("/en/stories/feed/rss/")
    assert feed.status_code == 200
    assert "In the feed" in feed.text

    story_index.unpublish()

    assert client.get("/en/stories/feed/rss/").status_code == 404
    assert client.get("/en/stories/").status_code == 404


def test_deleting_the_story_index_takes_its_stories_offline_at_once(client, story_index, make_published):
    story = make_published(title="Under the index")
    assert client.get(story_path(story)).status_code == 200

    story_index.delete()

    assert client.get(story_path(story)).status_code == 404


def test_renaming_the_story_index_moves_its_stories_at_once(client, story_index, make_published):
    story = make_published(title="Renamed with its index")
    assert client.get(story_path(story)).status_code == 200

    story_index.slug = "voices"
    story_index.save_revision().publish()

    assert client.get(story_path(story)).status_code == 404
    moved = client.get(story_path(story, "voices"))
    assert moved.status_code == 200
    assert "Renamed with its index" in moved.text


def test_a_story_published_after_a_reader_missed_it_is_served(client, story_index, make_published):
    # The miss routes through the index while it has no story at all, and caches it that way.
    assert client.get("/en/stories/arrived-later/").status_code == 404

    make_published(slug="arrived-later", title="Arrived later")

    response = client.get("/en/stories/arrived-later/")
    assert response.status_code == 200
    assert "Arrived later" in response.text


def test_a_sign_in_rule_on_the_story_index_covers_a_story_already_routed(client, story_index, make_published):
    story = make_published(title="Soon for members only")
    assert "Soon for members only" in client.get(story_path(story)).text

    PageViewRestriction.objects.create(page=story_index, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(story_path(story))
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={story_path(story)}"
    assert "Soon for members only" not in client.get(story_path(story), follow=True).text
    # The feed is another route through the same cached index to the same stories.
    feed = client.get("/en/stories/feed/rss/")
    assert (feed.status_code, feed["Location"]) == (302, "/en/accounts/login/?next=/en/stories/feed/rss/")


def test_a_new_root_page_for_the_site_is_routed_from_at_once(client, demo_site):
    assert client.get("/en/about/").status_code == 200
    another = Page.get_first_root_node().add_child(
        instance=HomePage(title="Another home", slug="another-home", original_language="en")
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = another
    site.save()

    home = client.get("/en/")
    assert home.status_code == 200
    assert "Another home" in home.text
    assert client.get("/en/about/").status_code == 404


def test_made_up_addresses_leave_nothing_in_the_cache(client, story_index, make_published, settings):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    story = make_published(title="Only one")
    assert client.get(story_path(story)).status_code == 200
    assert client.get("/en/stories/feed/rss/").status_code == 200
    entries = len(cache._cache)  # the local-memory cache's own store: every key it holds

    made_up = [f"/en/made-up-{n}/below/" for n in range(10)]
    made_up += [f"/en/stories/{story.slug}/made-up-{n}/" for n in range(10)]
    made_up += [f"/en/stories/made-up-{n}/below/" for n in range(10)]
    assert [client.get(path).status_code for path in made_up] == [404] * 30

    assert len(cache._cache) == entries


def test_renaming_an_unpublished_index_retires_the_old_addresses_of_its_live_stories(
    client, story_index, make_published
):
    # Wagtail routes through a section that is not live to the live stories below it, and the
    # admin saves the draft of such a page straight into its row.
    story = make_published(title="Still live below")
    story_index.unpublish()
    assert client.get(story_path(story)).status_code == 200  # the index is now in the route cache

    story_index.slug = "retired"
    story_index.save()

    assert client.get(story_path(story)).status_code == 404
    assert client.get(story_path(story, "retired")).status_code == 200


def test_ports_written_in_the_host_header_add_nothing_to_the_cache(client, demo_site, settings):
    # Every request looks its site up, and a page repeats the menu, footer and quick exit; none of
    # them depends on a port a visitor writes into the Host header.
    settings.ALLOWED_HOSTS = ["gsn.example.org"]
    paths = ["/en/no-such-page/", "/admin/"]
    assert [client.get(path, HTTP_HOST="gsn.example.org").status_code for path in paths] == [404, 302]
    entries = len(cache._cache)  # the local-memory cache's own store: every key it holds

    statuses = [
        client.get(path, HTTP_HOST=f"gsn.example.org:{port}").status_code
        for port in range(8000, 8010)
        for path in paths
    ]

    assert statuses == [404, 302] * 10
    assert len(cache._cache) == entries


def test_a_change_saved_in_a_transaction_purges_again_when_it_commits(demo_site, django_capture_on_commit_callbacks):
    # A reader's request between the purge and the commit still reads the old rows; whatever it
    # stores must not be served once the change is committed.
    site = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            site.site_name = "Renamed"
            site.save()
            during = cache.get(GENERATION_KEY)
    assert cache.get(GENERATION_KEY) != during
