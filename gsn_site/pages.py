"""The base class of every public page: the core's, so that each app builds on it without importing
another app."""

from django.db.models import Q
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from gsn_site.content_language import ContentLanguageMixin
from gsn_site.page_cache import cached_fragment, request_memo


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queryset, with `public()` cheap when no page is restricted (the usual case).

    The rule is Wagtail's own: a page with a view restriction and every page below it are private.
    Wagtail reads the restrictions joined to their pages; on SQLite that join walked every page of
    the site (about 6 ms with 20,000 stories) for each list on a page, four on the home page. Here
    the restrictions are read alone, and their pages' path and depth only when there are any.
    """

    def private_q(self):
        q = Q()
        for path, depth in restricted_sections():
            q |= Q(path__startswith=path, depth__gte=depth)
        return q if q else Q(pk__in=[])


def restricted_sections():
    """The path and depth of every page with a view restriction, read once per request: the home
    page has four lists, and on PostgreSQL each read is a round trip however empty the table."""
    memo = request_memo.get()
    if memo is not None and "restricted_sections" in memo:
        return memo["restricted_sections"]
    restricted = list(PageViewRestriction.objects.values_list("page_id", flat=True))
    sections = list(Page.objects.filter(pk__in=restricted).values_list("path", "depth")) if restricted else []
    if memo is not None:
        memo["restricted_sections"] = sections
    return sections


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


class SitePage(ContentLanguageMixin, Page):
    """Every public page of the site: original language and the "written in" fallback note."""

    objects = SitePageManager()

    class Meta:
        abstract = True

    settings_panels = Page.settings_panels + [FieldPanel("original_language")]

    def route(self, request, path_components):
        """Wagtail's routing, with fewer reads of whole pages (each is some 90 columns wide).

        A page that a request only passes through (the story index above a story) is the same for
        every page below it, so it comes from the fragment cache, which every publication purges.
        View restrictions are still read afresh for every request (Wagtail's before-serve hook).
        A child is read once, as its own type, where all children are of one type.
        """
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        if remaining and self.routes_through_children():
            child = cached_fragment(request, "route-through", lambda: self.child_by_slug(slug), (self.pk, slug))
        else:
            child = self.child_by_slug(slug)
        if child is None:
            raise Http404
        child._cached_parent_obj = self  # as Wagtail does: the parent is not read again
        return child.route(request, remaining)

    @classmethod
    def routes_through_children(cls):
        """Whether a request may pass through a child of this page to a page or a route below it.

        Only such children are cached for routing: a story or a chapter has nothing below it, so
        made-up addresses under ten thousand stories cannot fill the cache with their copies.
        """
        return any(
            issubclass(model, RoutablePageMixin) or model.allowed_subpage_models()
            for model in cls.allowed_subpage_models()
        )

    def child_by_slug(self, slug):
        """The child page with this slug, as its own type, or None."""
        child_models = self.allowed_subpage_models()
        if len(child_models) == 1:
            children = child_models[0].objects.filter(depth=self.depth + 1, path__startswith=self.path)
            child = children.filter(slug=slug).first()
            if child is not None:
                return child
        # Several types may be children, or a child predates the type rule: Wagtail's own lookup.
        child = self.get_children().filter(slug=slug).first()
        return child.specific if child is not None else None

    @property
    def is_publicly_listed(self):
        """Whether a live page may appear in search results; pages with conditions override this."""
        return True
