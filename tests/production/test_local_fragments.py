"""Beside a shared cache (Redis in production), each process keeps its own copy of the fragments it
has read, so that a page asks the shared cache once (the purge generation), not once per fragment;
a purge anywhere still shows on the very next page."""

import pytest
from django.core.cache import caches
from django.utils import translation

from gsn_site.demo import get_or_create_page
from gsn_site.page_cache import GENERATION_KEY
from home.models import StandardPage
from stories.models import StoryIndexPage

pytestmark = pytest.mark.django_db

# Never kept whole by the page cache: each request renders the page, its fragments from the caches.
FRESH_PAGE = "/en/search/"


@pytest.fixture
def shared_and_local(settings):
    """A shared cache standing for Redis, and this process's own copy of fragments beside it."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "this-process"},
    }
    yield
    caches["default"].clear()
    caches["local"].clear()


def test_a_page_reads_only_the_purge_generation_from_the_shared_cache(client, demo_site, shared_and_local, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for path in (FRESH_PAGE, "/en/about/", "/en/network/"):
        client.get(path)  # the first view reads each fragment from the shared cache, or builds it
    reads = shared_reads_after(client, FRESH_PAGE, "/en/about/", "/en/network/")

    assert reads == [GENERATION_KEY, GENERATION_KEY, GENERATION_KEY]


def shared_reads_after(client, *paths):
    shared = caches["default"]
    keys = []
    original = shared.get

    def get(key, *args, **kwargs):
        keys.append(key)
        return original(key, *args, **kwargs)

    shared.get = get
    try:
        for path in paths:
            assert client.get(path).status_code == 200, path
    finally:
        del shared.get
    return keys


def test_without_a_local_copy_each_fragment_is_a_read_of_the_shared_cache(client, demo_site, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "only"}}
    client.get(FRESH_PAGE)

    reads = shared_reads_after(client, FRESH_PAGE)

    assert reads[0] == GENERATION_KEY
    assert len(reads) > 3


def test_a_new_title_shows_on_the_next_page_although_the_old_menu_is_kept_locally(client, demo_site, shared_and_local):
    client.get(FRESH_PAGE)
    kept = len(caches["local"]._cache)
    with translation.override("en"):
        about = StandardPage.objects.get(slug="about")
        about.title_en = "Who we are"
        about.save_revision().publish()

    page = client.get(FRESH_PAGE).text

    assert "Who we are" in page
    assert "About the network" not in page
    assert kept > 0


def test_the_story_listing_reads_only_the_purge_generation_from_the_shared_cache(
    client, demo_site, shared_and_local, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    with translation.override("en"):
        get_or_create_page(demo_site, StoryIndexPage, "stories", translations={"title": {"en": "Stories"}})
    client.get("/en/stories/")

    assert shared_reads_after(client, "/en/stories/") == [GENERATION_KEY]
    assert 'href="/en/stories/feed/rss/"' in client.get("/en/stories/").text
