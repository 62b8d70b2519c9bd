from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "channels"
    label = "channels"
    verbose_name = _("Text channels")
    default_auto_field = "django.db.models.BigAutoField"
