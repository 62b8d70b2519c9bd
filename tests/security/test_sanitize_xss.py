"""No payload survives the sanitizer, nor a story submitted with it and then rendered."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.template import Context, Template

from gsn_site.sanitize import plain_text, plain_text_to_rich_paragraphs
from stories.models import StoryPage
from tests.stories.conftest import approve

from .xss_payloads import XSS_PAYLOADS

DANGEROUS_ELEMENTS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "link",
    "meta",
    "base",
    "img",
    "video",
    "audio",
    "source",
    "form",
    "button",
    "input",
    "textarea",
    "template",
    "details",
    "marquee",
    "isindex",
    "bgsound",
    "body",
    "xml",
}
BAD_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


class ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(html):
    collector = ElementCollector()
    collector.feed(html)
    collector.close()
    return collector.elements


def executable_parts(html, allowed_elements=frozenset()):
    """Every element outside `allowed_elements`, event attribute or script URL found in `html`."""
    found = []
    for tag, attributes in elements(html):
        if tag not in allowed_elements:
            found.append(tag)
        for name, value in attributes.items():
            if name.startswith("on") or name in ("style", "formaction", "srcdoc"):
                found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "data", "cite", "background") and value and BAD_URL.match(value):
                found.append(f"{tag}[{name}={value}]")
    return found


def test_the_corpus_has_at_least_sixty_payloads():
    assert len(set(XSS_PAYLOADS)) >= 60


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_plain_text_keeps_no_markup(payload):
    cleaned = plain_text(payload)
    # Plain text is never marked safe: a template escapes it, so what a page shows holds no element.
    assert elements(Template("<p>{{ text }}</p>").render(Context({"text": cleaned}))) == [("p", {})]
    if payload in WRITTEN_AS_ENTITIES:
        # Entities are decoded once: the person sees the characters they typed, as text.
        assert cleaned == unescape(payload)
    else:
        # Markup typed as markup is gone: even read as HTML, no complete element is left.
        assert executable_parts(cleaned) == []


# Payloads with no markup at all, only entities that spell it out.
WRITTEN_AS_ENTITIES = {"&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;img src=x onerror=alert(1)&#62;"}


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_paragraphs_are_escaped_text(payload):
    assert executable_parts("".join(plain_text_to_rich_paragraphs(payload)), {"p", "br"}) == []


@pytest.mark.django_db
def test_a_story_submitted_with_every_payload_renders_nothing_executable(client, demo_site):
    from tests.stories.factories import MemberFactory, ModeratorFactory, StoryIndexPageFactory

    StoryIndexPageFactory(parent=demo_site)
    member = MemberFactory().user
    client.force_login(member)
    corpus = "\n\n".join(XSS_PAYLOADS)
    response = client.post(
        "/en/share-your-story/",
        {
            "title": XSS_PAYLOADS[0] + " title",
            "summary": XSS_PAYLOADS[5],
            "body": corpus,
            "original_language": "en",
            "country": XSS_PAYLOADS[2],
            "content_notes": XSS_PAYLOADS[6],
            "consent_publish": "on",
        },
    )
    assert response.status_code == 302
    story = approve(StoryPage.objects.get(), ModeratorFactory())
    client.logout()
    page = client.get(f"/en{story.url_path[len('/home') :]}?continue=1").content.decode()
    story_html = page[page.index('<article class="story') : page.index('<section class="section story-report"')]
    # span: the content notes, marked with the story's language inside the reader's notice.
    assert (
        executable_parts(
            story_html,
            {"article", "h1", "p", "div", "ul", "li", "section", "h2", "a", "br", "bdi", "time", "span"},
        )
        == []
    )
    assert "alert(1)" in story_html  # the words are kept, as text
    assert "<script" not in story_html.lower()
