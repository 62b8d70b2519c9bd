from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


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
                "name_local": info["name_local"],
                "url": translate_url(path, code),
                "is_current": code == current,
                "bidi": info["bidi"],
            }
        )
    return {"language_links": links, "language_bidi": get_language_info(current)["bidi"] if current else False}
