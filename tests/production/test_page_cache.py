"""Anonymous readers of public pages get a cached copy; nobody else does, and publishing refreshes it."""

import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory
from django.utils import translation

from bench.benchdata import add_stories
from gsn_site.demo import get_or_create_page
from gsn_site.page_cache import CACHE_STATUS_HEADER, purge_public_page_cache
from home.models import ChapterMessage, ChapterPage, HomePage, StandardPage
from stories.models import StoryIndexPage, StoryPage

from .conftest import cached_page_keys, cached_pages

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="(\w+)"')

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_request_does_not_touch_the_database(client, demo_site, django_assert_num_queries):
    first = client.get("/en/about/")
    assert first.status_code == 200
    assert first[CACHE_STATUS_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/en/about/")
    assert second.status_code == 200
    assert second[CACHE_STATUS_HEADER] == "hit"
    assert second.content == first.content
    # Headers added outside the cache still come with a cached page.
    assert "Content-Security-Policy" in second
    assert second["Content-Type"] == first["Content-Type"]


def test_each_language_has_its_own_copy(client, demo_site):
    english = client.get("/en/")
    spanish = client.get("/es/")
    assert spanish[CACHE_STATUS_HEADER] == "miss"
    assert client.get("/es/").content == spanish.content
    assert spanish.content != english.content
    assert b'lang="es"' in spanish.content


def test_publishing_a_page_refreshes_the_cached_copy(client, demo_site):
    client.get("/en/about/")
    about = StandardPage.objects.get(slug="about")
    with translation.override("en"):
        about.title_en = "About the network, revised"
        about.save_revision().publish()
    response = client.get("/en/about/")
    assert response[CACHE_STATUS_HEADER] == "miss"
    assert "About the network, revised" in response.text


def test_unpublishing_a_page_removes_it_from_the_cache(client, demo_site):
    assert client.get("/en/about/").status_code == 200
    StandardPage.objects.get(slug="about").unpublish()
    assert client.get("/en/about/").status_code == 404


def test_deleting_a_page_removes_it_and_the_pages_that_list_it(client, demo_site):
    chapter = ChapterPage.objects.get(slug="sample-chapter-kenya")
    listed = client.get("/en/network/")
    assert chapter.title in listed.text
    chapter.delete()
    assert chapter.title not in client.get("/en/network/").text


def test_purge_function_retires_every_cached_page(client, demo_site):
    client.get("/en/")
    client.get("/fr/about/")
    purge_public_page_cache()
    assert client.get("/en/")[CACHE_STATUS_HEADER] == "miss"
    assert client.get("/fr/about/")[CACHE_STATUS_HEADER] == "miss"


@pytest.mark.parametrize("path", ["/en/accounts/login/", "/en/accounts/signup/", "/sw/accounts/login/"])
def test_private_pages_are_never_stored(client, demo_site, path):
    for _attempt in range(2):
        response = client.get(path)
        assert CACHE_STATUS_HEADER not in response
        assert "no-store" in response["Cache-Control"]
    assert cached_page_keys() == []


def test_the_feedback_area_is_never_stored(client, demo_site):
    response = client.get("/en/feedback/")
    assert CACHE_STATUS_HEADER not in response
    assert "no-store" in response["Cache-Control"]
    assert cached_page_keys() == []


def test_a_signed_in_member_always_gets_a_fresh_page(client, demo_site):
    client.get("/en/about/")
    member = get_user_model().objects.create_user("reader", password="a-long-password-1")
    client.force_login(member)
    response = client.get("/en/about/")
    assert CACHE_STATUS_HEADER not in response
    client.logout()


def test_a_page_with_a_form_is_shared_but_each_visitor_gets_their_own_csrf_token(demo_site, django_assert_num_queries):
    """A chapter page carries a contact form: the cached copy holds a placeholder, never a visitor's token."""
    path = "/en/network/sample-chapter-kenya/"
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = first_visitor.get(path)
    first_token = re.search(CSRF_TOKEN, first.text).group(1)
    assert all(first_token.encode() not in content for content, _headers in cached_pages())

    with django_assert_num_queries(0):
        second = second_visitor.get(path)
    assert second[CACHE_STATUS_HEADER] == "hit"
    second_token = re.search(CSRF_TOKEN, second.text).group(1)
    assert second_token != first_token
    assert "csrftoken" in second.cookies

    sent = second_visitor.post(path, {"message": "Hello from a second visitor", "csrfmiddlewaretoken": second_token})
    assert sent.status_code == 302
    assert ChapterMessage.objects.filter(message="Hello from a second visitor").exists()


def test_posts_and_searches_are_not_cached(client, demo_site):
    client.post("/en/about/", {"anything": "x"})
    client.get("/en/search/", {"q": "safety"})
    assert cached_page_keys() == []


def test_a_visitor_with_messages_waiting_gets_a_fresh_page(client, demo_site):
    client.get("/en/about/")
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Thank you")])
    response = client.get("/en/about/")
    assert CACHE_STATUS_HEADER not in response
    assert "Thank you" in response.text


def test_the_home_page_is_cached_too(client, demo_site, django_assert_num_queries):
    assert HomePage.objects.exists()
    client.get("/ar/")
    with django_assert_num_queries(0):
        assert client.get("/ar/")[CACHE_STATUS_HEADER] == "hit"


def test_a_withdrawn_story_leaves_the_cached_listing_and_its_page_at_once(client, demo_site):
    with translation.override("en"):
        index, _created = get_or_create_page(
            demo_site, StoryIndexPage, "stories", translations={"title": {"en": "Stories"}}
        )
    story = add_stories(index, 3)[0]
    story_path = f"/en/stories/{story.slug}/"
    assert client.get(story_path).status_code == 200
    assert client.get(story_path)[CACHE_STATUS_HEADER] == "hit"
    assert story.title_en in client.get("/en/stories/").text

    StoryPage.objects.get(pk=story.pk).withdraw(get_user_model().objects.create_user("teller"))

    assert client.get(story_path).status_code == 404
    assert story.title_en not in client.get("/en/stories/").text


def test_a_cache_outage_neither_breaks_pages_nor_publishing(client, demo_site):
    with mock.patch("gsn_site.page_cache.cache") as broken:
        broken.get.side_effect = broken.incr.side_effect = broken.set.side_effect = ConnectionError("down")
        assert client.get("/en/about/").status_code == 200
        StandardPage.objects.get(slug="about").save_revision().publish()
    assert StandardPage.objects.get(slug="about").live


def test_saving_a_draft_of_a_live_page_keeps_the_cached_copies(client, demo_site):
    client.get("/en/about/")
    about = StandardPage.objects.get(slug="about")
    with translation.override("en"):
        about.title_en = "A draft nobody reads yet"
        about.save_revision()
    response = client.get("/en/about/")
    assert response[CACHE_STATUS_HEADER] == "hit"
    assert "A draft nobody reads yet" not in response.text


def test_creating_a_draft_page_keeps_the_cached_copies(client, demo_site):
    client.get("/en/about/")
    home = HomePage.objects.get()
    home.add_child(instance=StandardPage(title="Unpublished draft", slug="unpublished-draft", live=False))
    assert client.get("/en/about/")[CACHE_STATUS_HEADER] == "hit"


def test_moving_a_live_page_refreshes_the_cached_copies(client, demo_site):
    network = client.get("/en/network/")
    chapter = ChapterPage.objects.get(slug="sample-chapter-kenya")
    assert chapter.title in network.text
    chapter.move(HomePage.objects.get(), pos="last-child")
    assert chapter.title not in client.get("/en/network/").text


def test_a_cdn_may_keep_anonymous_public_pages_only_when_told_to(client, demo_site, settings):
    assert "s-maxage" not in client.get("/en/about/").get("Cache-Control", "")
    settings.CDN_CACHE_SECONDS = 300
    purge_public_page_cache()
    for attempt in ("miss", "hit"):
        response = client.get("/en/about/")
        assert response[CACHE_STATUS_HEADER] == attempt
        assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=300"}


def test_a_cdn_never_keeps_pages_with_a_form_or_private_pages(client, demo_site, settings, django_user_model):
    settings.CDN_CACHE_SECONDS = 300
    chapter = client.get("/en/network/sample-chapter-kenya/")
    assert 'name="csrfmiddlewaretoken"' in chapter.text
    assert "s-maxage" not in chapter.get("Cache-Control", "")
    assert "s-maxage" not in client.get("/en/feedback/").get("Cache-Control", "")
    client.force_login(django_user_model.objects.create_user("reader", password="a-long-password-1"))
    assert "s-maxage" not in client.get("/en/about/").get("Cache-Control", "")


def test_a_new_version_of_the_code_never_serves_what_the_old_one_rendered(client, demo_site, settings):
    settings.CODE_VERSION = "release-1"
    assert client.get("/en/about/")[CACHE_STATUS_HEADER] == "miss"
    assert client.get("/en/about/")[CACHE_STATUS_HEADER] == "hit"
    settings.CODE_VERSION = "release-2"
    assert client.get("/en/about/")[CACHE_STATUS_HEADER] == "miss"
    assert client.get("/en/about/")[CACHE_STATUS_HEADER] == "hit"
    # During a rolling deploy a node still on the old code keeps reading its own copy.
    settings.CODE_VERSION = "release-1"
    assert client.get("/en/about/")[CACHE_STATUS_HEADER] == "hit"


def test_a_new_release_refreshes_the_cached_impact_page(client, demo_site, django_capture_on_commit_callbacks):
    import datetime

    from reporting.periods import Period, PeriodKind
    from reporting.releases import build_release
    from tests.outcomes.helpers import assess, make_program

    program = make_program("cache-impact", name="Cached program", publish_impact=True)
    for number in range(6):
        assess(program, f"CACHE-{number}", "2025-01-10", "intake", score=2.0)
        assess(program, f"CACHE-{number}", "2025-08-10", "six_month", score=3.0)
    assert "No year has been released for this program yet." in client.get("/en/impact/").text
    assert client.get("/en/impact/")[CACHE_STATUS_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        build_release(program, Period(PeriodKind.YEAR, datetime.date(2025, 1, 1)))
    response = client.get("/en/impact/")
    assert response[CACHE_STATUS_HEADER] == "miss"
    assert "No year has been released for this program yet." not in response.text
