"""Country names in the reader's language, from the Unicode CLDR data that Babel ships.

Stories store the country as the teller typed it ("Kenya", "kenia", "भारत") or as an ISO 3166 code.
`country_code` recognises either, in any configured language; pages show `country_name`, the CLDR
name in the current language, and fall back to the stored text when it names no known country.
`country_spellings` gives every stored form of one country, for filters.
"""

from functools import cache, lru_cache

from babel import Locale
from django.conf import settings
from django.utils.translation import get_language


@cache
def _territories(language):
    return Locale.parse(language.replace("-", "_")).territories


@lru_cache(maxsize=1)
def _codes_by_name():
    codes = {}
    for language, _name in settings.LANGUAGES:
        for code, name in _territories(language).items():
            # Two-letter codes are countries; numeric ones are regions such as "001" (World).
            if len(code) == 2 and code.isalpha():
                codes.setdefault(name.casefold(), code)
    return codes


def country_code(value):
    text = (value or "").strip()
    if len(text) == 2 and text.upper() in _territories("en"):
        return text.upper()
    return _codes_by_name().get(text.casefold())


def country_name(value, language=None):
    code = country_code(value)
    if code is None:
        return value or ""
    return _territories(language or get_language() or settings.LANGUAGE_CODE).get(code, value)


def country_spellings(value):
    """Every way a story may store the country that `value` names (its code and its name in each
    configured language), so that a reader who types the name a card shows them finds it. Text that
    names no known country is only itself."""
    text = (value or "").strip()
    code = country_code(text)
    if code is None:
        return {text}
    names = (_territories(language).get(code) for language, _name in settings.LANGUAGES)
    return {code, *filter(None, names)}
