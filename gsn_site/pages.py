"""The base class of every public page: the core's, so that each app builds on it without importing
another app."""

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from gsn_site.content_language import ContentLanguageMixin


class SitePage(ContentLanguageMixin, Page):
    """Every public page of the site: original language and the "written in" fallback note."""

    class Meta:
        abstract = True

    settings_panels = Page.settings_panels + [FieldPanel("original_language")]

    @property
    def is_publicly_listed(self):
        """Whether a live page may appear in search results; pages with conditions override this."""
        return True
