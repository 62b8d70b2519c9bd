"""allauth's redirects in the reader's language.

allauth resolves LOGIN_REDIRECT_URL and LOGOUT_REDIRECT_URL as given; "/" would be sent on by
LocaleMiddleware in the browser's language, not the one the reader chose on the page. A page
that named where to go back to (`next`) still wins, as allauth checks it before asking here.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils.translation import get_language


def home_in_current_language():
    return f"/{get_language() or settings.LANGUAGE_CODE}/"


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        return home_in_current_language()

    def get_logout_redirect_url(self, request):
        # Not back to the page the member was on: on a shared phone it may be one of their own pages.
        return home_in_current_language()
