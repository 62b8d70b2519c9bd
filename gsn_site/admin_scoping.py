"""One rule for what staff may see on the screens Wagtail adds by itself.

Wagtail's bulk-action confirmation pages name every item whose id is in the address, and its site
history lists every object's history and every user's login name. Here a bulk action names (and
acts on) only the items the user may see anywhere else in the admin: the pages they may explore, the
snippets their viewset lists them. The site history answers only the staff Wagtail itself offers it
to (those who may explore pages); for everyone else it cannot be narrowed to their own scope, so it
is refused. A page the user may not explore does not exist on any of Wagtail's page screens.
"""

from django.http import Http404, HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from gsn_site.ids import parse_id, parse_pk

# Any of these on an object lets a user see it (its title in a listing, a chooser, a report).
SEEING_ACTIONS = ["view", "change", "delete", "choose"]


def listed_for(request, model):
    """The objects of `model` its snippet listing shows the user (the viewset's `get_queryset`)."""
    viewset = getattr(model, "snippet_viewset", None)
    listed = viewset.get_queryset(request) if viewset else None
    return model._default_manager.all() if listed is None else listed


def instances_user_may_see(request, model):
    """The objects of `model` the user may see anywhere in the admin, as a queryset."""
    if issubclass(model, Page):
        return PagePermissionPolicy().explorable_instances(request.user)
    viewset = getattr(model, "snippet_viewset", None)
    policy = viewset.permission_policy if viewset else policy_registry.get_by_type(model)
    listed = listed_for(request, model)
    permitted = policy.instances_user_has_any_permission_for(request.user, SEEING_ACTIONS)
    return listed.filter(pk__in=permitted.values("pk"))


class BulkActionOnVisibleItemsMixin:
    """A bulk action that names and acts on only the items the user may see.

    An item the user may not see is left out as if its id did not exist: the page neither names it
    nor says it was left out, and when nothing is left the answer is a 404. A malformed id is a 404.
    """

    def dispatch(self, request, *args, **kwargs):
        ids = [raw for raw in request.GET.getlist("id") if raw != "all"]
        if any(parse_pk(self.model, raw) is None for raw in ids):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        without_access = extra.get("items_with_no_access", [])
        visible = set(
            instances_user_may_see(self.request, self.model)
            .filter(pk__in=[item.pk for item in [*objects, *without_access]])
            .values_list("pk", flat=True)
        )
        if not visible:
            raise Http404
        return (
            [item for item in objects if item.pk in visible],
            {**extra, "items_with_no_access": [item for item in without_access if item.pk in visible]},
        )


def on_visible_items(action_class):
    """`action_class` (one of Wagtail's bulk actions) naming only the items the user may see."""
    if issubclass(action_class, BulkActionOnVisibleItemsMixin):
        return action_class
    return type(
        action_class.__name__,
        (BulkActionOnVisibleItemsMixin, action_class),
        {"__module__": __name__, "__qualname__": action_class.__name__},
    )


def may_read_site_history(request, kwargs):
    """Wagtail offers its site history to staff who may explore pages; it cannot be narrowed to a
    program or a member, so nobody else reads it (program staff, reviewers, survivor leaders)."""
    return PagePermissionPolicy().explorable_root_instance(request.user) is not None


def may_use_images(request, kwargs):
    """The admin's image API lists every image: only for staff with a permission on images."""
    policy = policy_registry.get_by_type(get_image_model())
    return policy.user_has_any_permission(request.user, ["add", "change", "delete", "choose"])


def may_use_documents(request, kwargs):
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission(request.user, ["add", "change", "delete", "choose"])


# Wagtail's screens that not every staff role may open, by URL name (or namespace, ending in ":"),
# with the rule that opens them.
SCREEN_RULES = {
    "wagtailadmin_reports:site_history": may_read_site_history,
    "wagtailadmin_reports:site_history_results": may_read_site_history,
    "wagtailadmin_api:images:": may_use_images,
    "wagtailadmin_api:documents:": may_use_documents,
}

# The arguments by which Wagtail's page screens (edit, move, history, revisions, compare, workflow
# previews, choosers...) name a page: one the user may not explore does not exist for them. Some of
# those screens would otherwise name it in a title or a message before checking any permission.
PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id")

# Query parameters of Wagtail's screens that name a record by id: a malformed or too-large one is a
# 404 here, where Wagtail's filter would pass it to the database.
ID_PARAMETERS = {
    "wagtailadmin_reports:site_history": ["user"],
    "wagtailadmin_reports:site_history_results": ["user"],
    "wagtailadmin_api:pages:listing": ["offset", "limit"],
    "wagtailadmin_api:images:listing": ["offset", "limit"],
    "wagtailadmin_api:documents:listing": ["offset", "limit"],
}
# The same for every history screen (pages, snippets, users, groups...), whose user filter is Wagtail's.
ID_PARAMETERS_BY_SCREEN = {"history": ["user"], "history_results": ["user"]}


def id_parameters_for(view_name):
    return ID_PARAMETERS.get(view_name) or ID_PARAMETERS_BY_SCREEN.get(view_name.rpartition(":")[2], [])


def rule_for(view_name):
    namespace = view_name.rpartition(":")[0] + ":"
    return SCREEN_RULES.get(view_name) or SCREEN_RULES.get(namespace)


def refuse_unexplorable_pages(request, kwargs):
    page_ids = [kwargs[name] for name in PAGE_ARGUMENTS if name in kwargs]
    if not page_ids or request.user.is_superuser:
        return
    parsed = {parse_id(raw) for raw in page_ids}
    if None in parsed or PagePermissionPolicy().explorable_instances(request.user).filter(pk__in=parsed).count() != len(
        parsed
    ):
        raise Http404


class WagtailScreenRulesMiddleware:
    """Refuses the Wagtail screens of SCREEN_RULES to users their rule does not open them to, pages
    the user may not explore, and a malformed id in the query parameters of ID_PARAMETERS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return None
        for name in id_parameters_for(match.view_name):
            if any(raw and parse_id(raw) is None for raw in request.GET.getlist(name)):
                raise Http404
        if request.user.is_superuser:
            return None
        rule = rule_for(match.view_name)
        if rule is not None and not rule(request, view_kwargs):
            return HttpResponseForbidden(_("You do not have permission to see this."))
        if match.view_name.startswith("wagtailadmin"):
            refuse_unexplorable_pages(request, view_kwargs)
        return None
