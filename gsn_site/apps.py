from django.apps import AppConfig


class GsnSiteConfig(AppConfig):
    name = "gsn_site"
    verbose_name = "GSN site"
