"""The number of SQL queries behind each public page is fixed: it does not grow with the content."""

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from bench.benchdata import add_chapters, add_stories
from feedback import demo as feedback_demo
from gsn_site.demo import get_or_create_page
from home.models import NetworkIndexPage
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db

# Upper bound for an uncached page view by an anonymous visitor: Wagtail routing, view restrictions,
# site settings and menus take about a dozen queries; the page's own content a few more.
PAGE_QUERY_BOUND = 20


class _Quiet:
    def write(self, *_args, **_kwargs):
        pass


def queries_per_page(client, paths):
    counts = {}
    for path in paths:
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
        feedback_demo.seed(_Quiet())
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
