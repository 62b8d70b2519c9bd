from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from wagtail.admin.localization import get_available_admin_languages

from gsn_site.middleware import is_admin_path

from .adapter import reader_language
from .models import MemberProfile, may_use_admin

# Set when this session turned on an authenticator: entering the app's code to switch it on proves the
# second factor as much as the code step of a sign-in does, so the admin opens without asking again.
SECOND_FACTOR_SET_UP_KEY = "admin_second_factor_set_up_by"


def is_admin_sign_out(path):
    """allauth's own step, which the admin must be able to reach while signed in with a password only."""
    return path == reverse("wagtailadmin_logout")


def session_passed_second_factor(request):
    """Did the authentication of *this session* include a second factor (not: does the user own one)?

    allauth records every method used to sign in (password, then "mfa" after the code step) in the
    session, bound to the user; a session opened any other way has no "mfa" record.
    """
    if any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user)):
        return True
    return request.session.get(SECOND_FACTOR_SET_UP_KEY) == str(request.user.pk)


def remember_second_factor_set_up(sender, request=None, user=None, authenticator=None, **kwargs):
    """Receiver of allauth's `authenticator_added`: a TOTP switched on in this session counts as passed."""
    if (
        request is not None
        and authenticator is not None
        and authenticator.type == authenticator.Type.TOTP
        and request.user.is_authenticated
        and request.user.pk == user.pk
    ):
        request.session[SECOND_FACTOR_SET_UP_KEY] = str(user.pk)


class AdminRequiresMFAMiddleware:
    """Every admin request needs a session that passed two-step sign-in.

    Staff without an authenticator are sent to set one up; staff whose session was opened with a
    password only are sent to the code step, and come back to the page they asked for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            is_admin_path(request.path)
            and not is_admin_sign_out(request.path)
            and user is not None
            and user.is_authenticated
            and not may_use_admin(user)
        ):
            # A member is signed in already: the admin's way of asking for a login would send them
            # back and forth between the sign-in page and here. Say plainly that this is not for them.
            raise PermissionDenied
        if (
            is_admin_path(request.path)
            and not is_admin_sign_out(request.path)
            and user is not None
            and may_use_admin(user)
        ):
            # The admin's addresses carry no language: the steps are named in the one signed in on.
            with translation.override(reader_language(request)):
                if not is_mfa_enabled(user):
                    return redirect(reverse("mfa_activate_totp"))
                if not session_passed_second_factor(request):
                    return redirect(
                        reverse("mfa_reauthenticate") + "?" + urlencode({"next": request.get_full_path()}, safe="/")
                    )
            if not getattr(getattr(user, "wagtail_userprofile", None), "preferred_language", ""):
                # Staff who have not chosen an admin language get the one they signed in on (Wagtail
                # takes the active language when no choice is saved).
                with translation.override(admin_language(reader_language(request)) or settings.LANGUAGE_CODE):
                    return self.get_response(request)
        return self.get_response(request)


def admin_language(language):
    """The admin language Wagtail ships closest to the site's `language`: itself, or its first regional
    form (the site's "pt" is Wagtail's "pt-br"); None when Wagtail has neither."""
    available = [code for code, _name in get_available_admin_languages()]
    if language in available:
        return language
    return next((code for code in available if code.split("-")[0] == language), None)


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
