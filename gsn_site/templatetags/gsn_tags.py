from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def language_name(code):
    """The translated name of a language code, for "This page was written in …"."""
    return get_language_info(code)["name_translated"] if code else ""


@register.filter
def language_bidi(code):
    return bool(code) and get_language_info(code)["bidi"]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live pages directly under the site's home page that are marked "show in menus"."""
    request = context.get("request")
    site = getattr(request, "_wagtail_site", None) if request else None
    if site is None and request is not None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
    if site is None:
        return []
    return site.root_page.get_children().live().in_menu().public().specific()
