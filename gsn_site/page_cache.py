"""Whole-page cache for anonymous readers of public pages, per language and host, and the cache of
the fragments that every page repeats (`cached_fragment`).

A cached page is served without touching the database. Entries are never purged one by one: every
key carries a generation number, and `purge_public_page_cache()` moves to the next generation, so
one cache write (shared by every node through Redis) retires every cached page at once and the old
entries expire on their own.

Only what anyone may see is stored (privacy rule 6): no private path, no request that carries a
session or messages, no response that showed messages or asked not to be stored. Public pages with
a form (a chapter's contact form, a story's report form) are stored with a placeholder instead of
the first visitor's CSRF token, and each visitor gets their own token when the copy is served.
"""

import hashlib
import logging
import re
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.translation import get_language

from gsn_site.code_version import code_version
from gsn_site.middleware import LANGUAGE_PREFIX, is_private_path

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
CACHE_STATUS_HEADER = "X-Page-Cache"
# Public paths whose answer depends on what a visitor typed: a search term is nobody else's business.
UNCACHED_PUBLIC_PREFIXES = ("search/",)
SEARCH_PARAMETER = "q"
_UNCACHEABLE_DIRECTIVES = {"no-store", "no-cache", "private"}
_MAX_QUERY_LENGTH = 200
_CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
CSRF_PLACEHOLDER = b"__gsn_page_cache_csrf_token__"


def purge_public_page_cache():
    """Retire every cached public page (call it when content that any public page shows changes).

    Never raises: a publication or a withdrawal must not fail because the cache is unreachable (and
    while it is, no cached page is served either).
    """
    _next_generation()
    if transaction.get_connection().in_atomic_block:
        # A request between now and the commit still reads the old rows and could store them under
        # the new generation: move on once more when the change is committed.
        transaction.on_commit(_next_generation)


def _next_generation():
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)
    except Exception:
        logger.error("page cache purge failed", exc_info=True)


def _fresh_generation():
    # Started from the clock, not from 0: if the generation key was lost (flushed, evicted), a new
    # one can never coincide with the generation of pages still in the cache.
    return time.time_ns() // 1_000_000


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


# Parts that every page repeats (menu, footer, safety settings) are kept this long at most; a purge
# retires them at once with the pages, since their keys carry the same generation number.
FRAGMENT_CACHE_SECONDS = 60 * 60
# What one request reads at most once however often its code asks (gsn_site.pages: the restricted
# pages), set by CachedSiteMiddleware for the length of the request; None outside a request.
request_memo = ContextVar("request_memo", default=None)
# The cache alias of each process's own copy of fragments, configured beside a shared cache (settings).
LOCAL_FRAGMENT_CACHE = "local"


def request_generation(request):
    """The code's version and the generation number for this request, read once per request.

    A purge moves the generation shared by every node; the code version keeps what one version of
    the code rendered from ever being served by another (gsn_site/code_version.py).
    """
    if not hasattr(request, "_page_cache_generation"):
        request._page_cache_generation = f"{code_version()}.{_generation()}"
    return request._page_cache_generation


def cached_fragment(request, name, render, vary_on=()):
    """What `render()` returns, from the cache when another request of the same site and language
    already built it since the last purge (`purge_public_page_cache`). None is not stored.

    For what every page repeats and anyone may see, never for anything about the visitor. A cache
    outage only means rendering it afresh. The key holds the host name but not a port written in the
    Host header: fragments hold relative addresses only, and made-up ports must not fill the cache.
    """
    try:
        hostname = split_domain_port(request.get_host())[0]
        parts = [request_generation(request), hostname, get_language() or "", name, *map(str, vary_on)]
        key = "fragment:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
        local = _local_fragments()
        cached = local.get(key) if local is not None else None
        if cached is not None:
            return cached
        cached = cache.get(key)
    except Exception:
        logger.warning("fragment cache unavailable", exc_info=True)
        return render()
    if cached is not None:
        if local is not None:
            local.set(key, cached, FRAGMENT_CACHE_SECONDS)
        return cached
    value = render()
    if value is None:
        # Nothing found (a route to a made-up address): never stored, so such addresses cannot
        # fill the cache.
        return value
    try:
        cache.set(key, value, FRAGMENT_CACHE_SECONDS)
        if local is not None:
            local.set(key, value, FRAGMENT_CACHE_SECONDS)
    except Exception:
        logger.warning("fragment cache unavailable", exc_info=True)
    return value


def _local_fragments():
    """This process's own copy of the fragments it has read (the `local` cache), or None.

    A fragment never changes under its key, which holds the code version and the generation read
    from the shared cache once per request; a purge moves the generation, so no node serves a
    retired fragment from its copy. Reading the copy saves a round trip to Redis per fragment (a
    story listing has some twenty), which on a busy machine costs more than rendering the card.
    """
    if LOCAL_FRAGMENT_CACHE not in settings.CACHES:
        return None
    return caches[LOCAL_FRAGMENT_CACHE]


class CachedSiteMiddleware:
    """Finds the request's Wagtail site, with its root page, and the sites' root paths in the fragment cache.

    Wagtail looks the site up in the database on every request (a query with a computed ordering,
    then two more for the root page as soon as a page is routed). They change only when a site is
    saved or the home page is published, moved or saved live, and each of those purges the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            # Wagtail finds the site by host name and by the port the server listens on (never by a
            # port written in the Host header).
            request._wagtail_site = cached_fragment(
                request, "site", lambda: _site_with_root_page(request), (request.get_port(),)
            )
        if not hasattr(request, "_wagtail_cached_site_root_paths"):
            # Every page address Wagtail builds starts from these; Wagtail keeps them in the shared
            # cache, a round trip per request that links to a page. They change with a site or a
            # site's root page, and each of those changes purges the fragments.
            request._wagtail_cached_site_root_paths = cached_fragment(request, "site-root-paths", _site_root_paths)
        token = request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            request_memo.reset(token)


def _site_root_paths():
    from wagtail.models import Site

    return Site.get_site_root_paths()


def _site_with_root_page(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is not None:
        # As its own type, which is how every request routes from it.
        site.root_page = site.root_page.specific
    return site


def _language_prefixed(path):
    return path.split("/", 2)[1] in {code for code, _name in settings.LANGUAGES}


def request_is_cacheable(request):
    path = request.path
    return (
        settings.PAGE_CACHE_SECONDS > 0
        # A Wagtail preview is a request to the page's own address carrying the editor's draft
        # (make_preview_request): it must neither be answered from the cache nor fill it.
        and not getattr(request, "is_dummy", False)
        and request.method in ("GET", "HEAD")
        and _language_prefixed(path)
        and not is_private_path(path)
        and not LANGUAGE_PREFIX.sub("", path, count=1).startswith(UNCACHED_PUBLIC_PREFIXES)
        and len(request.META.get("QUERY_STRING", "")) <= _MAX_QUERY_LENGTH
        # What a reader searched for (the story listing's own search too) is nobody else's business.
        and SEARCH_PARAMETER not in request.GET
        # A session may hold a login, messages or a passed page password: such a reader gets a fresh page.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    cache_control = {
        directive.split("=", 1)[0].strip().lower() for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & _UNCACHEABLE_DIRECTIVES or getattr(response, "private_page", False):
        return False
    # Cookies other than the CSRF cookie (which every visitor gets afresh) belong to this visitor.
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and (messages.used or getattr(messages, "_queued_messages", None)))


def shareable_content(request, content):
    """The page with every CSRF token replaced by a placeholder, or None if a token is used elsewhere."""
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return content
    tokens = set(_CSRF_INPUT.findall(content))
    if not tokens:
        return None  # the token went somewhere other than a form field: this page is not shared
    for token in tokens:
        content = content.replace(token, CSRF_PLACEHOLDER)
    return content


def _cache_key(request, generation):
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    # "/en/?" is kept apart from "/en/": only the address without "?" may be kept by a CDN as well.
    address = f"{request.get_host()}{request.path}{'?' if has_query_string(request) else ''}{query}"
    return f"pagecache:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def has_query_string(request):
    # Django drops an empty "?" from QUERY_STRING, but a CDN keys on the address as sent ("/en/?"),
    # which gunicorn keeps in RAW_URI.
    return bool(request.META.get("QUERY_STRING")) or "?" in request.META.get("RAW_URI", "")


def allow_shared_caches(request, response, content):
    """Let a CDN keep an anonymous public page for CDN_CACHE_SECONDS (`s-maxage`), browsers not at all.

    Only when a purgeable CDN is configured (see settings): a withdrawn story must leave every cache at
    once, and only a cache the site can purge can promise that. Pages with a form are left out: each
    visitor needs their own CSRF token, which only this cache fills in. So are addresses with a query
    string (a page of the listing, a filter, a search): there is no end to them, so no purge could
    name them all, and any of them may list a story that has just been withdrawn.
    """
    if settings.CDN_CACHE_SECONDS <= 0 or CSRF_PLACEHOLDER in content or has_query_string(request):
        return
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.CDN_CACHE_SECONDS)


class AnonymousPageCacheMiddleware:
    """Serve and store whole public pages for visitors without a session (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        try:
            key = _cache_key(request, request_generation(request))
            cached = cache.get(key)
        except Exception:  # a cache outage must not take the site down
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            content, headers = cached
            if CSRF_PLACEHOLDER in content:
                content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
            response = HttpResponse(content, headers=headers)
            response[CACHE_STATUS_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if request.method == "GET" and response_is_cacheable(request, response):
            content = shareable_content(request, response.content)
            if content is not None:
                allow_shared_caches(request, response, content)
                try:
                    cache.set(key, (content, dict(response.headers)), settings.PAGE_CACHE_SECONDS)
                except Exception:
                    logger.warning("page cache unavailable", exc_info=True)
                response[CACHE_STATUS_HEADER] = "miss"
        return response


def purge_on_content_change(sender, **kwargs):
    """Signal receiver: a site, setting or image changed, so any public page may have changed."""
    if kwargs.get("raw"):
        return
    purge_public_page_cache()


def purge_on_live_page_save(sender, instance, **kwargs):
    """A page save changes what readers see only when it rewrites a live page as a whole, or a page
    that is not live but has pages below it.

    Drafts, new unpublished pages and Wagtail's revision bookkeeping (`save_revision` saves the page
    with `update_fields`) change nothing public; publication arrives through `page_published`. But
    Wagtail routes through a page that is not live to the live pages below it, and the admin saves
    such a page's draft into its row: a new slug there moves every page below it.
    """
    if kwargs.get("raw") or kwargs.get("update_fields") is not None:
        return
    if instance.live or instance.numchild:
        purge_public_page_cache()


def pages_that_may_show(page):
    """The page and the live pages above it, which may list it (a story on the story listing, its
    feeds and the home page): what a CDN in front must forget when the page leaves."""
    return [page, *page.get_ancestors().live()]


def purge_on_view_restriction_change(sender, instance, **kwargs):
    """A page became private or public again: the site's cache and a CDN in front forget it, everything
    below it (the restriction covers the whole section) and the pages that may show it."""
    if kwargs.get("raw"):
        return
    purge_public_page_cache()
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
    from wagtail.models import Page

    try:
        page = Page.objects.get(pk=instance.page_id)
        purge_pages_from_cache([*pages_that_may_show(page), *page.get_descendants().live()])
    except Exception:
        # The section is being deleted with its restriction, or the CDN is unreachable.
        logger.warning("CDN purge after a view restriction change failed", exc_info=True)


def connect_purge_signals():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(purge_on_content_change, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_on_content_change, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_on_content_change, dispatch_uid="pagecache-moved")
    # Making a page private (or public again) changes who may read it: no cached copy may outlive it.
    post_save.connect(purge_on_view_restriction_change, sender=PageViewRestriction, dispatch_uid="pagecache-vr-save")
    post_delete.connect(purge_on_view_restriction_change, sender=PageViewRestriction, dispatch_uid="pagecache-vr-del")

    for model in apps.get_models():
        uid = f"pagecache-{model._meta.label_lower}"
        if issubclass(model, Page):
            post_save.connect(purge_on_live_page_save, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(purge_on_content_change, sender=model, dispatch_uid=f"{uid}-delete")
        elif model in (Site, get_image_model()) or issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
            post_save.connect(purge_on_content_change, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(purge_on_content_change, sender=model, dispatch_uid=f"{uid}-delete")
