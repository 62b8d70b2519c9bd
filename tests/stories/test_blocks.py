"""Each block of a story's body renders exactly the markup readers have always been served."""

import pytest
from django.template import engines
from wagtail.images import get_image_model

from stories.models import StoryPage

from .test_submission import jpeg_upload

pytestmark = pytest.mark.django_db


def rendered(raw_blocks):
    body = StoryPage._meta.get_field("body").stream_block.to_python(raw_blocks)
    template = engines["django"].from_string(
        "{% load wagtailcore_tags %}{% for block in body %}{% include_block block %}{% endfor %}"
    )
    return template.render({"body": body})


def test_a_paragraph_is_its_rich_text_as_written():
    html = '<p data-block-key="a1">I came <b>home</b>.</p>'
    assert rendered([{"type": "paragraph", "value": html}]) == html


def test_a_pull_quote_is_a_blockquote_with_its_text_escaped():
    assert (
        rendered([{"type": "pull_quote", "value": {"quote": "We were <not> alone"}}])
        == '<blockquote class="pull-quote"><p>We were &lt;not&gt; alone</p></blockquote>\n'
    )


def test_a_content_note_is_a_warning_note():
    assert (
        rendered([{"type": "content_note", "value": {"text": "Violence"}}])
        == '<aside class="notice notice--warning story-content-note" role="note">Violence</aside>\n'
    )


def test_an_image_has_its_description_as_alt_text_and_its_caption():
    image = get_image_model().objects.create(title="photo", file=jpeg_upload())
    rendition = image.get_rendition("width-800")
    value = {"image": image.pk, "caption": "My garden", "alt_text": "Tomatoes on a table"}
    assert rendered([{"type": "image", "value": value}]) == (
        f'<figure class="story-image"><img alt="Tomatoes on a table" height="{rendition.height}" loading="lazy" '
        f'src="{rendition.url}" width="{rendition.width}"><figcaption>My garden</figcaption></figure>\n'
    )


def test_an_image_without_caption_has_no_empty_figcaption():
    image = get_image_model().objects.create(title="photo", file=jpeg_upload())
    html = rendered([{"type": "image", "value": {"image": image.pk, "caption": "", "alt_text": ""}}])
    assert html.startswith('<figure class="story-image"><img alt="" ')
    assert "figcaption" not in html
