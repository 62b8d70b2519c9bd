from allauth.mfa.utils import is_mfa_enabled
from django.shortcuts import redirect
from django.urls import reverse

from .models import MemberProfile

ADMIN_PREFIX = "/admin/"


class AdminRequiresMFAMiddleware:
    """Anyone who can use the Wagtail admin must set up a second factor before they reach it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(ADMIN_PREFIX)
            and user is not None
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
            and not is_mfa_enabled(user)
        ):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


class TemporaryPasswordMiddleware:
    """A member whose password a moderator set must choose their own before doing anything else."""

    # Leaving must always work: signing out, and the quick exit (which signs out on its way).
    ALLOWED_URL_NAMES = {"account_change_password", "account_logout", "set_language", "quick_exit"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.resolver_match.url_name in self.ALLOWED_URL_NAMES:
            return None
        if MemberProfile.objects.filter(user=user, must_change_password=True).exists():
            return redirect(reverse("account_change_password"))
        return None
