import io
import re

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home import demo
from home.demo_content import ABOUT, CHAPTERS, HOME
from home.models import ChapterMessage, ChapterPage, HomePage, NetworkIndexPage, StandardPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = demo.seed(io.StringIO())
        cls.network = NetworkIndexPage.objects.get()
        cls.about = StandardPage.objects.get(slug="about")
        cls.chapter = ChapterPage.objects.get(slug="sample-chapter-kenya")

    def test_page_tree_rules(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(HomePage, NetworkIndexPage)
        self.assertCanCreateAt(NetworkIndexPage, ChapterPage)
        self.assertCanNotCreateAt(HomePage, ChapterPage)
        self.assertCanNotCreateAt(ChapterPage, StandardPage)

    def test_every_page_is_routable_and_renders_in_every_language(self):
        for page in (self.home, self.about, self.network, self.chapter):
            for code in LANGUAGE_CODES:
                with self.subTest(page=page.slug, language=code), translation.override(code):
                    self.assertPageIsRenderable(page)
                    response = self.client.get(f"/{code}{page.specific.url_path[len('/home') :]}")
                    self.assertEqual(response.status_code, 200)
                    title = Page.objects.get(pk=page.pk).specific.title
                    self.assertContains(response, f"<h1>{title}</h1>", html=True)

    def test_editors_can_create_each_page_type_in_the_admin(self):
        self.login()
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title_en": "Statement of principles",
                    "title_es": "Declaración de principios",
                    "slug": "principles",
                    "original_language": "en",
                    "intro_en": "What we stand for.",
                    "body_en": streamfield([("paragraph", rich_text("<p>Survivors lead.</p>"))]),
                    "body_es": streamfield([]),
                    "body_fr": streamfield([]),
                    "body_pt": streamfield([]),
                    "body_hi": streamfield([]),
                    "body_sw": streamfield([]),
                    "body_km": streamfield([]),
                    "body_ar": streamfield([]),
                }
            ),
        )
        self.assertCanCreate(
            self.network,
            ChapterPage,
            nested_form_data(
                {
                    "title_en": "Sample chapter: Peru",
                    "slug": "sample-chapter-peru",
                    "original_language": "en",
                    "country_en": "Peru",
                    "founded": "2022",
                    "description_en": rich_text("<p>A fictional chapter.</p>"),
                }
            ),
        )
        page = ChapterPage.objects.get(slug="sample-chapter-peru")
        self.assertEqual(page.country, "Peru")

    def test_home_page_lists_the_chapters(self):
        response = self.client.get("/en/")
        for chapter in CHAPTERS:
            self.assertContains(response, chapter["title"]["en"])
        self.assertContains(response, HOME["feedback_heading"]["en"])


@pytest.fixture
def untranslated_page(demo_site):
    page = StandardPage(slug="english-only", title="Only in English", intro="Written in English.")
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_missing_translation_falls_back_to_the_original_and_says_so(client, untranslated_page):
    response = client.get("/es/english-only/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Only in English</h1>" in html
    with translation.override("es"):
        expected = translation.gettext(
            "This page was written in %(language)s. It has not been translated into your language yet."
        ) % {"language": translation.gettext("English")}
    assert expected in html
    assert expected.startswith("Esta página")
    # The content itself is marked as English for screen readers.
    assert '<article class="prose" lang="en" dir="ltr">' in html


def test_a_translated_page_has_no_fallback_note(client, demo_site):
    html = client.get("/es/about/").content.decode()
    assert ABOUT["title"]["es"] in html
    assert 'role="note"' not in html


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, demo_site):
    html = client.get("/fr/about/").content.decode()
    for code in LANGUAGE_CODES:
        assert f'href="/{code}/about/"' in html
    assert re.search(r'href="/fr/about/"[^>]*aria-current="true"', html)


def test_root_chooses_the_language_from_accept_language(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sw,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/sw/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").headers["Location"] == "/en/"


@pytest.mark.parametrize("code,direction", [("ar", "rtl"), ("en", "ltr"), ("hi", "ltr")])
def test_arabic_pages_are_right_to_left(client, demo_site, code, direction):
    html = client.get(f"/{code}/network/").content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in html


def test_quick_exit_is_on_every_public_page(client, demo_site):
    urls = [f"/en{page.url_path[len('/home') :]}" for page in Page.objects.live().filter(depth__gte=2)]
    urls += ["/en/search/?q=chapter", "/ar/search/", "/en/no-such-page/"]
    assert len(urls) >= 9
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        assert re.search(
            r'<a class="quick-exit" id="quick-exit" href="/quick-exit/" [^>]*data-exit-target="https://www.bbc.com/weather"',
            html,
        ), url


def test_quick_exit_target_comes_from_site_settings(client, demo_site):
    from home.models import SafetySettings

    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.quick_exit_url = "https://example.org/weather"
    safety.save()
    assert 'data-exit-target="https://example.org/weather"' in client.get("/en/").content.decode()


def test_search_finds_pages_in_the_visitors_language(client, demo_site):
    response = client.get("/en/search/", {"q": "Kenya"})
    assert response.status_code == 200
    assert 'href="/en/network/sample-chapter-kenya/"' in response.content.decode()


def test_chapter_contact_form_reaches_staff_without_exposing_an_address(client, demo_site):
    url = "/en/network/sample-chapter-india/"
    html = client.get(url).content.decode()
    assert "mailto:" not in html
    response = client.post(url, {"message": "<b>Hello</b> I would like to join.", "reply_to": "", "website": ""})
    assert response.status_code == 302
    assert response["Location"] == "/en/network/sample-chapter-india/?sent=1#contact"
    message = ChapterMessage.objects.get()
    assert message.message == "Hello I would like to join."
    assert message.chapter.slug == "sample-chapter-india"


def test_chapter_contact_form_rejects_an_empty_message_and_ignores_bots(client, demo_site):
    url = "/en/network/sample-chapter-india/"
    response = client.post(url, {"message": "", "website": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    client.post(url, {"message": "buy now", "website": "http://spam.example"})
    assert ChapterMessage.objects.count() == 0


def test_demo_seed_is_idempotent(seed_everything):
    from django.core.management import call_command

    counts = (Page.objects.count(), Site.objects.count())
    revisions = [p.latest_revision_id for p in Page.objects.order_by("pk")]
    call_command("seed_demo", stdout=io.StringIO())
    assert (Page.objects.count(), Site.objects.count()) == counts
    assert [p.latest_revision_id for p in Page.objects.order_by("pk")] == revisions
    assert ChapterPage.objects.count() >= 4
    assert all(chapter.is_sample for chapter in ChapterPage.objects.all())
