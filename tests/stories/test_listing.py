import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h3 class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_the_listing_shows_published_stories_only(client, story_index, member, make_published):
    from .conftest import submitted_story

    make_published(title="Published one")
    submitted_story(story_index, member, title="Still in review")
    assert titles(client.get("/en/stories/")) == ["Published one"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("theme=justice", ["Court"]),
        ("casework_type=bonded_labour", ["Kiln"]),
        ("country=Cambodia", ["River"]),
        ("country=cambodia", ["River"]),  # typed as a reader types it
        ("country=+KENYA+", ["Court"]),
        # As a card shows it in the reader's language, or as its code.
        ("country=Kenia", ["Court"]),
        ("country=KE", ["Court"]),
        ("country=भारत", ["Kiln"]),
        ("country=الهند", ["Kiln"]),
        ("country=Camboya", ["River"]),
        ("q=riverbank", ["River"]),
        ("", ["River", "Kiln", "Court"]),
    ],
)
def test_filters_and_search(client, make_published, query, expected):
    make_published(title="Court", themes=["justice"], casework_type="sex_trafficking", country="Kenya")
    make_published(title="Kiln", themes=["work"], casework_type="bonded_labour", country="India")
    make_published(
        title="River", themes=["healing"], casework_type="osec", country="Cambodia", summary="By the riverbank."
    )
    assert titles(client.get(f"/en/stories/?{query}")) == expected


def test_available_in_my_language(client, make_published):
    make_published(title="English only")
    make_published(title="Hindi original", original_language="hi", title_hi="हिंदी", summary_hi="सारांश", summary="")
    make_published(title="Translated", summary_hi="अनुवाद")
    make_published(title="Translated without consent", summary_hi="अनुवाद", consent={"translate": False})
    assert titles(client.get("/hi/stories/?my_language=on")) == ["Translated", "हिंदी"]


def test_twelve_stories_per_page(client, make_published):
    for number in range(13):
        make_published(title=f"Story number {number}")
    first, second = client.get("/en/stories/"), client.get("/en/stories/?page=2")
    assert (len(titles(first)), len(titles(second))) == (12, 1)
    assert "Page 1 of 2" in first.content.decode()


def test_the_listing_query_count_does_not_grow_with_stories(client, make_published, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_published(title="One")
    client.get("/en/stories/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/stories/")
    for number in range(5):
        make_published(title=f"More {number}")
    client.get("/en/stories/")  # the first view after a publication rebuilds the menu and footer
    with CaptureQueriesContext(connection) as many:
        client.get("/en/stories/")
    assert len(many) == len(few)


def test_a_story_without_a_translation_is_shown_in_its_language_with_a_note(client, make_published):
    story = make_published(
        title="मेरी बहन", original_language="hi", title_hi="मेरी बहन", summary_hi="हम साथ थे", summary=""
    )
    response = client.get(f"/en{story.url_path[len('/home') :]}")
    content = response.content.decode()
    assert "This story was written in Hindi." in content
    assert '<article class="story prose" lang="hi" dir="ltr">' in content
    assert "हम साथ थे" in content


def test_a_story_in_arabic_is_right_to_left_inside_an_english_page(client, make_published):
    story = make_published(title="صوتي", original_language="ar", title_ar="صوتي", summary_ar="ملخص", summary="")
    content = client.get(f"/en{story.url_path[len('/home') :]}").content.decode()
    assert '<article class="story prose" lang="ar" dir="rtl">' in content


def test_content_notes_come_before_the_body_and_the_reader_chooses_to_continue(client, make_published):
    story = make_published(content_notes="Violence")
    path = f"/en{story.url_path[len('/home') :]}"
    first = client.get(path).content.decode()
    assert "Violence" in first
    assert "First paragraph." not in first
    assert 'href="?continue=1#story-body"' in first
    assert "First paragraph." in client.get(f"{path}?continue=1").content.decode()


def test_the_content_notes_label_is_in_the_readers_language_and_the_notes_in_the_storys(client, make_published):
    # A screen reader reads each part in its own voice; an Arabic label marked Swahili is misread.
    story = make_published(title="Sauti yangu", original_language="sw", title_sw="Sauti yangu", content_notes="Vurugu")
    text = client.get(f"/ar/stories/{story.slug}/?continue=1").text
    notice = re.search(r'<p class="notice notice--warning"[^>]*>.*?</p>', text, re.S).group(0)
    assert notice == '<p class="notice notice--warning">تنبيهات المحتوى: <span lang="sw" dir="ltr">Vurugu</span></p>'


def test_a_story_without_content_notes_shows_its_body_at_once(client, make_published):
    story = make_published()
    assert "First paragraph." in client.get(f"/en{story.url_path[len('/home') :]}").content.decode()


def test_the_byline_is_the_pseudonym_never_the_username(client, make_published, member):
    story = make_published()
    content = client.get(f"/en{story.url_path[len('/home') :]}").content.decode()
    assert re.search(r"By <bdi[^>]*>Mwangaza</bdi>", content)
    assert member.username not in content


@pytest.mark.parametrize("kind, marker", [("rss", "<rss"), ("atom", "<feed")])
def test_feeds_per_language(client, make_published, kind, marker):
    make_published(title="In English", title_es="En español", summary_es="Resumen")
    english = client.get(f"/en/stories/feed/{kind}/").content.decode()
    spanish = client.get(f"/es/stories/feed/{kind}/").content.decode()
    assert marker in english
    assert "In English" in english and "/en/stories/" in english
    assert "En español" in spanish and "/es/stories/" in spanish


def test_withdrawn_consent_or_expired_consent_hides_the_story(client, make_published):
    from datetime import timedelta

    from django.utils import timezone

    story = make_published(title="Expired")
    assert 'href="/en/stories/' in client.get("/en/search/", {"q": "Expired"}).content.decode()
    story.consent.expires_on = timezone.localdate() - timedelta(days=1)
    story.consent.save()
    assert client.get(f"/en{story.url_path[len('/home') :]}").status_code == 404
    assert "0 results" in client.get("/en/search/", {"q": "Expired"}).content.decode()
    assert titles(client.get("/en/stories/")) == []
    assert StoryPage.objects.published().count() == 0


@pytest.mark.parametrize("images_consent", [True, False])
def test_images_are_shown_only_while_the_teller_consents_to_their_use(client, make_published, images_consent):
    import json
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from gsn_site.models import SiteImage

    output = BytesIO()
    Image.new("RGB", (20, 20), (10, 120, 40)).save(output, format="PNG")
    image = SiteImage.objects.create(title="Garden", file=SimpleUploadedFile("garden.png", output.getvalue()))
    body = json.dumps(
        [
            {"type": "paragraph", "value": "<p>Words stay.</p>"},
            {"type": "image", "value": {"image": image.pk, "caption": "Our garden", "alt_text": "A garden"}},
        ]
    )
    story = make_published(slug="with-image", body=body, consent={"images": images_consent})
    html = client.get(story.url).content.decode()
    assert "Words stay." in html
    assert ("Our garden" in html) is images_consent
    assert ('alt="A garden"' in html) is images_consent


def card_bylines(response):
    return re.findall(r'<p class="card__meta">(\w+) <bdi>', response.content.decode())


def heading(response):
    return re.search(r'<h2 id="stories-heading">([^<]+)</h2>', response.content.decode()).group(1)


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, sum("COUNT(" in query["sql"] for query in queries.captured_queries)


def test_every_page_of_the_listing_reuses_one_count_until_a_story_is_published(client, make_published, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the page itself is built afresh each time
    for number in range(13):
        make_published(title=f"Story {number}")
    first, counted = count_queries(client, "/en/stories/")
    assert (heading(first), counted) == ("13 stories", 1)
    second, counted = count_queries(client, "/en/stories/?page=2")
    assert (heading(second), counted, titles(second)) == ("13 stories", 0, ["Story 0"])

    make_published(title="Story 13")  # publishing retires the count with the cached pages
    after, counted = count_queries(client, "/en/stories/?page=2")
    assert (heading(after), counted, titles(after)) == ("14 stories", 1, ["Story 1", "Story 0"])


def test_each_filter_has_its_own_count_and_a_search_is_always_counted_afresh(client, make_published, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_published(title="Court", themes=["justice"], summary="By the riverbank.")
    make_published(title="Kiln", themes=["work"], summary="By the riverbank.")
    assert heading(client.get("/en/stories/")) == "2 stories"
    assert heading(client.get("/en/stories/?theme=justice")) == "1 story"
    assert heading(client.get("/es/stories/?theme=justice")) == "1 historia"
    for _ in range(2):
        searched, counted = count_queries(client, "/en/stories/?q=riverbank")
        assert (heading(searched), counted) == ("2 stories", 1)


def test_a_consent_that_expires_overnight_leaves_the_next_days_count(client, make_published, settings, monkeypatch):
    import datetime

    from django.utils import timezone

    settings.PAGE_CACHE_SECONDS = 0
    today = timezone.localdate()
    make_published(title="Stays")
    expiring = make_published(title="Ends today")
    expiring.consent.expires_on = today
    expiring.consent.save()
    assert heading(client.get("/en/stories/")) == "2 stories"

    monkeypatch.setattr(timezone, "localdate", lambda *args: today + datetime.timedelta(days=1))
    tomorrow = client.get("/en/stories/")
    assert (heading(tomorrow), titles(tomorrow)) == ("1 story", ["Stays"])


def test_a_story_under_a_view_restriction_is_never_listed_or_counted(client, make_published, settings):
    from wagtail.models import PageViewRestriction

    settings.PAGE_CACHE_SECONDS = 0
    make_published(title="Open")
    restricted = make_published(title="Restricted")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="not-for-readers")
    listing = client.get("/en/stories/")
    assert (heading(listing), titles(listing)) == ("1 story", ["Open"])
    assert list(StoryPage.objects.published().values_list("title", flat=True)) == ["Open"]


def test_a_card_follows_its_story_and_the_readers_language(client, make_published, settings):
    settings.PAGE_CACHE_SECONDS = 0
    story = make_published(title="Old title", summary="Old summary.")
    assert titles(client.get("/en/stories/")) == ["Old title"]
    assert card_bylines(client.get("/es/stories/")) == ["Por"]

    story.title_en = story.title = "New title"
    story.save_revision().publish()
    english = client.get("/en/stories/")
    assert titles(english) == ["New title"]
    assert card_bylines(english) == ["By"]
    spanish = client.get("/es/stories/")
    assert (titles(spanish), card_bylines(spanish)) == (["New title"], ["Por"])


def test_making_a_story_private_takes_it_out_of_every_cached_page_at_once(client, make_published):
    from wagtail.models import PageViewRestriction

    make_published(title="Open")
    private = make_published(title="Soon private")
    story_path = f"/en{private.url_path[len('/home') :]}"
    assert "Soon private" in client.get(story_path).text  # now in the page cache
    assert heading(client.get("/en/stories/")) == "2 stories"
    assert client.get(story_path).headers["X-Page-Cache"] == "hit"

    restriction = PageViewRestriction.objects.create(page=private, restriction_type="password", password="x-pw-1")
    after = client.get(story_path)
    assert after.headers.get("X-Page-Cache") != "hit" and "Soon private" not in after.text
    listing = client.get("/en/stories/")
    assert (heading(listing), titles(listing)) == ("1 story", ["Open"])

    restriction.delete()  # public again: back in the listing at once
    assert titles(client.get("/en/stories/")) == ["Soon private", "Open"]


def test_a_card_keeps_the_reader_in_their_own_language(client, make_published, settings):
    # A Spanish reader who opens an English story keeps the Spanish interface (quick exit and
    # safety notice included); the story itself is shown in English with a note.
    settings.PAGE_CACHE_SECONDS = 0
    story = make_published(title="Written in English", original_language="en")
    spanish = client.get("/es/stories/").text
    assert re.findall(r'<h3 class="card__title"><a href="([^"]+)"', spanish) == [f"/es/stories/{story.slug}/"]
    assert re.search(r'<h3 class="card__title"><a [^>]+>([^<]+)</a>', spanish).group(1) == "Written in English"
    page = client.get(f"/es/stories/{story.slug}/")
    assert page.status_code == 200
    assert '<html lang="es"' in page.text


def test_typed_country_values_are_counted_afresh_and_never_fill_the_cache(client, make_published, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 0
    make_published(title="Court", country="Kenya")
    assert heading(client.get("/en/stories/?country=kenya")) == "1 story"
    entries = len(cache._cache)  # the local-memory cache's own store: every key it holds

    answers = [heading(client.get(f"/en/stories/?country=made-up-{number}")) for number in range(10)]

    assert answers == ["0 stories"] * 10
    assert len(cache._cache) == entries
    make_published(title="Kiln", country="Kenya")
    assert heading(client.get("/en/stories/?country=Kenya")) == "2 stories"


def test_a_country_stored_in_another_language_is_found_by_its_name_in_mine(client, make_published, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_published(title="Typed in Hindi", country="भारत")
    make_published(title="Typed as a code", country="IN")
    make_published(title="Elsewhere", country="Kenya")
    assert titles(client.get("/en/stories/?country=India")) == ["Typed as a code", "Typed in Hindi"]
    assert titles(client.get("/es/stories/?country=india")) == ["Typed as a code", "Typed in Hindi"]
    assert titles(client.get("/en/stories/?country=Atlantis")) == []


def test_a_theme_is_found_among_several_and_on_postgresql_through_its_index(make_published):
    make_published(title="Court and healing", themes=["healing", "justice"])
    make_published(title="Kiln", themes=["work"])
    make_published(title="No theme", themes=[])
    assert list(StoryPage.objects.with_theme("justice").values_list("title", flat=True)) == ["Court and healing"]
    assert list(StoryPage.objects.with_theme("healing").values_list("title", flat=True)) == ["Court and healing"]
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "stories_storypage")
    gin = {name: found["columns"] for name, found in constraints.items() if found.get("type") == "gin"}
    assert gin == ({"stories_storypage_themes_gin": ["themes"]} if connection.vendor == "postgresql" else {})
