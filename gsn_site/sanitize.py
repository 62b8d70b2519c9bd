"""The one place where user-supplied text is cleaned. Every other module calls these functions.

The HTML policy lives here alone, so the library behind it (bleach) can be replaced in one file.
"""

import functools
import html
import re
import unicodedata

from bleach.sanitizer import Cleaner
from confusable_homoglyphs import categories as confusable_scripts
from confusable_homoglyphs import confusables

REMOVED = "[removed]"

# Control characters other than tab and newlines carry no meaning in a story or an answer.
# The zero-width joiner and non-joiner (U+200C, U+200D) stay: Indic and Persian spelling and emoji
# sequences need them. Bidirectional overrides and isolates go: they can make text read differently
# from how it is stored.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_plain_cleaner = Cleaner(tags=set(), attributes={}, strip=True, strip_comments=True)


def plain_text(value):
    """Reduce any input to plain text: no tags, no entities, no control characters.

    The result is meant to be escaped on output like any other text.
    """
    if not value:
        return ""
    # bleach returns HTML-escaped text: unescaping once gives back exactly what was typed. A second
    # pass would turn text typed as entities (`&amp;lt;`) into something else (`<`).
    text = html.unescape(_plain_cleaner.clean(str(value)))
    text = unicodedata.normalize("NFC", _CONTROL_CHARACTERS.sub("", text))
    return text.replace("\r\n", "\n").strip()


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


# --- Contact details in free text ---------------------------------------------------------------
#
# Patterns run on a normalised copy of the text (NFKC, invisible characters dropped, digits of every
# script folded to 0-9, letters of other scripts that look like Latin ones replaced by them), so
# full-width letters, Devanagari digits, keycaps, a soft hyphen inside a number or a Cyrillic "о" in
# ".org" hide nothing. The spans found are cut from the text as typed: what is kept stays unchanged.
# Each family of contact details is one pattern below, tested by tests/security/test_redaction*.py.

_SEPARATOR = r"[\s().\-/_·•‐‒–—―−~*]"  # NFKC has already turned U+2011 into U+2010
_DAY_OR_MONTH = r"(?:0?[1-9]|[12][0-9]|3[01])"
_YEAR = r"(?:19|20)[0-9]{2}"
# Dates, year ranges and amounts with thousands dots look like phone numbers but are not. They are
# tried first at each position, unless more digits (other than a time of day) follow as if they
# were part of a longer number.
_NOT_A_PHONE = (
    rf"{_DAY_OR_MONTH}(?P<date_separator>[/.\-]){_DAY_OR_MONTH}(?P=date_separator)(?:{_YEAR}|[0-9]{{2}})"
    rf"|{_YEAR}(?P<iso_separator>[/.\-])[0-9]{{1,2}}(?P=iso_separator)[0-9]{{1,2}}"
    rf"|{_YEAR}\s*[\-–—/]\s*(?:{_YEAR}|[0-9]{{2}})"
    r"|[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}"
)
_PHONE = re.compile(
    rf"(?<![\w+(])(?:(?P<keep>(?:{_NOT_A_PHONE})(?!(?:{_SEPARATOR}{{1,3}})?[0-9](?![0-9]?:[0-9])))"
    rf"|\(?\+?[0-9](?:{_SEPARATOR}{{0,3}}[0-9]){{6,}})(?!\w)"
)
_DIGIT_RUN = re.compile(r"[0-9]{6,}")
# Identity, passport and tax numbers: letters then 4+ digits (K12345, A1234567, ABCDE1234F), or
# 6+ digits then a check letter (12345678Z); after a label such as "ID:", any value with 3+ digits.
_ID_NUMBER = re.compile(r"(?<!\w)(?:[A-Za-z]{1,5}-?[0-9]{4,}[A-Za-z]{0,2}|[0-9]{6,}[A-Za-z]{1,2})(?!\w)")
_LABELLED_ID = re.compile(
    r"(?<!\w)(?i:id|passport|pasaporte|passeport|passaporte|pasipoti|kitambulisho|aadhaar|dni|nin|cni)(?!\w)"
    r"\s*(?i:no\.?|number|n[°º]|n[uú]mero|numéro|namba|#)?\s*[:#]?\s*"
    r"(?P<value>(?=(?:[A-Za-z\-]*[0-9]){3})[A-Za-z0-9][A-Za-z0-9\-]*[A-Za-z0-9])"
)


def _bracketed(words):
    """A word or sign inside brackets, as in `(at)`, `[.]` or `{dot}`."""
    return rf"[(\[{{<]\s*(?:{words})\s*[)\]}}>]"


_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
# A top-level domain is recognised by its shape, not from a list: 2-24 letters, all in one case
# (so "home.Then", a missing space, is not a link), or an internationalised xn-- label.
_TLD = r"(?:[a-z]{2,24}|[A-Z]{2,24}|xn--[a-z0-9-]{2,59})(?![\w-])"
_LINK_END = r"""[^\s.,;:!?)\]}'"»]"""
# "hxxps://", "http[:]//" and "example[.]com" are how links are written so that nothing opens them.
_SCHEME = r"(?i:h(?:tt|xx)ps?|fxp|ftp)\s*(?::|\[:\])\s*//"
_BRACKETED_DOT = _bracketed(r"\.|(?i:dot)")
_LINK_DOT = rf"(?:\.|{_BRACKETED_DOT})"
_LINK = re.compile(
    rf"(?:{_SCHEME}|(?i:www){_LINK_DOT})\S*{_LINK_END}"
    rf"|(?<![\w@.\-)\]}}>]){_LABEL}(?:{_LINK_DOT}{_LABEL})*{_LINK_DOT}{_TLD}(?:/(?:\S*{_LINK_END})?)?"
)
# "at" and "dot" in words: those that stand for nothing else may precede any top-level domain; those
# that are also everyday words ("chez", "kwa", "على", "នៅ", "nukta") only a common one. Khmer is
# written without spaces between words, so its words are found wherever they stand.
_AT_WORDS = "at|arroba|arobase|chiocciola"
_SPOKEN_AT_WORDS = f"{_AT_WORDS}|chez|kwa|एट|على"
_DOT_WORDS = ("dot", "punto", "point", "ponto", "punkt")
_SPOKEN_DOT_WORDS = (*_DOT_WORDS, "nukta", "डॉट", "डोट", "نقطة", "نقطه")
_BRACKETED_AT = _bracketed(f"@|(?i:{_AT_WORDS})")
_BRACKETED_DOT_WORD = _bracketed(rf"\.|(?i:{'|'.join(_DOT_WORDS)})")
_AT = rf"(?:\s*@\s*|\s*{_BRACKETED_AT}\s*|\s+(?i:{_AT_WORDS})\s+)"
# Each way of writing a dot is one alternative only: overlapping alternatives would make a chain of
# them cost time exponential in its length.
_DOT_IN_WORDS = rf"(?:\s*{_BRACKETED_DOT_WORD}\s*|\s+(?i:{'|'.join(_DOT_WORDS)})\s+)"
_DOT = rf"(?:\.|\s+\.\s*|{_DOT_IN_WORDS})"
_SPOKEN_AT = rf"(?:\s+(?i:{_SPOKEN_AT_WORDS})\s+|\s*នៅ\s*)"
_SPOKEN_DOT_IN_WORDS = rf"(?:\s*{_BRACKETED_DOT_WORD}\s*|\s+(?i:{'|'.join(_SPOKEN_DOT_WORDS)})\s+|\s*ចុច\s*)"
_SPOKEN_DOT = rf"(?:\.|\s+\.\s*|{_SPOKEN_DOT_IN_WORDS})"
_SPOKEN_TLD = (
    r"(?:(?i:com|org|net|info|edu|gov|io|me|co|biz|app|fr|es|pt|br|it|de|uk|in|ke|tz|ug|kh|ng|ma|eg|sa|ae|mx)"
    r"|कॉम|कोम|डॉटकॉम|كوم|ខម)(?![^\W_]|[\u0900-\u097f\u0600-\u06ff\u1780-\u17ff])"
)
# An address or a domain is read from its first word only, never from the middle of "a dot b dot c":
# otherwise a long chain of dot words would cost time quadratic in its length.
_NOT_AFTER_A_DOT = (
    "".join(rf"(?<!{word} )" for word in _SPOKEN_DOT_WORDS if not word.isascii())
    + "".join(rf"(?<!(?i:{word}) )" for word in _SPOKEN_DOT_WORDS if word.isascii())
    + r"(?<!ចុច)(?<!ចុច )(?<![)\]}>] )(?<![)\]}>])(?<! \. )"
)
# "contact me at amina at ..." : the word before "at" is the address, not "me".
_NOT_A_MAILBOX = r"(?!(?i:me|us|him|her|them|you|it)\s+(?i:at)\s)"
_EMAIL = re.compile(
    rf"(?<![\w.+-]){_NOT_AFTER_A_DOT}{_NOT_A_MAILBOX}[\w.+-]+(?:{_DOT_IN_WORDS}[\w+-]+)*"
    rf"{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}{_TLD}"
)
# Any run of letters (with the vowel signs of Devanagari, Arabic or Khmer), but never across a Khmer
# "at" or "dot": that keeps the search linear in unspaced Khmer text.
_SPOKEN_TOKEN = r"(?:(?!នៅ|ចុច)[^\s@.,;:!?()\[\]{}<>\"'«»।؟،។])+"
_SPOKEN_EMAIL = re.compile(
    rf"(?<![^\s(\[{{<\"'«:,;]){_NOT_AFTER_A_DOT}{_NOT_A_MAILBOX}{_SPOKEN_TOKEN}(?:{_SPOKEN_DOT}{_SPOKEN_TOKEN})*?"
    rf"{_SPOKEN_AT}{_SPOKEN_TOKEN}(?:{_SPOKEN_DOT}{_SPOKEN_TOKEN})*?{_SPOKEN_DOT}{_SPOKEN_TLD}"
)
# "t dot me slash amina", "www dot example dot com", "instagram dot com slash amina": a link read out.
# Everyday phrases ("hasta cierto punto me ...", "au point de ...") have neither "www", nor a generic
# top-level domain, nor a "slash".
_ASCII_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_SLASH = r"(?:\s*/\s*|\s+(?i:slash|barra|barre|oblique|स्लैश|سلاش)\s+)"
_SPOKEN_DOMAIN = rf"{_ASCII_LABEL}(?:{_SPOKEN_DOT_IN_WORDS}{_ASCII_LABEL})+"
_SPOKEN_LINK = re.compile(
    rf"(?<![\w.@\-]){_NOT_AFTER_A_DOT}(?:(?i:www){_SPOKEN_DOT_IN_WORDS}{_SPOKEN_DOMAIN}(?:{_SLASH}[\w.\-]*\w)?"
    rf"|{_ASCII_LABEL}(?:{_SPOKEN_DOT_IN_WORDS}{_ASCII_LABEL})*{_SPOKEN_DOT_IN_WORDS}(?i:com|org|net|info)(?![\w-])"
    rf"(?:{_SLASH}[\w.\-]*\w)?"
    rf"|{_SPOKEN_DOMAIN}{_SLASH}[\w.\-]*\w)"
)

_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_LABELLED_HANDLE = re.compile(
    r"(?<!\w)(?i:ig|insta|instagram|fb|facebook|tiktok|tik tok|twitter|snap|snapchat|telegram|whatsapp|signal|"
    r"linkedin|youtube|threads)\s*:\s*(?P<value>@?[\w.]+(?:[ \t]+[A-Z][\w.]*){0,2})"
)
# A handle after a platform word without "@" or ":" ("insta amina_k254", "mi insta es amina.k"):
# within three words of the platform name, a word shaped like a handle (a digit, "_" or an inner
# dot, four characters or more), which ordinary words are not.
_PLATFORM = (
    r"(?i:ig|insta|instagram|fb|facebook|tiktok|tik tok|twitter|tg|telegram|whatsapp|signal|snap|snapchat|"
    r"threads|linkedin|youtube|x(?=\s*:))"
    r"|इंस्टा|इंस्टाग्राम|फेसबुक|टेलीग्राम|व्हाट्सएप|व्हाट्सऐप|टिकटॉक"
    r"|[وبفل]?(?:ال)?(?:انستا|انستغرام|إنستغرام|انستجرام|فيسبوك|فيس بوك|تيليجرام|تليجرام|تلجرام|تلغرام|تيك توك|واتساب|سناب شات|سناب)"
    r"|ហ្វេសប៊ុក|តេឡេក្រាម|តេលេក្រាម|ធីកតុក|អ៊ីនស្តាក្រាម"
)
_HANDLE_SHAPED = (
    r"(?=[A-Za-z0-9_.]*[A-Za-z])(?=[A-Za-z0-9_.]*(?:[0-9_]|\.[A-Za-z0-9_]))[A-Za-z0-9_][A-Za-z0-9_.]{2,}[A-Za-z0-9_]"
)
_HANDLE_AFTER_PLATFORM = re.compile(
    rf"(?<!\w)(?:{_PLATFORM})(?!\w)(?:\s*[:\-–—]?\s*[^\s:]{{1,12}}){{0,3}}?\s*[:\-–—]?\s*@?"
    rf"(?P<value>(?<![\w.]){_HANDLE_SHAPED})(?![\w.]*\w)"
)


def _number_word_pattern(words):
    words = sorted({unicodedata.normalize("NFKC", word) for word in words.split()}, key=len, reverse=True)
    return "|".join(words)


# Digits spelled out, with the teens and tens that people read phone numbers in ("zéro six douze
# trente-quatre"): a run of six or more is a number being dictated.
_NUMBER_WORDS = _number_word_pattern(
    "zero oh o one two three four five six seven eight nine double triple "
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
    "twenty thirty forty fifty sixty seventy eighty ninety "
    "cero uno una dos tres cuatro cinco seis siete ocho nueve "
    "diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve "
    "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa "
    "zéro un une deux trois quatre cinq six sept huit neuf "
    "dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante "
    "um uma dois duas três quatro cinco seis meia sete oito nove "
    "dez onze doze treze catorze quinze dezesseis dezasseis dezessete dezassete dezoito dezenove dezanove "
    "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa "
    "sifuri sufuri moja mbili tatu nne tano sita saba nane tisa kumi "
    "ishirini thelathini arobaini hamsini sitini sabini themanini tisini "
    "शून्य ज़ीरो जीरो एक दो तीन चार पाँच पांच छह छः सात आठ नौ दस "
    "صفر واحد اثنان اثنين إثنان إثنين ثلاثة ثلاثه أربعة أربعه اربعة اربعه خمسة خمسه ستة سته "
    "سبعة سبعه ثمانية ثمانيه تسعة تسعه عشرة عشره"
)
_NUMBER_WORD = rf"(?:(?i:{_NUMBER_WORDS})|[0-9]{{1,4}})"
_NUMBER_JOINER = r"(?:[\s,.\-]+(?:(?i:y|e|et|na|and)\s+)?)"
_SPELLED_NUMBER = re.compile(rf"(?<!\w){_NUMBER_WORD}(?:{_NUMBER_JOINER}{_NUMBER_WORD}(?!\w)){{5,}}")
# Khmer number words, spaced or not (Khmer puts no spaces between words).
_KHMER_NUMBER_WORD = "(?:" + _number_word_pattern("សូន្យ មួយ ពីរ បី បួន ប្រាំ ដប់") + ")"
_SPELLED_KHMER_NUMBER = re.compile(rf"{_KHMER_NUMBER_WORD}(?:\s*{_KHMER_NUMBER_WORD}){{5,}}")

_CONTACT_PATTERNS = (
    _EMAIL,
    _SPOKEN_EMAIL,
    _LINK,
    _SPOKEN_LINK,
    _LABELLED_HANDLE,
    _HANDLE_AFTER_PLATFORM,
    _HANDLE,
    _LABELLED_ID,
    _ID_NUMBER,
    _PHONE,
    _DIGIT_RUN,
    _SPELLED_NUMBER,
    _SPELLED_KHMER_NUMBER,
)


_DIGIT_LOOKALIKES = {"O": "0", "o": "0", "I": "1", "l": "1"}
# An Arabic alef looks like "l" and a Devanagari zero like "o", but in Arabic or Hindi text they
# are what they are: letters of the configured languages' own scripts are never replaced.
_OWN_SCRIPTS = frozenset({"ARABIC", "DEVANAGARI", "KHMER"})
_LOOK_ALIKE_TARGETS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@./:")


@functools.cache
def _latin_look_alikes():
    """Each letter of another script that looks like an ASCII letter, digit or sign, mapped to it:
    the skeleton of Unicode's confusables data (UTS #39), as confusable_homoglyphs ships it. Built
    on first use, as reading the data takes a tenth of a second."""
    table = {}
    for character, homoglyphs in confusables.confusables_data.items():
        if len(character) != 1 or character.isascii() or character.isdigit():
            continue
        if confusable_scripts.alias(character) in _OWN_SCRIPTS:
            continue
        for homoglyph in homoglyphs:
            if homoglyph["c"] in _LOOK_ALIKE_TARGETS:
                table[character] = homoglyph["c"]
                break
    return table


def _is_invisible(character):
    """Format characters (zero-width, soft hyphen, joiners), variation selectors and the enclosing
    marks of keycaps (1️⃣): they change how a character looks, not what it says."""
    category = unicodedata.category(character)
    return category in ("Cf", "Me") or "\ufe00" <= character <= "\ufe0f" or "\U000e0100" <= character <= "\U000e01ef"


def _normalised_for_matching(text):
    """The text as patterns see it, and for each of its characters the span of `text` it came from
    (with any invisible characters after it, so that a redaction takes them too)."""
    look_alikes = _latin_look_alikes()
    characters, starts, ends = [], [], []
    for index, character in enumerate(text):
        if _is_invisible(character):
            if ends:
                ends[-1] = index + 1
            continue
        for folded in unicodedata.normalize("NFKC", character):
            characters.append(str(unicodedata.digit(folded)) if folded.isdigit() else look_alikes.get(folded, folded))
            starts.append(index)
            ends.append(index + 1)
    # O for 0 and I or l for 1, typed inside a number ("O7I2 345 678"), count as the digits they mimic.
    for position, character in enumerate(characters):
        if character in _DIGIT_LOOKALIKES and any(
            0 <= neighbour < len(characters) and characters[neighbour].isdigit()
            for neighbour in (position - 1, position + 1)
        ):
            characters[position] = _DIGIT_LOOKALIKES[character]
    return "".join(characters), starts, ends


def _merged(spans):
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(span) for span in merged]


def _replace_spans(text, spans, replacement=REMOVED):
    for start, end in reversed(_merged(spans)):
        text = text[:start] + replacement + text[end:]
    return text


def contact_detail_spans(text):
    """(start, end) spans of `text` holding email addresses, links, handles, phone and ID numbers."""
    normalised, starts, ends = _normalised_for_matching(text)
    spans = []
    for pattern in _CONTACT_PATTERNS:
        for match in pattern.finditer(normalised):
            if "keep" in pattern.groupindex and match.group("keep"):
                continue
            group = "value" if "value" in pattern.groupindex else 0
            start, end = match.span(group)
            if end > start:
                spans.append((starts[start], ends[end - 1]))
    return _merged(spans)


def redact_personal_data(value):
    """Plain text with email addresses, links, social handles, phone and ID numbers replaced by
    `[removed]`, however written: "at" and "dot" in words, defanged links, digits of any script, in
    words or as keycaps, letters of other scripts that look like Latin ones. Names and places are
    not caught: see `likely_names_and_places`."""
    text = plain_text(value)
    return _replace_spans(text, contact_detail_spans(text))


# --- Names and places, flagged for a person to judge ----------------------------------------------
#
# Patterns cannot tell a name or an address from ordinary words, so these are never removed
# automatically: the review screen highlights them and the reviewer decides.

_PLACE_WORDS = frozenset(
    (
        "street road avenue lane drive estate village district ward slum "
        "calle avenida barrio colonia pueblo aldea carretera "
        "rue boulevard quartier chemin impasse "
        "rua bairro vila estrada travessa favela aldeia "
        "barabara mtaa kijiji kata wilaya "
        "गली सड़क गाँव गांव मोहल्ला बस्ती कॉलोनी "
        "شارع حي قرية طريق"
    ).split()
)
# Khmer is written without spaces between words: its place words are found wherever they occur.
_UNSPACED_PLACE_WORDS = re.compile("ផ្លូវ|ភូមិ|ឃុំ|សង្កាត់")
_CONNECTORS = frozenset("de del la las los el da do das dos du des wa ya of al".split())
_TITLES = frozenset("Dr Mr Mrs Ms Mme Mlle Sr Sra St Prof".split())
_NOT_NAMES = frozenset({"I", "I'm", "I’m", "I've", "I'll", "I'd", "OK", *_TITLES})
# A word is a run of anything but spaces and punctuation, so that the vowel signs of Devanagari or
# Arabic stay inside it.
_WORD = re.compile(r"\[removed\]|[^\s.,;:!?()\[\]{}\"“”‘«»।؟،។]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?।؟។\n])[\s\"'“‘«(¿¡]*$")
_AFTER_TITLE = re.compile(r"(?<!\w)(?:{})\.\s*$".format("|".join(_TITLES)))
# Words that start sentences far more often than names do: "The Salvation Army" is not a person.
_SENTENCE_STARTERS = frozenset(
    (
        "the a an in on at my our we they he she it this that there when after before then but and so if "
        "el la los las un una en mi mis nuestra nuestro le les une mon ma mes notre dans au "
        "o os as um uma meu minha nossa no na em do da kwa wa ya katika baada kabla mimi sisi yeye"
    ).split()
)
# Words after which a name follows, even one typed in small letters or in a script without capitals.
_NAME_INTRODUCED = re.compile(
    r"(?<!\w)(?i:named|called|name is|se llama|se llamaba|s['’]appelle|s['’]appelait|nommée?|chama-se|se chama|"
    r"se chamava|anaitwa|aliitwa|jina (?:lake|langu) ni)\s+(?P<name>\S)"
    r"|(?<!\w)(?:नाम|اسمي|اسمها|اسمه|تدعى|يدعى)\s+(?P<caseless_name>\S)"
)
# After those words, these are not names ("he called me", "का नाम क्या है").
_NOT_NAMES_AFTER_INTRODUCER = frozenset(
    (
        "me him her us them you it the a an my his our their back again out for to and police names this that "
        "de del la el le les un une y et e o que com mi su te así ni na ya wa "
        "है हैं था थी थे से का की के क्या भी नहीं तो मैं मुझे पर और"
    ).split()
)
# Khmer is written without spaces: the name is the run of Khmer letters after "ឈ្មោះ" (name) and an
# optional "my", "his", "her" or "is".
_KHMER_NAME = re.compile(r"ឈ្មោះ\s*(?:របស់)?(?:ខ្ញុំ|គាត់|នាង|គេ)?\s*(?:គឺ|ជា)?\s*(?P<name>[\u1780-\u17d3\u17dd]+)")


def _is_capitalised(word):
    return word[0].isupper() and word not in _NOT_NAMES and not word.isupper()


def _has_no_case(word):
    return word.lower() == word.upper() and not word.isdigit()


def _starts_sentence(text, position):
    before = text[max(0, position - 40) : position]  # enough to see the end of the sentence before
    return bool(_SENTENCE_START.search(before)) and not _AFTER_TITLE.search(before)


def likely_names_and_places(text):
    """(start, end) spans of `text` that may name a person or a place, for a reviewer to look at:
    runs of capitalised words (the first word of a sentence only when a name follows it), the word
    after "named", "se llama", "anaitwa", "नाम", "اسمي" or "ឈ្មោះ", and common words for a street,
    village or neighbourhood with the names and numbers next to them."""
    words = list(_WORD.finditer(text))
    flagged = [False] * len(words)

    def joined(left, right):  # only spaces between two words
        return not text[words[left].end() : words[right].start()].strip()

    for index, word in enumerate(words):
        if _is_capitalised(word.group()) and not _starts_sentence(text, word.start()):
            flagged[index] = True
    # Each walk stops at the place word before it, whose own walk covers what lies beyond: a long run
    # of place words then costs linear time.
    previous_place = -1
    for index, word in enumerate(words):
        if word.group().lower() not in _PLACE_WORDS:
            continue
        flagged[index] = True
        before = index - 1
        while (
            before > previous_place
            and joined(before, before + 1)
            and (flagged[before] or words[before].group().isdigit())
        ):
            flagged[before] = True
            before -= 1
        previous_place = index
        # In scripts without capitals, the one word after the place word is taken as its name.
        after, pending, caseless_names = index + 1, [], int(_has_no_case(word.group()))
        while after < len(words) and joined(after - 1, after) and words[after].group().lower() not in _PLACE_WORDS:
            value = words[after].group()
            if caseless_names and _has_no_case(value):
                caseless_names -= 1
                flagged[after] = True
            elif value.lower() in _CONNECTORS:
                pending.append(after)
            elif _is_capitalised(value) or value[0].isdigit():
                for connector in [*pending, after]:
                    flagged[connector] = True
                pending = []
            else:
                break
            after += 1
    _flag_sentence_starting_names(text, words, flagged, joined)
    _flag_introduced_names(words, flagged, text)
    spans = []
    for index, word in enumerate(words):
        if not flagged[index]:
            continue
        if spans and flagged[index - 1] and joined(index - 1, index):
            spans[-1] = (spans[-1][0], word.end())
        else:
            spans.append(word.span())
    spans.extend(match.span() for match in _UNSPACED_PLACE_WORDS.finditer(text))
    spans.extend(match.span("name") for match in _KHMER_NAME.finditer(text))
    return _merged(spans)


def _flag_sentence_starting_names(text, words, flagged, joined):
    """The first word of a sentence is a name when a name follows it: "Amina Wanjiru helped me"."""
    for index in range(len(words) - 2, -1, -1):
        word = words[index].group()
        if (
            not flagged[index]
            and flagged[index + 1]
            and joined(index, index + 1)
            and _is_capitalised(word)
            and _is_capitalised(words[index + 1].group())
            and word.lower() not in _SENTENCE_STARTERS
        ):
            flagged[index] = True


def _flag_introduced_names(words, flagged, text):
    """The word after "named", "se llama", "anaitwa", "नाम", "اسمي"... is a name, in any case."""
    index_at = {word.start(): index for index, word in enumerate(words)}
    for match in _NAME_INTRODUCED.finditer(text):
        group = "name" if match.group("name") else "caseless_name"
        index = index_at.get(match.start(group))
        if index is not None and words[index].group().lower() not in _NOT_NAMES_AFTER_INTRODUCER:
            flagged[index] = True


def redact_spans(text, spans):
    """`text` with each of `spans` replaced by `[removed]`."""
    return _replace_spans(text, spans)


__all__ = [
    "plain_text",
    "plain_text_to_rich_paragraphs",
    "rich_paragraphs_to_plain_text",
    "redact_personal_data",
    "likely_names_and_places",
    "redact_spans",
    "REMOVED",
]
