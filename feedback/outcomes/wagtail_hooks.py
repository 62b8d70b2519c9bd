from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from feedback.models import Program

from . import views
from .models import SubdomainLabel


@hooks.register("register_admin_urls")
def register_outcome_urls():
    report = views.ProgramReportView.as_view()
    return [
        path("outcomes/reports/", views.ReportIndexView.as_view(), name="outcomes_reports"),
        path("outcomes/reports/<int:program_id>/", report, name="outcomes_program_report"),
        path("outcomes/reports/<int:program_id>/export.<str:export>", report, name="outcomes_program_report_export"),
        path("outcomes/import/", views.ImportView.as_view(), name="outcomes_import"),
        path("outcomes/import/progress/", views.ImportProgressView.as_view(), name="outcomes_import_progress"),
        path("outcomes/impact/publish/", views.ImpactPublishView.as_view(), name="outcomes_impact_publish"),
    ]


@hooks.register("register_log_actions")
def register_outcome_log_actions(actions):
    actions.register_action("outcomes.impact_published", _("Publish Impact figures"), _("Impact figures published"))


class ImpactPublishMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("outcomes.add_impactsnapshot")


@hooks.register("register_outcomes_menu_item")
def register_impact_publish_menu_item():
    return ImpactPublishMenuItem(_("Publish Impact figures"), reverse("outcomes_impact_publish"), icon_name="upload", order=300)


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


register_snippet(SubdomainLabelViewSet)
