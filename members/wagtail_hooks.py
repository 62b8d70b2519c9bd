from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .admin_views import enrolment_code
from .models import (
    ENROLMENT_CODE_ISSUED_ACTION,
    ENROLMENT_CODE_USED_ACTION,
    TEMPORARY_PASSWORD_ACTION,
    InvitationCode,
    MemberProfile,
    may_use_admin,
)


@hooks.register("register_log_actions")
def register_member_log_actions(actions):
    actions.register_action(
        TEMPORARY_PASSWORD_ACTION, _("Set a temporary password"), _("Temporary password set for the member")
    )
    actions.register_action(
        ENROLMENT_CODE_ISSUED_ACTION, _("Issue an enrolment code"), _("Enrolment code issued for two-step sign-in")
    )
    actions.register_action(
        ENROLMENT_CODE_USED_ACTION, _("Use an enrolment code"), _("Enrolment code used to set up two-step sign-in")
    )


@hooks.register("register_admin_urls")
def enrolment_code_urls():
    return [path("members/enrolment-code/<int:user_pk>/", enrolment_code, name="members_enrolment_code")]


@hooks.register("register_user_listing_buttons")
def enrolment_code_button(user, request_user):
    if request_user.is_superuser and may_use_admin(user):
        yield ListingButton(
            _("Issue an enrolment code"),
            reverse("members_enrolment_code", args=[user.pk]),
            icon_name="key",
            priority=50,
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
