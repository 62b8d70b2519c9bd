import base64
import hashlib
import re

from csp.constants import NONCE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from gsn_site.admin_csp import admin_request_scripts

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


ADMIN_PREVIEW = re.compile(r".+/preview/")


def admin_path_prefix():
    """Where the admin lives (settings.ADMIN_URL_PATH), reversed from Wagtail's own URL name."""
    return reverse("wagtailadmin_home")


def is_admin_path(path):
    return path.startswith(admin_path_prefix())


def is_admin_request(request):
    return is_admin_path(request.path)


def is_admin_preview(path):
    return is_admin_path(path) and ADMIN_PREVIEW.match(path, len(admin_path_prefix())) is not None


def csp_hash(script):
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


# The image editor's focal-point tool (Jcrop) tests for touch support by setting an
# `ontouchstart="return;"` attribute on a detached element. Only a handler that is exactly this
# do-nothing text may run; every other inline handler stays blocked.
JCROP_TOUCH_PROBE = csp_hash("return;")


def modeltranslation_script_hash(request):
    """The CSP hash of the one inline script wagtail-modeltranslation writes on admin edit screens.

    Its settings (the languages, one translated label) cannot come from a file; allowing exactly this
    script by its hash keeps every other inline script blocked. The label follows the editor's admin
    language, as Wagtail renders it.
    """
    from wagtail_modeltranslation.wagtail_hooks import translation_settings

    profile = getattr(request.user, "wagtail_userprofile", None) if hasattr(request, "user") else None
    language = (profile.get_preferred_language() if profile else None) or translation.get_language()
    with translation.override(language):
        script = translation_settings()
    return csp_hash(script.split("<script>", 1)[1].rsplit("</script>", 1)[0])


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict site policy everywhere, with what the Wagtail admin needs on admin pages only:
    inline styles; Wagtail's own inline scripts by the response's nonce (gsn_site.admin_csp) and
    wagtail-modeltranslation's settings script by its hash, never 'unsafe-inline'; and its preview
    panel (the admin may frame its own preview; nothing else may be framed)."""

    def __call__(self, request):
        with admin_request_scripts(request if is_admin_request(request) else None):
            return super().__call__(request)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if is_admin_request(request):
            parts.update = {
                **(parts.update or {}),
                "style-src": ["'unsafe-inline'"],
                "script-src": [NONCE, modeltranslation_script_hash(request)],
            }
            parts.replace = {
                **(parts.replace or {}),
                "frame-src": ["'self'"],
                "script-src-attr": ["'unsafe-hashes'", JCROP_TOUCH_PROBE],
            }
            if is_admin_preview(request.path):
                parts.replace["frame-ancestors"] = ["'self'"]
        elif getattr(request, "is_dummy", False):
            # Wagtail renders a preview as a request to the page's own address (make_preview_request)
            # and returns that response at the admin's preview address, inside the admin's frame.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
