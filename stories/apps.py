from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from .middleware import remember_second_factor_set_up

        authenticator_added.connect(remember_second_factor_set_up, dispatch_uid="admin_second_factor_set_up")
