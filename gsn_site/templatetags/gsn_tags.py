from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language_info

from gsn_site import countries
from gsn_site.admin_csp import script_nonce_attribute

register = template.Library()


@register.filter
def language_name(code):
    """The translated name of a language code, for "This page was written in …"."""
    return get_language_info(code)["name_translated"] if code else ""


@register.filter
def language_bidi(code):
    return bool(code) and get_language_info(code)["bidi"]


@register.simple_tag
def lang_attrs(code):
    """` lang="…" dir="…"` for content shown in a language other than the page's, e.g. a story card."""
    return format_html(' lang="{}" dir="{}"', code, "rtl" if language_bidi(code) else "ltr")


@register.filter
def bdi(value):
    """Isolate a name typed by a person (a pseudonym, a country), so that an Arabic pseudonym on an
    English page, or a Latin one on an Arabic page, cannot reorder the text around it."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def country_name(value):
    """The country's name in the reader's language (gsn_site.countries)."""
    return countries.country_name(value)


@register.filter
def number(value, decimal_places=None):
    """A number as the reader's language writes it: its decimal separator and digit grouping
    ("1.234,5" in Arabic, "1,234.5" in English). Years and ids are never passed through this."""
    return formats.number_format(value, decimal_pos=decimal_places, use_l10n=True, force_grouping=True)


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


@register.simple_tag
def admin_script_nonce():
    """` nonce="…"` on a script that Wagtail's admin templates write (gsn_site.admin_csp)."""
    return script_nonce_attribute()
