"""The base class of every public page: the core's, so that each app builds on it without importing
another app."""

from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from gsn_site.content_language import ContentLanguageMixin


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queryset, with `public()` cheap when no page is restricted (the usual case).

    The rule is Wagtail's own: a page with a view restriction and every page below it are private.
    Wagtail reads the restrictions joined to their pages; on SQLite that join walked every page of
    the site (about 6 ms with 20,000 stories) for each list on a page, four on the home page. Here
    the restrictions are read alone, and their pages' path and depth only when there are any.
    """

    def private_q(self):
        restricted = list(PageViewRestriction.objects.values_list("page_id", flat=True))
        q = Q()
        for path, depth in Page.objects.filter(pk__in=restricted).values_list("path", "depth") if restricted else ():
            q |= Q(path__startswith=path, depth__gte=depth)
        return q if q else Q(pk__in=[])


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


class SitePage(ContentLanguageMixin, Page):
    """Every public page of the site: original language and the "written in" fallback note."""

    objects = SitePageManager()

    class Meta:
        abstract = True

    settings_panels = Page.settings_panels + [FieldPanel("original_language")]

    @property
    def is_publicly_listed(self):
        """Whether a live page may appear in search results; pages with conditions override this."""
        return True
