from django.conf import settings
from django.urls import translate_url
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
    path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name_local": language_name_in_own_script(code),
                "url": translate_url(path, code),
                "is_current": code == current,
                "bidi": info["bidi"],
            }
        )
    return {"language_links": links, "language_bidi": get_language_info(current)["bidi"] if current else False}
