from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from gsn_site.admin_viewsets import WithoutScreensMixin

from .models import ChapterMessage, ChapterPage


class ChapterMessagePermissionPolicy(ModelPermissionPolicy):
    """Chapter staff read and delete their own chapter's messages; administrators all of them.

    Being in a chapter's staff group (ChapterPage.staff_group) is the whole grant: no model
    permission has to be added to the group, and nothing else of the admin opens with it.
    """

    ACTIONS = ("view", "delete")

    def user_has_permission(self, user, action):
        if not (user.is_active and action in self.ACTIONS):
            return False
        return user.is_superuser or ChapterPage.objects.filter(staff_group__in=user.groups.all()).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.ACTIONS and ChapterMessage.objects.visible_to(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(action in self.ACTIONS for action in actions):
            return ChapterMessage.objects.none()
        return ChapterMessage.objects.visible_to(user)


register_permission_policy(ChapterMessage, ChapterMessagePermissionPolicy(ChapterMessage), exact_class=True)


class ScopedMessageMixin:
    """Every screen starts from the messages the user may see: another chapter's id gives 404."""

    def get_base_queryset(self):
        return ChapterMessage.objects.visible_to(self.request.user).select_related("chapter")

    def get_queryset(self):
        return self.get_base_queryset()

    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return get_object_or_404(
            ChapterMessage.objects.visible_to(self.request.user), pk=self.kwargs[self.pk_url_kwarg]
        )


class MessageIndexView(ScopedMessageMixin, generic.IndexView):
    pass


class MessageInspectView(ScopedMessageMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(ChapterMessage.objects.visible_to(self.request.user), pk=self.pk)


class MessageDeleteView(ScopedMessageMixin, generic.DeleteView):
    pass


class ChapterMessageViewSet(WithoutScreensMixin, ModelViewSet):
    """Messages from the chapter pages' contact forms, for the staff of that chapter.

    A ModelViewSet and not a snippet: messages are records people sent, not content editors
    write, so there is no add or edit screen, no history and no usage, only the list, a read-only
    inspect screen and delete. Who sees which chapter is ChapterMessage.objects.visible_to.
    """

    model = ChapterMessage
    icon = "mail"
    menu_label = _("Chapter messages")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "chapter-messages"
    list_display = ["chapter", "received_on", "handled"]
    list_filter = ["handled"]
    inspect_view_enabled = True
    inspect_view_fields = ["chapter", "received_on", "message", "reply_to", "redacted"]
    form_fields = ["handled"]
    copy_view_enabled = False
    index_view_class = MessageIndexView
    inspect_view_class = MessageInspectView
    delete_view_class = MessageDeleteView
    removed_screens = ("history", "history_results", "usage", "add", "edit", "copy")


@hooks.register("register_admin_viewset")
def register_chapter_message_viewset():
    return ChapterMessageViewSet("chapter_messages")
