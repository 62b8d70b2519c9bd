import re

from allauth.account.views import LogoutView
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from members import views as member_views
from outcomes import views as outcome_views


# Signing in to the admin is allauth's sign-in, with its rate limits and two-step code: Wagtail's
# own login and password-reset views (which take a password alone) are never reached, and signing
# out is allauth's, a POST that ends the server session. The same holds for the sign-in Wagtail
# offers readers of restricted pages (WAGTAIL_FRONTEND_LOGIN_URL, and its old address below).
def admin_urlpatterns(admin):
    """The admin at `admin` (settings.ADMIN_URL_PATH), with allauth's sign-in in front of it."""
    return [
        re_path(rf"^{re.escape(admin)}login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
        re_path(rf"^{re.escape(admin)}password_reset/", RedirectView.as_view(pattern_name="account_reset_password")),
        path(f"{admin}logout/", LogoutView.as_view()),
        path(admin, include(wagtailadmin_urls)),
    ]


site_urlpatterns = [
    path("documents/", include(wagtaildocs_urls)),
    # Outside the language prefix: one address for the no-JavaScript link and the script's beacon.
    path("quick-exit/", home_views.quick_exit, name="quick_exit"),
    # Gateways call these; no language prefix, no page.
    path("channels/", include("channels.urls")),
]

# Every public URL carries its language prefix; "/" is redirected by LocaleMiddleware
# using Accept-Language.
site_urlpatterns += i18n_patterns(
    # Before allauth's own: signup needs an invitation code, which a link may fill in.
    path("accounts/signup/", member_views.signup, name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("search/", home_views.search, name="search"),
    path("impact/", outcome_views.impact, name="impact"),
    path("", include("stories.urls")),
    path("feedback/", include("feedback.urls")),
    # Wagtail's own sign-in for readers of restricted pages takes a password alone: allauth's instead.
    re_path(r"^_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
urlpatterns = admin_urlpatterns(settings.ADMIN_URL_PATH) + site_urlpatterns

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
