"""allauth's account adapter: the site's one rule for who the client is, sign-in limits that slow
down the account guessed at without locking out everyone who shares an address, and redirects in
the reader's language.

allauth resolves LOGIN_REDIRECT_URL and LOGOUT_REDIRECT_URL as given; "/" would be sent on by
LocaleMiddleware in the browser's language, not the one the reader chose on the page. A page that
named where to go back to (`next`) still wins, as allauth checks it before asking here.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import ratelimit
from django.conf import settings
from django.utils.translation import get_language

from gsn_site.ratelimits import client_ip

# allauth counts failed sign-ins per address and per account (ACCOUNT_RATE_LIMITS["login_failed"]);
# this action counts them per address *and* account, so that one person on a shelter's network slows
# only the account they guess at, from where they guess.
FAILED_FROM_ADDRESS = "login_failed_from_address"


# The language of the page a person signed in on: the admin's addresses carry no language, so the
# steps it sends staff to (two-step set-up, the code step) are named in this one.
READER_LANGUAGE_KEY = "reader_language"


def home_in_current_language():
    return f"/{get_language() or settings.LANGUAGE_CODE}/"


def reader_language(request):
    return request.session.get(READER_LANGUAGE_KEY) or get_language() or settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def login(self, request, user):
        language = get_language()
        super().login(request, user)
        request.session[READER_LANGUAGE_KEY] = language

    def get_login_redirect_url(self, request):
        return home_in_current_language()

    def get_logout_redirect_url(self, request):
        # Not back to the page the member was on: on a shared phone it may be one of their own pages.
        return home_in_current_language()

    def get_client_ip(self, request):
        # allauth's limits key on the same address as every other limit of the site.
        return client_ip(request)

    def _address_and_account(self, request, credentials):
        return f"{client_ip(request)}:{str(credentials.get('username', '')).casefold()}"

    def pre_authenticate(self, request, **credentials):
        # Looked at before allauth counts the attempt, so that refused attempts do not use up the
        # account's own allowance, which its owner needs from other addresses.
        key = self._address_and_account(request, credentials)
        if not ratelimit.consume(request, action=FAILED_FROM_ADDRESS, key=key, dry_run=True):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        ratelimit.consume(request, action=FAILED_FROM_ADDRESS, key=self._address_and_account(request, credentials))
