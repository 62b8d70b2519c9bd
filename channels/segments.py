"""How many SMS parts a text costs: the GSM 03.38 7-bit alphabet when every character is in it,
UCS-2 otherwise (Khmer, Devanagari, Arabic, and Latin letters outside the GSM set such as "ê" or "õ").

GSM-7: 160 septets in one message, 153 a part in a multipart message (the rest is the concatenation
header); a character of the extension table (^ { } \\ [ ~ ] | € and form feed) takes two septets, and
the pair is never split between parts. UCS-2: 70 UTF-16 code units, 67 a part; a surrogate pair
(an emoji) is never split either.
"""

import dataclasses

GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = "\f^{}\\[~]|€"
_BASIC, _EXTENSION = frozenset(GSM7_BASIC), frozenset(GSM7_EXTENSION)

GSM7, UCS2 = "GSM-7", "UCS-2"
SINGLE = {GSM7: 160, UCS2: 70}
PART = {GSM7: 153, UCS2: 67}


@dataclasses.dataclass(frozen=True)
class Segments:
    encoding: str
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    parts: int


def encoding_of(text):
    return GSM7 if all(character in _BASIC or character in _EXTENSION for character in text) else UCS2


def _units(text, encoding):
    """The size of each character in the encoding's units, in order."""
    if encoding == GSM7:
        return [2 if character in _EXTENSION else 1 for character in text]
    return [2 if ord(character) > 0xFFFF else 1 for character in text]


def count_segments(text):
    """The encoding and the number of SMS parts `text` is sent as."""
    encoding = encoding_of(text)
    sizes = _units(text, encoding)
    total = sum(sizes)
    if total <= SINGLE[encoding]:
        return Segments(encoding, total, 1 if text else 0)
    parts, used = 1, 0
    for size in sizes:
        # A two-unit character (escape pair or surrogate pair) moves whole to the next part.
        if used + size > PART[encoding]:
            parts, used = parts + 1, 0
        used += size
    return Segments(encoding, total, parts)
