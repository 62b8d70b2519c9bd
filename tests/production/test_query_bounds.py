"""The number of SQL queries behind each public page is fixed: it does not grow with the content."""

import io
import re

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from bench.benchdata import add_chapters, add_stories, index_for_search
from feedback import demo as feedback_demo
from gsn_site.demo import get_or_create_page
from gsn_site.page_cache import purge_public_page_cache
from home.models import NetworkIndexPage
from stories.models import StoryIndexPage, StoryPage
from tests.conftest import seed_demo_content

pytestmark = pytest.mark.django_db

# Upper bound for a page view by an anonymous visitor that the page cache did not answer: Wagtail
# routing and view restrictions take about half a dozen queries, the page's own content a few more.
# The menu and the site settings come from the fragment cache, filled by the first view after a change.
PAGE_QUERY_BOUND = 14


def queries_per_page(client, paths):
    counts = {}
    for path in paths:
        client.get(path)  # the first view after a content change fills the fragment cache
        reset_queries()  # each request resets the log that CaptureQueriesContext counts from
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries)
    return counts


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_site_page_queries_do_not_grow_from_10_to_1000_chapters(client, demo_site, uncached):
    network = NetworkIndexPage.objects.get()
    paths = ["/en/", "/en/about/", "/en/network/", "/en/network/sample-chapter-kenya/", "/ar/network/"]
    add_chapters(network, 10)
    queries_per_page(client, paths)  # a running server has already looked up content types and the like
    with_ten = queries_per_page(client, paths)
    add_chapters(network, 1000)
    with_thousand = queries_per_page(client, paths)

    assert with_thousand == with_ten
    assert max(with_thousand.values()) <= PAGE_QUERY_BOUND, with_thousand
    assert "Chapter 999" in client.get("/en/network/").text


def test_story_and_feedback_queries_do_not_grow_from_10_to_1000_stories(client, demo_site, uncached):
    with translation.override("en"):
        index, _created = get_or_create_page(
            demo_site, StoryIndexPage, "stories", translations={"title": {"en": "Stories"}}
        )
        feedback_demo.seed(io.StringIO())
    add_stories(index, 10)
    story = StoryPage.objects.child_of(index).first()
    paths = [
        "/en/",
        "/en/stories/",
        "/en/stories/?page=2",
        "/fr/stories/?theme=justice",
        f"/en/stories/{story.slug}/",
        "/en/feedback/",
        "/en/feedback/sample-ke-aftercare/questions/",
    ]
    queries_per_page(client, paths)  # a running server has already looked up content types and the like

    with_ten = queries_per_page(client, paths)
    add_stories(index, 1000)
    with_thousand = queries_per_page(client, paths)

    assert with_thousand == with_ten
    assert max(with_thousand.values()) <= PAGE_QUERY_BOUND, with_thousand
    assert "Generated story 999" in client.get("/en/stories/").text


@pytest.mark.parametrize(
    ("page", "expected_queries"),
    [
        # The story, read at once as a story; aliases, view restrictions, the consent that allows it.
        # The site, the home page and the story index come from the fragment cache.
        ("story", 4),
        # The index (as a page, then as the index), aliases, view restrictions (the index's and the
        # list's), one page of stories with their consent. The site, the home page and the count come
        # from the fragment cache, like the menu.
        ("listing", 6),
        # View restrictions, the count, the ranked page of hits, their specific rows (one query per page
        # type), the consents of the stories among them. The site for their addresses is cached.
        ("search", 5),
    ],
)
def test_story_page_listing_and_search_take_as_many_queries_for_1_story_as_for_30(
    client, demo_site, uncached, django_assert_num_queries, page, expected_queries
):
    with translation.override("en"):
        index, _created = get_or_create_page(
            demo_site, StoryIndexPage, "stories", translations={"title": {"en": "Stories"}}
        )
    index_for_search(add_stories(index, 1))
    story = StoryPage.objects.child_of(index).get()
    path = {"story": f"/en/stories/{story.slug}/", "listing": "/en/stories/", "search": "/en/search/?q=generated"}[page]
    client.get(path)  # fills the fragment cache, as the first view after a publication does

    with django_assert_num_queries(expected_queries):
        with_one = client.get(path)
    assert with_one.status_code == 200
    assert "Generated story 0" in with_one.text

    index_for_search(add_stories(index, 30))
    client.get(path)
    with django_assert_num_queries(expected_queries):
        with_thirty = client.get(path)
    assert with_thirty.status_code == 200
    if page == "listing":
        assert with_thirty.text.count('class="card story-card"') == 12  # the newest twelve of 30
    if page == "search":
        results = re.search(r'<ul class="results">(.*?)</ul>', with_thirty.text, re.S).group(1)
        assert results.count("<li>") == 10  # the best ten of 30 hits
        assert re.search(r"<h2>(.*?)</h2>", with_thirty.text).group(1) == "30 results"


def test_the_home_page_reads_the_view_restrictions_once_for_its_four_lists(client, demo_site, uncached):
    client.get("/en/")
    purge_public_page_cache()  # the lists are read only when their fragment is not cached
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    restriction_lists = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"."page_id"')
    ]

    assert response.status_code == 200
    assert len(restriction_lists) == 1


def test_a_home_page_whose_sections_are_cached_reads_none_of_its_lists(client, demo_site, uncached):
    seed_demo_content("stories")
    cold = client.get("/en/")
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        warm = client.get("/en/")
    lists = ("home_networkindexpage", "home_chapterpage", "stories_storyindexpage", "stories_storypage")
    read = [table for query in queries.captured_queries for table in lists if f'"{table}"' in query["sql"]]

    assert (warm.status_code, read) == (200, [])
    assert len(queries) == 2  # the home page's own path: its ancestors' aliases and view restrictions
    assert warm.text.count('class="card story-card"') == 3
    # The same page, but for the nonce each response's scripts carry.
    assert re.sub(r'nonce="[^"]+"', "", warm.text) == re.sub(r'nonce="[^"]+"', "", cold.text)
