"""Search results come ten to a page, with the same page links as the story listing."""

import re
from html import escape

import pytest
from django.utils import translation

from bench.benchdata import add_stories, index_for_search
from gsn_site.demo import get_or_create_page
from stories.models import StoryIndexPage

pytestmark = pytest.mark.django_db

RESULTS = re.compile(r'<ul class="results">(.*?)</ul>', re.S)
PAGINATION = re.compile(r'<nav aria-label="([^"]+)" class="pagination">(.*?)</nav>', re.S)


@pytest.fixture
def twenty_five_stories(demo_site):
    with translation.override("en"):
        index, _created = get_or_create_page(
            demo_site, StoryIndexPage, "stories", translations={"title": {"en": "Stories"}}
        )
    index_for_search(add_stories(index, 25))


def result_count(response):
    return RESULTS.search(response.text).group(1).count("<li>")


def test_the_second_page_of_hits_links_to_the_first_and_the_third(client, twenty_five_stories):
    response = client.get("/en/search/", {"q": "generated", "page": "2"})

    assert "25 results" in response.text
    assert result_count(response) == 10
    label, links = PAGINATION.search(response.text).groups()
    assert label == "Pages of results"
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', links) == [
        ("?q=generated&amp;page=1", "Previous"),
        ("?q=generated&amp;page=3", "Next"),
    ]
    assert "<span>Page 2 of 3</span>" in links


def test_the_last_page_holds_the_rest(client, twenty_five_stories):
    response = client.get("/en/search/", {"q": "generated", "page": "3"})
    assert result_count(response) == 5
    assert "Next" not in PAGINATION.search(response.text).group(2)


@pytest.mark.parametrize("page", ["abc", "0", "99", "99999999999999999999999"])
def test_a_page_that_does_not_exist_shows_the_first(client, twenty_five_stories, page):
    response = client.get("/en/search/", {"q": "generated", "page": page})
    assert response.status_code == 200
    assert "<span>Page 1 of 3</span>" in response.text
    assert result_count(response) == 10


def test_the_story_listing_uses_the_same_page_links(client, twenty_five_stories, settings):
    settings.PAGE_CACHE_SECONDS = 0
    label, links = PAGINATION.search(client.get("/en/stories/", {"page": "2"}).text).groups()
    assert label == "Pages of stories"
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', links) == [("?page=1", "Previous"), ("?page=3", "Next")]
    assert "<span>Page 2 of 3</span>" in links


def test_a_search_that_finds_nothing_says_what_to_try_instead_of_an_empty_list(client, twenty_five_stories):
    response = client.get("/sw/search/", {"q": "zzqx-nothing"})

    assert response.status_code == 200
    assert "<h2>Matokeo 0</h2>" in response.text
    assert '<ul class="results">' not in response.text
    assert (
        "Jaribu maneno machache zaidi au tahajia nyingine. Hadithi zimeandikwa kwa lugha nyingi: "
        "neno katika lugha ya hadithi yenyewe linaweza kuipata."
    ) in response.text


@pytest.mark.parametrize("query", ['generated"', '"generated', "(generated)", "generated*", "^generated"])
def test_search_syntax_in_a_query_is_read_as_spaces_and_finds_what_the_word_finds(client, twenty_five_stories, query):
    # An unclosed quote was a server error on SQLite's full-text search.
    response = client.get("/es/search/", {"q": query})

    assert response.status_code == 200
    assert "<h2>25 resultados</h2>" in response.text
    typed = escape(query)
    assert f'value="{typed}"' in response.text
