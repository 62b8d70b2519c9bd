"""Each block of a standard page's body renders the markup the page template wrote before blocks had templates."""

import pytest
from django.template import engines
from wagtail.images import get_image_model

from home.models import StandardPage
from tests.stories.test_submission import jpeg_upload

pytestmark = pytest.mark.django_db


def rendered(raw_blocks):
    body = StandardPage._meta.get_field("body").stream_block.to_python(raw_blocks)
    template = engines["django"].from_string(
        "{% load wagtailcore_tags %}{% for block in body %}{% include_block block %}{% endfor %}"
    )
    return template.render({"body": body})


def test_a_heading_is_a_second_level_heading_with_its_text_escaped():
    assert rendered([{"type": "heading", "value": "Safety & <privacy>"}]) == "<h2>Safety &amp; &lt;privacy&gt;</h2>"


def test_a_paragraph_is_its_rich_text_as_written():
    html = '<h3 data-block-key="b2">Who we are</h3><p data-block-key="c3">Survivors <i>lead</i>.</p>'
    assert rendered([{"type": "paragraph", "value": html}]) == html


def test_an_image_is_a_lazy_figure_800_pixels_wide_at_most():
    image = get_image_model().objects.create(title="Chapter meeting", file=jpeg_upload())
    rendition = image.get_rendition("width-800")
    assert rendered([{"type": "image", "value": image.pk}]) == (
        f'<figure><img alt="Chapter meeting" height="{rendition.height}" loading="lazy" '
        f'src="{rendition.url}" width="{rendition.width}"></figure>'
    )


def test_the_page_shows_its_blocks_in_order(client, demo_site):
    about = StandardPage.objects.get(slug="about")
    about.body = [("heading", "Our promise"), ("paragraph", '<p data-block-key="d4">Nothing about us without us.</p>')]
    about.save_revision().publish()
    html = client.get(about.url).content.decode()
    assert "<h1>" in html
    assert '<h2>Our promise</h2><p data-block-key="d4">Nothing about us without us.</p>' in html
