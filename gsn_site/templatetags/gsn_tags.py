from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language_info

from gsn_site import countries, lists
from gsn_site.admin_csp import script_nonce_attribute
from gsn_site.forms import error_summary
from gsn_site.page_cache import cached_fragment
from gsn_site.quick_exit import TOKEN_PARAMETER, quick_exit_token

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


@register.inclusion_tag("includes/error_summary.html")
def form_error_summary(*forms, note=""):
    """The summary of every error of `forms` above them, each linked to its field (site.js focuses it)."""
    return {"error_summary": error_summary(forms), "summary_note": note}


@register.simple_tag(takes_context=True)
def sign_in_url(context):
    """The sign-in address, naming this page to come back to (in its language) after signing in.

    Not from the account pages themselves (signing in from the sign-in page lands on the home page).
    """
    url = reverse("account_login")
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or (match.url_name or "").startswith(("account_", "mfa_")):
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()}, safe='/')}"


@register.filter
def bdi(value):
    """Isolate a name typed by a person (a pseudonym, a country), so that an Arabic pseudonym on an
    English page, or a Latin one on an Arabic page, cannot reorder the text around it."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def list_text(items):
    """A list in running text, with the reader's language's separator (gsn_site.lists)."""
    return lists.list_text(items)


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
    """The live public pages directly under the site's home page that are marked "show in menus", as
    (pk, url, title) items, kept in the fragment cache per site and language until the next purge."""
    request = context.get("request")
    if request is None:
        return []
    return cached_fragment(request, "main-menu", lambda: _main_menu_items(request))


def _main_menu_items(request):
    from wagtail.models import Site

    # Wagtail's own lookup, which answers from the site CachedSiteMiddleware has already found.
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = site.root_page.get_children().live().in_menu().public().specific().defer_streamfields()
    return [{"pk": page.pk, "url": page.get_url(request), "title": page.title} for page in pages]


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        vary_on = [value.resolve(context) for value in self.vary_on]
        return cached_fragment(request, name, lambda: self.nodelist.render(context), vary_on)


def cached_fragment_tag(parser, token):
    """`{% cachedfragment "name" [value ...] %}…{% endcachedfragment %}`: what every page repeats and
    anyone may see (footer, safety notice), rendered once per site, language, values and purge."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )


register.tag("cachedfragment", cached_fragment_tag)


@register.simple_tag(takes_context=True)
def quick_exit_url(context):
    """The quick-exit link, with this session's token when there is a session to end."""
    url = reverse("quick_exit")
    request = context.get("request")
    token = quick_exit_token(request) if request is not None else ""
    return f"{url}?{urlencode({TOKEN_PARAMETER: token})}" if token else url


@register.simple_tag
def admin_script_nonce():
    """` nonce="…"` on a script that Wagtail's admin templates write (gsn_site.admin_csp)."""
    return script_nonce_attribute()
