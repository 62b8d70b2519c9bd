"""The blocks a story's body is made of, each rendered by its own template in templates/stories/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# No headings, tables or embeds: a story reads as the teller wrote it.
STORY_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ContentNoteBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Content note"), max_length=300)

    class Meta:
        icon = "warning"
        label = _("Content note")
        template = "stories/blocks/content_note.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    alt_text = blocks.CharBlock(label=_("Description for people who cannot see it"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "stories/blocks/captioned_image.html"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.CharBlock(label=_("Quote"), max_length=400)

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "stories/blocks/pull_quote.html"


class StoryBodyBlock(blocks.StreamBlock):
    """The body of a story. The "image" blocks are shown only while the teller consents (StoryPage.visible_body)."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=STORY_RICH_TEXT_FEATURES, template="stories/blocks/paragraph.html"
    )
    pull_quote = PullQuoteBlock()
    image = CaptionedImageBlock()
    content_note = ContentNoteBlock()
