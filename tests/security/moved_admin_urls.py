"""The site's URLs with the admin moved to /backstage/, as settings.ADMIN_URL_PATH = "backstage/" builds them."""

from gsn_site.urls import admin_urlpatterns, site_urlpatterns

urlpatterns = admin_urlpatterns("backstage/") + site_urlpatterns
