from functools import lru_cache

from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language, get_language_info

# Each language named in its own script and as its speakers write it in a menu. Django's names
# differ in small ways ("español" in lower case, "हिंदी", "العربيّة" with a shadda).
LANGUAGE_NAMES_IN_OWN_SCRIPT = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "pt": "Português",
    "hi": "हिन्दी",
    "sw": "Kiswahili",
    "km": "ខ្មែរ",
    "ar": "العربية",
}


def language_name_in_own_script(code):
    return LANGUAGE_NAMES_IN_OWN_SCRIPT.get(code) or get_language_info(code)["name_local"]


def languages(request):
    """Links to the current page in every configured language, for the language switcher."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, path in _paths_in_every_language(escape_uri_path(request.path), current):
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name_local": language_name_in_own_script(code),
                "url": f"{path}?{query}" if query else path,
                "is_current": code == current,
                "bidi": info["bidi"],
            }
        )
    return {"language_links": links, "language_bidi": get_language_info(current)["bidi"] if current else False}


@lru_cache(maxsize=4096)
def _paths_in_every_language(path, current_language):
    """The language menu's addresses: the same path under each language prefix, worked out once per
    path and process. Only URL patterns decide them (no content), so they never go stale; the query
    string is added per request and never kept."""
    return tuple((code, translate_url(path, code)) for code, _name in settings.LANGUAGES)
