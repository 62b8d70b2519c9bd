"""Admin screens (program reports, ASO import) and the public Impact page.

Every admin view reaches programs only through `Program.objects.visible_to(user)`: another
program's id in a URL is a 404, and a user with no program at all is refused.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from feedback.models import Program

from . import uploads
from .charts import SERIES, domain_chart
from .exports import csv_response, xlsx_response
from .forms import AssessmentUploadForm, ConfirmImportForm, PeriodForm
from .importer import import_assessments
from .reports import program_report, public_impact, report_rows
from .scoring import ScoringRules


class ProgramScopedMixin:
    """Programs this user may see; refuses users who may see none."""

    def dispatch(self, request, *args, **kwargs):
        if not self.programs().exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def programs(self):
        return Program.objects.visible_to(self.request.user)


class ReportIndexView(ProgramScopedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "outcomes/admin/report_index.html"
    page_title = _("Program reports")
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        return super().get_context_data(programs=self.programs(), **kwargs)


class ProgramReportView(ProgramScopedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "outcomes/admin/program_report.html"
    header_icon = "doc-full"
    export_formats = {"csv": csv_response, "xlsx": xlsx_response}

    def get(self, request, *args, **kwargs):
        self.program = get_object_or_404(self.programs(), pk=kwargs["program_id"])
        self.period_form = PeriodForm(request.GET or None)
        self.rules = ScoringRules.from_settings()
        date_from, date_to = self.period_form.period()
        self.report = program_report(self.program, date_from, date_to, rules=self.rules)
        self.rows = report_rows(self.report)
        export = kwargs.get("export")
        if export:
            if export not in self.export_formats:
                raise Http404
            return self.export_formats[export](self.rows, self.rules.min_cell, f"program-report-{self.program.code}")
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.program.name)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("outcomes_reports"), "label": _("Program reports")},
            {"url": "", "label": self.program.name},
        ]

    def get_context_data(self, **kwargs):
        query = self.request.GET.urlencode()
        return super().get_context_data(
            program=self.program,
            period_form=self.period_form,
            report=self.report,
            rows=self.rows,
            chart=domain_chart(self.rows),
            series=SERIES,
            rules=self.rules,
            export_query=f"?{query}" if query else "",
            **kwargs,
        )


class ImportView(ProgramScopedMixin, WagtailAdminTemplateMixin, FormView):
    """Upload → preview (row count, counts and every error, nothing saved) → import."""

    template_name = "outcomes/admin/import.html"
    form_class = AssessmentUploadForm
    page_title = _("Import ASO assessments")
    header_icon = "upload"
    success_url = reverse_lazy("outcomes_reports")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        token = uploads.keep(self.request, upload)
        path = uploads.path_for(self.request, token)
        with open(path, "rb") as binary:
            preview = import_assessments(
                binary, path.name, user=self.request.user, dry_run=True, progress=uploads.progress_recorder(self.request)
            )
        if preview.errors:
            uploads.discard(self.request)
        return self.render_to_response(
            self.get_context_data(
                form=self.form_class(),
                preview=preview,
                confirm_form=ConfirmImportForm(initial={"token": token}) if not preview.errors else None,
            )
        )

    def confirm(self, request):
        form = ConfirmImportForm(request.POST)
        path = uploads.path_for(request, form.data.get("token")) if form.is_valid() else None
        if path is None:
            messages.error(request, _("That upload has expired. Please choose the file again."))
            return redirect("outcomes_import")
        with open(path, "rb") as binary:
            result = import_assessments(binary, path.name, user=request.user, progress=uploads.progress_recorder(request))
        uploads.discard(request)
        if result.errors:
            # The data changed between preview and import (for example a program's staff).
            return self.render_to_response(self.get_context_data(form=self.form_class(), preview=result))
        messages.success(
            request,
            _("Imported %(rows)s rows: %(new)s new, %(updated)s updated, %(unchanged)s unchanged.")
            % {"rows": result.rows, "new": result.new, "updated": result.updated, "unchanged": result.unchanged},
        )
        return redirect(self.get_success_url())


class ImportProgressView(ProgramScopedMixin, View):
    """How far this user's running file check or import has got, for the progress bar."""

    def get(self, request):
        return JsonResponse(uploads.read_progress(request) or {"rows": 0, "percent": None})


def impact(request):
    """The public Impact page: aggregates of programs that opted in, small cells suppressed."""
    rules = ScoringRules.from_settings()
    programs = Program.objects.filter(publish_impact=True).order_by("name")
    return render(
        request,
        "outcomes/impact.html",
        {"programs": [public_impact(program, rules) for program in programs], "min_cell": rules.min_cell},
    )
