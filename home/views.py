import unicodedata
from collections import defaultdict

from django.contrib.auth import logout
from django.db.models import prefetch_related_objects
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page, get_page_models

from gsn_site.pagination import paginate
from gsn_site.quick_exit import TOKEN_PARAMETER, is_valid_quick_exit_token
from gsn_site.sanitize import plain_text

from .models import SafetySettings

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def listed_live_pages():
    """Live public pages that may appear in search results, as one query.

    A page type with conditions on being listed names the live pages that fail them in its
    `unlisted_pages()` (a story whose consent has expired, for one); every other page is listed.
    """
    pages = Page.objects.live().public()
    for model in get_page_models():
        if "unlisted_pages" in vars(model):
            pages = pages.exclude(pk__in=model.unlisted_pages().values("pk"))
    return pages


def prefetch_for_listing(pages):
    """Load what each page type's `listing_prefetch` names for all the pages shown, one query per
    type, instead of one query per page."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for page_type, pages_of_type in by_type.items():
        lookups = getattr(page_type, "listing_prefetch", ())
        if lookups:
            prefetch_related_objects(pages_of_type, *lookups)


def search_words(query):
    """The words of `query` as the search engine should read them: letters, marks and digits of any
    script, every other character a space, in lower case. Quotes, brackets, `*`, `^` and the words
    AND, OR, NOT and NEAR are syntax to SQLite's full-text search; a reader's unclosed quote must
    find what the words find, not fail. (Marks are kept: a Hindi or Khmer vowel sign is part of its word.)"""
    kept = (char if unicodedata.category(char)[0] in "LMN" else " " for char in query)
    return " ".join("".join(kept).lower().split())


def search(request):
    query = plain_text(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    words = search_words(query)
    results = Page.objects.none()
    if words:
        # Lazy: the paginator counts the hits in the database and fetches only the page shown, each
        # page as its own type (one query per type) without the bodies a result never shows.
        results = listed_live_pages().defer_streamfields().specific().search(words)
    page, other_parameters = paginate(request, results, RESULTS_PER_PAGE)
    page.object_list = list(page.object_list)
    prefetch_for_listing(page.object_list)
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "results": page, "result_query": other_parameters}
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def quick_exit(request):
    """Sign out and go to the configured neutral site.

    The quick-exit button links here when JavaScript is off, and the script sends a beacon to the
    same link before it leaves, so a shared phone never keeps a member signed in. Only the link the
    page rendered, with this session's token (gsn_site.quick_exit), signs out: a link or redirect
    from another website still leads to the neutral site, and ends nothing. It accepts no destination
    from the request: it only ever redirects to the site setting, so it cannot be an open redirect.
    """
    if is_valid_quick_exit_token(request, request.GET.get(TOKEN_PARAMETER, "")):
        logout(request)
    response = HttpResponseRedirect(SafetySettings.for_request(request).quick_exit_url)
    response["Referrer-Policy"] = "no-referrer"
    return response
