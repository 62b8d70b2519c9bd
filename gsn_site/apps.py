from django.apps import AppConfig


class GsnSiteConfig(AppConfig):
    name = "gsn_site"
    verbose_name = "GSN site"

    def ready(self):
        from gsn_site.admin_choosers import tolerate_malformed_chooser_values
        from gsn_site.admin_csp import give_chooser_scripts_the_nonce
        from gsn_site.page_cache import connect_purge_signals

        connect_purge_signals()
        give_chooser_scripts_the_nonce()
        tolerate_malformed_chooser_values()
