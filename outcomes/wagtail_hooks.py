from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from feedback.models import FeedbackResponse, ReviewStatus
from gsn_site.admin_viewsets import PermissionCheckedChooserViewSet
from programs.models import Program
from reporting.models import Release
from reporting.periods import PeriodKind

from . import views
from .importer import session_hash
from .models import ImportBatch, SubdomainLabel


@hooks.register("register_admin_urls")
def register_outcome_urls():
    report = views.ProgramReportView.as_view()
    return [
        path("outcomes/reports/", views.ReportIndexView.as_view(), name="outcomes_reports"),
        path("outcomes/reports/<int:program_id>/", report, name="outcomes_program_report"),
        path("outcomes/reports/<int:program_id>/export.<str:export>", report, name="outcomes_program_report_export"),
        path("outcomes/import/", views.ImportView.as_view(), name="outcomes_import"),
        path("outcomes/import/progress/", views.ImportProgressView.as_view(), name="outcomes_import_progress"),
        path("outcomes/import/<uuid:batch_id>/", views.ImportBatchView.as_view(), name="outcomes_import_batch"),
    ]


@hooks.register("register_log_actions")
def register_outcome_log_actions(actions):
    # Impact figures are no longer published by hand (a program's stored release is shown once it
    # opts in), but the audit log keeps the publications made before, under this action.
    actions.register_action("outcomes.impact_published", _("Publish Impact figures"), _("Impact figures published"))


class ProgramStaffMenuItem(MenuItem):
    """Shown to users who may see at least one program."""

    def is_shown(self, request):
        return Program.objects.visible_to(request.user).exists()


outcomes_menu = Menu(
    register_hook_name="register_outcomes_menu_item",
    construct_hook_name="construct_outcomes_menu",
)


@hooks.register("register_outcomes_menu_item")
def register_reports_menu_item():
    return ProgramStaffMenuItem(_("Program reports"), reverse("outcomes_reports"), icon_name="doc-full", order=100)


@hooks.register("register_outcomes_menu_item")
def register_import_menu_item():
    return ProgramStaffMenuItem(_("Import ASO data"), reverse("outcomes_import"), icon_name="upload", order=200)


@hooks.register("register_admin_menu_item")
def register_outcomes_menu():
    return SubmenuMenuItem(_("Outcomes"), outcomes_menu, icon_name="list-ul", order=350)


class SubdomainLabelViewSet(SnippetViewSet):
    model = SubdomainLabel
    icon = "tag"
    menu_label = _("Sub-domain labels")
    list_display = ["domain", "number", "label"]
    list_filter = ["domain"]
    # Wagtail's own chooser would list the labels to anyone with admin access.
    chooser_viewset_class = PermissionCheckedChooserViewSet


register_snippet(SubdomainLabelViewSet)


class DashboardPanel(Component):
    """A short panel on the admin dashboard: what this person has to act on, with a link."""

    template_name = "outcomes/admin/dashboard_panel.html"

    def __init__(self, name, title, text, link=None, link_text=None, order=150):
        self.name, self.title, self.text, self.link, self.link_text, self.order = (
            name,
            title,
            text,
            link,
            link_text,
            order,
        )

    def get_context_data(self, parent_context):
        return {"panel": self}


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    user = request.user
    if user.has_perm("feedback.view_feedbackresponse") and Program.objects.visible_to(user).exists():
        waiting = FeedbackResponse.objects.visible_to(user).filter(review_status=ReviewStatus.NEW).count()
        panels.append(
            DashboardPanel(
                "feedback-awaiting-review",
                _("Feedback awaiting review"),
                ngettext(
                    "%(count)s response from your programs has not been reviewed.",
                    "%(count)s responses from your programs have not been reviewed.",
                    waiting,
                )
                % {"count": waiting},
                f"{reverse('feedback_responses:index')}?review_status={ReviewStatus.NEW}",
                _("Review feedback"),
                order=140,
            )
        )
    in_progress = (
        ImportBatch.objects.filter(
            uploaded_by=user, session_hash=session_hash(request.session.session_key), expires_at__gt=timezone.now()
        )
        .exclude(status__in=ImportBatch.FINISHED)
        .order_by("-created_at")
        .first()
    )
    if in_progress is not None:
        panels.append(
            DashboardPanel(
                "imports-in-progress",
                _("Import in progress"),
                _("Your ASO file: %(status)s, %(rows)s rows read.")
                % {"status": in_progress.get_status_display(), "rows": in_progress.rows},
                reverse("outcomes_import_batch", kwargs={"batch_id": in_progress.pk}),
                _("Open the import"),
                order=145,
            )
        )
    programs = Program.objects.visible_to(user)
    if programs.exists():
        opted_in = programs.filter(publish_impact=True)
        latest = Release.objects.filter(program__in=opted_in, kind=PeriodKind.YEAR).order_by("-start").first()
        if latest:
            shown = Release.objects.filter(program__in=opted_in, kind=PeriodKind.YEAR, start=latest.start)
            count = shown.values("program").distinct().count()
            text = ngettext(
                "The Impact page shows %(year)s for %(count)s of your programs.",
                "The Impact page shows %(year)s for %(count)s of your programs.",
                count,
            ) % {"year": latest.start.year, "count": count}
        else:
            text = _(
                "None of your programs shows figures on the Impact page yet: a program's year is shown once the "
                "program has chosen to publish and the year is released."
            )
        panels.append(
            DashboardPanel(
                "latest-published-period",
                _("Impact page"),
                text,
                reverse("impact"),
                _("Open the Impact page"),
                order=146,
            )
        )
