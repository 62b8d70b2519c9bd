"""Pieces shared by the admin viewsets of several apps."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from gsn_site.admin_scoping import listed_for
from gsn_site.ids import parse_pk


class WithoutScreensMixin:
    """Leaves out generic admin screens (and every link to them) that a viewset must not offer."""

    removed_screens = ()

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in self.removed_screens:
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in self.removed_screens]


class _ChooserPermissionMixin:
    """Wagtail's snippet choosers list every object to anyone with admin access; these list them only
    to users who hold a permission on the model (add, change, delete or view)."""

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model_class)
        if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class _ListedOnlyMixin:
    """A chooser offers what the model's own listing shows the user (its viewset's `get_queryset`,
    where the scoping rule of the app lives), and a chosen id outside it is a 404."""

    def get_object_list(self):
        return listed_for(self.request, self.model_class)

    def get_object(self, pk):
        pk = parse_pk(self.model_class, pk)
        if pk is None:
            raise ObjectDoesNotExist
        return self.get_object_list().get(pk=pk)

    def get_objects(self, pks):
        valid = [pk for pk in (parse_pk(self.model_class, raw) for raw in pks) if pk is not None]
        return self.get_object_list().filter(pk__in=valid)


class ListedChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser listing what the model's listing shows the user, for a model whose listing
    itself is the whole rule (the programs a user may see, say)."""

    choose_view_class = type("ChooseView", (_ListedOnlyMixin, chooser_views.ChooseView), {})
    choose_results_view_class = type("ChooseResultsView", (_ListedOnlyMixin, chooser_views.ChooseResultsView), {})
    chosen_view_class = type("ChosenView", (_ListedOnlyMixin, chooser_views.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (_ListedOnlyMixin, chooser_views.SnippetChosenMultipleView), {}
    )


class PermissionCheckedChooserViewSet(ListedChooserViewSet):
    """A snippet chooser for users with a permission on the model, listing only what they may see."""

    choose_view_class = type("ChooseView", (_ChooserPermissionMixin, ListedChooserViewSet.choose_view_class), {})
    choose_results_view_class = type(
        "ChooseResultsView", (_ChooserPermissionMixin, ListedChooserViewSet.choose_results_view_class), {}
    )
    chosen_view_class = type("ChosenView", (_ChooserPermissionMixin, ListedChooserViewSet.chosen_view_class), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (_ChooserPermissionMixin, ListedChooserViewSet.chosen_multiple_view_class), {}
    )
