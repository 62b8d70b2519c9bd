"""The admin's listings of invitation codes and member profiles (the moderators' menu, in stories,
shows them beside the reported stories), and Wagtail's user screens with the members' account forms."""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.views.users import UserViewSet

from gsn_site.admin_viewsets import PermissionCheckedChooserViewSet

from .admin_views import TemporaryPasswordView, invitation_slip
from .forms import AccountCreationForm, AccountEditForm
from .models import InvitationCode, MemberProfile


class InvitationCodeFilterSet(WagtailFilterSet):
    used = django_filters.BooleanFilter(field_name="used_at", lookup_expr="isnull", exclude=True, label=_("Used"))

    class Meta:
        model = InvitationCode
        fields = ["revoked"]


class InvitationCodeViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = InvitationCode
    icon = "key"
    menu_label = _("Invitation codes")
    list_display = ["code", "note", "status"]
    filterset_class = InvitationCodeFilterSet
    search_fields = ["code", "note"]
    form_fields = ["code", "note", "expires_at", "revoked"]

    def slip_view(self, request, pk):
        return invitation_slip(request, self, pk)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("slip/<int:pk>/", self.slip_view, name="slip")]


class MemberProfileViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = MemberProfile
    icon = "user"
    menu_label = _("Member profiles")
    list_display = ["pseudonym", "chapter", "preferred_language"]
    list_filter = ["preferred_language"]
    search_fields = ["pseudonym"]
    form_fields = ["pseudonym", "chapter", "preferred_language"]

    def get_urlpatterns(self):
        view = TemporaryPasswordView.as_view(viewset=self)
        return super().get_urlpatterns() + [path("temporary-password/<int:pk>/", view, name="temporary_password")]


class AccountViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm
