"""The one place where user-supplied text is cleaned. Every other module calls these functions.

The HTML policy lives here alone, so the library behind it (bleach) can be replaced in one file.
"""

import html
import re
import unicodedata

from bleach.html5lib_shim import Filter
from bleach.sanitizer import Cleaner

RICH_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "a"})
RICH_ATTRIBUTES = {"a": ["href", "rel"]}
RICH_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer"

REMOVED = "[removed]"

# Control characters other than tab and newlines carry no meaning in a story or an answer.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

_EMAIL = re.compile(r"[\w.+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[\w-]+)+", re.IGNORECASE)
_URL = re.compile(r"(?:(?:https?|ftp)://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|io|in|ke|kh|br|pt|fr|es|uk|co|me|ly|gl)(?:/\S*)?\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<!\w)\+?\d(?:[\s().-]*\d){6,}(?!\w)")
_DIGIT_RUN = re.compile(r"\d{6,}")


class _LinkRelFilter(Filter):
    """Every kept link gets the same `rel`, whatever the author wrote."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                attributes = dict(token.get("data") or {})
                attributes[(None, "rel")] = LINK_REL
                token["data"] = attributes
            yield token


_rich_cleaner = Cleaner(
    tags=RICH_TAGS,
    attributes=RICH_ATTRIBUTES,
    protocols=RICH_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[_LinkRelFilter],
)
_plain_cleaner = Cleaner(tags=set(), attributes={}, strip=True, strip_comments=True)


def plain_text(value):
    """Reduce any input to plain text: no tags, no entities, no control characters.

    The result is meant to be escaped on output like any other text.
    """
    if not value:
        return ""
    text = html.unescape(_plain_cleaner.clean(str(value)))
    # A second pass: unescaping may reveal tags that were written as entities.
    text = html.unescape(_plain_cleaner.clean(text))
    text = unicodedata.normalize("NFC", _CONTROL_CHARACTERS.sub("", text))
    return text.replace("\r\n", "\n").strip()


def rich_text(value):
    """Keep only simple formatting and safe links; everything else is removed."""
    if not value:
        return ""
    return _rich_cleaner.clean(_CONTROL_CHARACTERS.sub("", str(value)))


def plain_text_to_rich_paragraphs(value):
    """Turn what a member typed into Wagtail rich text: one `<p>` per paragraph, `<br/>` per line break.

    The HTML is written by Wagtail's own contentstate converter, the same code the admin editor
    saves with, so every moderator screen reads it back. A blank line starts a new paragraph; any
    other line break (including Unicode line and paragraph separators) stays inside it. Markup the
    member typed is reduced to text first, then escaped by the converter.
    """
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
    from wagtail.admin.rich_text.converters.contentstate_models import Block, ContentState

    paragraphs, lines = [], []
    for line in [*plain_text(value).splitlines(), ""]:
        line = " ".join(line.split())
        if line:
            lines.append(line)
        elif lines:
            paragraphs.append("\n".join(lines))
            lines = []
    converter = ContentstateConverter(features=[])
    html_paragraphs = []
    for paragraph in paragraphs:
        state = ContentState()
        block = Block("unstyled")
        block.text = paragraph
        state.blocks.append(block)
        html_paragraphs.append(converter.to_database_format(state.as_json()))
    return html_paragraphs


def rich_paragraphs_to_plain_text(paragraphs):
    """The inverse of `plain_text_to_rich_paragraphs`: the text a member would type to get these paragraphs."""
    return "\n\n".join(
        plain_text(re.sub(r"<br\s*/?>", "\n", str(paragraph), flags=re.IGNORECASE)) for paragraph in paragraphs
    )


def redact_personal_data(value):
    """Replace email addresses, URLs, phone numbers and runs of 6+ digits with `[removed]`."""
    text = plain_text(value)
    for pattern in (_EMAIL, _URL, _PHONE, _DIGIT_RUN):
        text = pattern.sub(REMOVED, text)
    return text


__all__ = [
    "plain_text",
    "rich_text",
    "plain_text_to_rich_paragraphs",
    "rich_paragraphs_to_plain_text",
    "redact_personal_data",
    "REMOVED",
]
