"""The blocks of a standard page's body, each rendered by its own template in templates/home/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class StandardBodyBlock(blocks.StreamBlock):
    """About, safety information, statement of principles: headings, text and pictures."""

    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="home/blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="home/blocks/paragraph.html"
    )
    image = ImageChooserBlock(label=_("Image"), template="home/blocks/image.html")
