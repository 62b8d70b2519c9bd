"""Admin screens that are not plain create/edit forms: the read-only report details with the
moderator's actions."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.models import InspectView
from wagtail.snippets.views.snippets import EditView


class ReportEditView(EditView):
    """Reports are evidence: nobody edits them. The edit address shows the details instead."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(self.get_inspect_url())


class ReportInspectView(InspectView):
    """What a reader reported, read-only, with the moderator's decisions as buttons."""

    template_name = "stories/admin/report_inspect.html"

    def get_edit_url(self):
        return None

    def get_fields(self):
        return ["story", "reason", "note", "status", "created_at"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        query = urlencode({"id": report.pk, "next": reverse(self.index_url_name)})
        actions = [
            ("dismiss", _("Dismiss"), "button button-secondary"),
            ("note_to_author", _("Note to author"), "button button-secondary"),
            ("unpublish_story", _("Unpublish story"), "button no"),
        ]
        context["report_actions"] = [
            {
                "label": label,
                "classes": classes,
                "url": reverse("wagtail_bulk_action", args=["stories", "contentreport", action]) + "?" + query,
            }
            for action, label, classes in actions
        ]
        context["story_admin_url"] = AdminURLFinder(self.request.user).get_edit_url(report.story)
        context["can_act"] = self.request.user.has_perm("stories.change_contentreport")
        return context
