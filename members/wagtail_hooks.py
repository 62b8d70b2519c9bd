from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .models import TEMPORARY_PASSWORD_ACTION, InvitationCode, MemberProfile


@hooks.register("register_log_actions")
def register_member_log_actions(actions):
    actions.register_action(
        TEMPORARY_PASSWORD_ACTION, _("Set a temporary password"), _("Temporary password set for the member")
    )


@hooks.register("register_snippet_listing_buttons")
def invitation_and_member_buttons(snippet, user, next_url=None):
    if isinstance(snippet, InvitationCode):
        slip_url = reverse("wagtailsnippets_members_invitationcode:slip", args=[snippet.pk])
        yield ListingButton(_("Print slip"), slip_url, icon_name="print", priority=5)
    if isinstance(snippet, MemberProfile) and snippet.temporary_password_allowed_for(user):
        yield ListingButton(
            _("Set a temporary password"),
            reverse("wagtailsnippets_members_memberprofile:temporary_password", args=[snippet.pk]),
            icon_name="key",
            priority=5,
        )


@hooks.register("after_create_snippet")
def record_invitation_creator(request, instance):
    if isinstance(instance, InvitationCode):
        InvitationCode.objects.filter(pk=instance.pk).update(created_by=request.user)
