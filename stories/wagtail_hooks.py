"""Admin screens for the moderation queue (with the members' invitations and profiles in the same
menu); audit log actions."""

import django_filters
from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.log_actions import log
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from gsn_site.admin_scoping import BulkActionOnVisibleItemsMixin, on_visible_items
from gsn_site.admin_viewsets import PermissionCheckedChooserViewSet
from gsn_site.sanitize import plain_text
from home.models import HOME_PAGE_CONTEXT_HOOK
from members.viewsets import InvitationCodeViewSet, MemberProfileViewSet

from .accounts import take_down_stories_of_inactive_accounts
from .admin_views import ReportEditView, ReportInspectView
from .forms import AuthorNoteForm
from .models import AuthorNote, ContentReport, ReportReason, StoryIndexPage, StoryPage


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    actions.register_action("stories.withdraw", _("Withdraw story"), _("Story withdrawn and taken down"))
    actions.register_action("stories.consent_change", _("Change consent"), _("Consent changed by the teller"))
    actions.register_action("stories.auto_unpublish", _("Hold story"), _("Story held after several reports"))
    actions.register_action("stories.report.received", _("Report story"), _("Report received"))
    actions.register_action("stories.report.dismiss", _("Dismiss report"), _("Report dismissed"))
    actions.register_action("stories.report.unpublish", _("Unpublish reported story"), _("Reported story unpublished"))
    actions.register_action("stories.note_to_author", _("Note to author"), _("Note sent to the author"))
    actions.register_action(
        "stories.account_inactive", _("Take down story"), _("Story taken down: the teller's account was made inactive")
    )
    actions.register_action(
        "stories.account_deleted", _("Withdraw story"), _("Story withdrawn: the teller's account was deleted")
    )


def warn_that_stories_are_withdrawn_with(request, users, several):
    """A delete screen's warning: the accounts' stories are withdrawn with them (stories/accounts.py)."""
    count = StoryPage.objects.filter(owner__in=users, withdrawn_at__isnull=True).count()
    if not count:
        return
    if several:
        text = ngettext(
            "Deleting these accounts withdraws the story told under them: it goes offline at once and "
            "stays in the admin as withdrawn, where you may delete it for good.",
            "Deleting these accounts withdraws the %(count)d stories told under them: they go offline at "
            "once and stay in the admin as withdrawn, where you may delete them for good.",
            count,
        )
    else:
        text = ngettext(
            "Deleting this account withdraws the story told under it: it goes offline at once and stays "
            "in the admin as withdrawn, where you may delete it for good.",
            "Deleting this account withdraws the %(count)d stories told under it: they go offline at once "
            "and stay in the admin as withdrawn, where you may delete them for good.",
            count,
        )
    messages.warning(request, text % {"count": count})


@hooks.register("before_delete_user")
def say_what_deleting_an_account_does_to_its_stories(request, user):
    if request.method == "GET":
        warn_that_stories_are_withdrawn_with(request, [user], several=False)


class DeleteAccountsBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of users, whose confirmation screen says what happens to their stories."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.method == "GET":
            warn_that_stories_are_withdrawn_with(self.request, [item["item"] for item in context["items"]], True)
        return context


# Registered after Wagtail's action and the core's scoped copy of it (gsn_site/wagtail_hooks.py),
# which the registry then forgets; scoped the same way.
hooks.register("register_bulk_action", on_visible_items(DeleteAccountsBulkAction), order=101)


@hooks.register("after_bulk_action")
def take_down_stories_of_accounts_made_inactive(request, action_type, objects, action_class_instance):
    # Wagtail's bulk action marks users inactive with one UPDATE, which sends no signal.
    if isinstance(action_class_instance, SetActiveStateBulkAction):
        take_down_stories_of_inactive_accounts([user.pk for user in objects])


@hooks.register("construct_page_chooser_queryset")
def choose_only_pages_the_user_may_explore(pages, request):
    """Wagtail's page chooser lists every page, drafts included, to anyone with admin access.

    Here it lists only the pages the user's page permissions let them explore, so staff whose role
    grants no page permission (program staff) never read the titles of members' stories; browsing
    into a page they may not explore is a 404.
    """
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    parent_page_id = request.resolver_match.kwargs.get("parent_page_id") if request.resolver_match else None
    if parent_page_id is not None and not explorable.filter(pk=parent_page_id).exists():
        raise Http404
    return pages.filter(pk__in=explorable.values("pk"))


class ContentReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=ContentReport.Status.choices, label=_("Status"))
    reason = django_filters.ChoiceFilter(choices=ReportReason.choices, label=_("Reason"))

    class Meta:
        model = ContentReport
        fields = ["status", "reason"]


class ContentReportViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    """The moderation queue: open reports first, identity risks first among them."""

    model = ContentReport
    icon = "warning"
    menu_label = _("Reported stories")
    list_display = ["story", "reason", "note", "status", "created_at"]
    filterset_class = ContentReportFilterSet
    form_fields = ["status"]
    inspect_view_enabled = True
    inspect_view_class = ReportInspectView
    edit_view_class = ReportEditView
    index_template_name = "stories/admin/report_index.html"
    add_to_admin_menu = False

    def get_queryset(self, request):
        return ContentReport.objects.by_priority().select_related("story")


class StoriesViewSetGroup(SnippetViewSetGroup):
    items = (ContentReportViewSet, InvitationCodeViewSet, MemberProfileViewSet)
    menu_icon = "doc-full"
    menu_label = _("Stories")
    menu_name = "stories"


register_snippet(StoriesViewSetGroup)


class ModerationPanel(Component):
    """What waits for a moderator: stories held after reports, and open reports, newest first."""

    name = "moderation"
    order = 50
    template_name = "stories/admin/moderation_panel.html"
    NEWEST = 5

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        held = StoryPage.objects.filter(on_hold=True).order_by("-latest_revision_created_at")
        reports = ContentReport.objects.open().select_related("story").order_by("-created_at")
        return {
            "held_count": held.count(),
            "held_stories": held[: self.NEWEST],
            "report_count": reports.count(),
            "reports": reports[: self.NEWEST],
            "reports_url": reverse("wagtailsnippets_stories_contentreport:list"),
        }


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if request.user.has_perm("stories.change_contentreport"):
        panels.append(ModerationPanel(request))


class ReportBulkAction(BulkActionOnVisibleItemsMixin, SnippetBulkAction):
    models = [ContentReport]

    def check_perm(self, report):
        return self.request.user.has_perm("stories.change_contentreport")

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}


@hooks.register("register_bulk_action")
class DismissReports(ReportBulkAction):
    display_name = _("Dismiss")
    action_type = "dismiss"
    aria_label = _("Dismiss the selected reports")
    template_name = "stories/admin/confirm_bulk_action.html"
    action_priority = 10

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        stories = {}
        for report in objects:
            report.status = ContentReport.Status.DISMISSED
            report.save(update_fields=["status"])
            log(instance=report.story, action="stories.report.dismiss", user=user, data={"reason": report.reason})
            stories[report.story_id] = report.story
        for story in stories.values():
            if story.on_hold and not story.reports.open().exists():
                story.release_hold(user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d report dismissed.", "%(count)d reports dismissed.", num_parent_objects) % {
            "count": num_parent_objects
        }


@hooks.register("register_bulk_action")
class UnpublishReportedStories(ReportBulkAction):
    display_name = _("Unpublish story")
    action_type = "unpublish_story"
    # The spoken name starts with the visible one (WCAG 2.5.3).
    aria_label = _("Unpublish story of each selected report")
    template_name = "stories/admin/confirm_bulk_action.html"
    action_priority = 20
    classes = {"serious"}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        stories = {}
        for report in objects:
            report.status = ContentReport.Status.ACTIONED
            report.save(update_fields=["status"])
            stories[report.story_id] = report.story
        for story in stories.values():
            story.take_down(user, "stories.report.unpublish")
            story.__class__.objects.filter(pk=story.pk).update(on_hold=False)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d report actioned.", "%(count)d reports actioned.", num_parent_objects) % {
            "count": num_parent_objects
        }


@hooks.register("register_bulk_action")
class NoteToAuthor(ReportBulkAction):
    display_name = _("Note to author")
    action_type = "note_to_author"
    aria_label = _("Note to author of each selected report's story")
    template_name = "stories/admin/confirm_bulk_action.html"
    action_priority = 30
    form_class = AuthorNoteForm

    def get_execution_context(self):
        return {**super().get_execution_context(), "note": self.cleaned_form.cleaned_data["note"]}

    @classmethod
    def execute_action(cls, objects, user=None, note="", **kwargs):
        stories = {report.story_id: report.story for report in objects}
        for story in stories.values():
            AuthorNote.objects.create(story=story, text=plain_text(note))
            log(instance=story, action="stories.note_to_author", user=user)
        return len(stories), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Note sent to %(count)d author.", "Note sent to %(count)d authors.", num_parent_objects) % {
            "count": num_parent_objects
        }


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def featured_stories_on_home_page(home_page, request):
    """The home page's story section: the newest stories of the index below it, looked up only when
    the section is rendered (the home page keeps it as a cached fragment)."""
    story_index = SimpleLazyObject(lambda: StoryIndexPage.objects.live().public().child_of(home_page).first())
    featured = SimpleLazyObject(lambda: list(story_index.featured_stories()) if story_index else [])
    return {"story_index": story_index, "featured_stories": featured}
