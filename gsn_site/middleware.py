import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

LANGUAGE_PREFIX = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?")


def is_private_path(path):
    """True for pages that show or collect personal data: never stored by any cache."""
    return LANGUAGE_PREFIX.sub("", path, count=1).startswith(settings.PRIVATE_PATH_PREFIXES)


class PrivateCacheControlMiddleware:
    """Feedback, account and admin pages answer with `Cache-Control: no-store` (privacy rule 6)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_private_path(request.path) or getattr(response, "private_page", False):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict site policy everywhere; the Wagtail admin also needs inline styles."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/") and not report_only:
            parts.update = {**(parts.update or {}), "style-src": ["'unsafe-inline'"]}
        return parts
