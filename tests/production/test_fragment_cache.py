"""What every page repeats (menu, footer, safety notice, language menu) is built once and kept until
content changes: a publication, an unpublication or a settings change shows on the very next page."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.models import SafetySettings, StandardPage

pytestmark = pytest.mark.django_db

# Search pages are never kept whole by the page cache, so each request renders the page afresh and
# only the fragments can come from the cache.
FRESH_PAGE = "/en/search/"
MENU = re.compile(r'<nav class="main-nav"[^>]*>(.*?)</nav>', re.S)
FOOTER = re.compile(r'<footer class="site-footer">(.*?)</footer>', re.S)


def menu_links(response):
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', MENU.search(response.text).group(1))


def test_the_menu_comes_from_the_cache_after_the_first_page(client, demo_site, django_assert_num_queries):
    first = client.get(FRESH_PAGE)
    with django_assert_num_queries(0):
        second = client.get(FRESH_PAGE)
    assert (
        menu_links(second)
        == menu_links(first)
        == [
            ("/en/about/", "About the network"),
            ("/en/safety/", "Staying safe on this site"),
            ("/en/network/", "Our chapters"),
            ("/en/search/", "Search"),
        ]
    )


def test_publishing_a_new_title_shows_in_the_menu_of_the_next_page(client, demo_site):
    client.get(FRESH_PAGE)
    about = StandardPage.objects.get(slug="about")
    with translation.override("en"):
        about.title_en = "Who we are"
        about.save_revision().publish()

    assert ("/en/about/", "Who we are") in menu_links(client.get(FRESH_PAGE))


def test_an_unpublished_page_leaves_the_menu_at_once(client, demo_site):
    client.get(FRESH_PAGE)
    StandardPage.objects.get(slug="safety").unpublish()

    assert [url for url, _title in menu_links(client.get(FRESH_PAGE))] == ["/en/about/", "/en/network/", "/en/search/"]


def test_changed_safety_settings_show_on_the_next_page(client, demo_site):
    client.get(FRESH_PAGE)
    safety = SafetySettings.objects.get()
    safety.footer_text_en = "Run by survivors, for survivors."
    safety.safety_notice_en = "If you are in danger now, call 999."
    safety.quick_exit_url = "https://weather.example.org/"
    safety.save()

    response = client.get(FRESH_PAGE)
    assert "Run by survivors, for survivors." in FOOTER.search(response.text).group(1)
    assert (
        '<aside class="safety-notice" aria-label="Safety notice"><p>If you are in danger now, call 999.</p></aside>'
        in (response.text)
    )
    assert 'data-exit-target="https://weather.example.org/"' in response.text


def test_each_language_keeps_its_own_menu_and_footer(client, demo_site):
    english = client.get(FRESH_PAGE)
    spanish = client.get("/es/search/")
    assert menu_links(spanish)[0] == ("/es/about/", "Sobre la red")
    assert menu_links(english)[0] == ("/en/about/", "About the network")
    assert 'href="/es/impact/"' in FOOTER.search(spanish.text).group(1)


def test_the_current_page_is_marked_in_a_menu_shared_by_every_page(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/network/")
    about = client.get("/en/about/").text
    assert '<a href="/en/about/" aria-current="page">' in about
    assert '<a href="/en/network/">' in about


def test_the_language_menu_points_at_this_page_and_keeps_the_search(client, demo_site):
    client.get("/en/search/?q=safety")
    response = client.get("/en/search/?q=court&page=2")
    assert 'href="/fr/search/?q=court&amp;page=2"' in response.text
    assert "q=safety" not in response.text


def test_the_account_links_are_never_shared(client, demo_site):
    assert "Sign in" in client.get(FRESH_PAGE).text
    client.force_login(get_user_model().objects.create_user("reader", password="a-long-password-1"))
    signed_in = client.get(FRESH_PAGE).text
    assert "Sign out" in signed_in
    assert "Sign in" not in signed_in


def test_a_new_version_of_the_code_renders_the_menu_afresh(client, demo_site, settings, django_assert_num_queries):
    settings.CODE_VERSION = "release-1"
    client.get(FRESH_PAGE)
    with django_assert_num_queries(0):
        client.get(FRESH_PAGE)
    settings.CODE_VERSION = "release-2"
    with translation.override("en"):
        about = StandardPage.objects.get(slug="about")
    # The old version's menu is not read: the new one is built from the database, then kept.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(FRESH_PAGE)
    assert len(queries) > 0
    assert about.title in response.text
    with django_assert_num_queries(0):
        client.get(FRESH_PAGE)
