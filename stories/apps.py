from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")
    demo_seed = "stories.demo.seed"

    def ready(self):
        from . import accounts

        accounts.connect()
