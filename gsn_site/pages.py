"""The base class of every public page: the core's, so that each app builds on it without importing
another app."""

from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from gsn_site.content_language import ContentLanguageMixin


class ListingPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, with `public()` reading only the path and depth of restricted pages.

    The rule is Wagtail's own (a page with a view restriction and every page below it are private);
    Wagtail loads each restricted page whole to apply it, which costs a few milliseconds on every
    view of a long listing.
    """

    def private_q(self):
        q = Q()
        for path, depth in PageViewRestriction.objects.values_list("page__path", "page__depth"):
            q |= Q(path__startswith=path, depth__gte=depth)
        return q if q else Q(pk__in=[])


class SitePage(ContentLanguageMixin, Page):
    """Every public page of the site: original language and the "written in" fallback note."""

    class Meta:
        abstract = True

    settings_panels = Page.settings_panels + [FieldPanel("original_language")]

    @property
    def is_publicly_listed(self):
        """Whether a live page may appear in search results; pages with conditions override this."""
        return True
