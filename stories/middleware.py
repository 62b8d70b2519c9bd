from allauth.mfa.utils import is_mfa_enabled
from django.shortcuts import redirect
from django.urls import reverse

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
