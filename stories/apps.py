from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")
    demo_seed = "stories.demo.seed"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import accounts
        from .models import StoryPage, end_hold_when_published, purge_when_unpublished

        accounts.connect()
        page_published.connect(end_hold_when_published, sender=StoryPage, dispatch_uid="stories-end-hold")
        page_unpublished.connect(purge_when_unpublished, sender=StoryPage, dispatch_uid="stories-purge-unpublished")
