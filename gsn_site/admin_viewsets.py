"""Pieces shared by the admin viewsets of several apps."""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views.chooser import SnippetChooserViewSet


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


class PermissionCheckedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (_ChooserPermissionMixin, chooser_views.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (_ChooserPermissionMixin, chooser_views.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (_ChooserPermissionMixin, chooser_views.SnippetChosenView), {})
