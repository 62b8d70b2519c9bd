"""Admin screens (program reports, ASO import) and the public Impact page.

Every admin view reaches programs only through `Program.objects.visible_to(user)`: another
program's id in a URL is a 404, and a user with no program at all is refused.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from feedback.models import PeriodKind, PeriodNotReleasable, ReportingPeriod
from feedback.report_options import ReportPeriodForm, period_choices
from gsn_site.page_cache import purge_public_page_cache
from gsn_site.privacy import suppression_note
from programs.models import Program
from programs.outcome_domains import DOMAIN_NAMES

from . import uploads
from .charts import SERIES, domain_chart, impact_chart
from .exports import csv_response, xlsx_response
from .forms import AssessmentUploadForm
from .importer import (
    batch_errors,
    check_file,
    discard_batch,
    new_batch,
    queue_import,
    schedule_purge,
    session_hash,
)
from .models import ImpactSnapshot, ImportBatch
from .reports import impact_figures, program_report, report_rows
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
        export = kwargs.get("export")
        if export and export not in self.export_formats:
            raise Http404
        self.period_form = ReportPeriodForm(request.GET or None, default_kind=PeriodKind.YEAR)
        self.rules = ScoringRules.from_settings()
        self.period = self.period_form.selected_period()
        if self.period is None:
            # Not a closed calendar period: say why, show no figures.
            self.report = self.rows = None
            return self.render_to_response(self.get_context_data(), status=400)
        self.report = program_report(self.program, self.period, rules=self.rules)
        self.rows = report_rows(self.report)
        if export:
            return self.export_formats[export](self.rows, self.report, self.rules.disclosure, self.program, self.period)
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
        return super().get_context_data(
            program=self.program,
            period_form=self.period_form,
            report=self.report,
            period=self.period,
            rows=self.rows,
            chart=domain_chart(self.rows) if self.rows else None,
            series=SERIES,
            rules=self.rules,
            note=suppression_note(self.rules.disclosure.min_cell),
            export_query=f"?period={self.period.label}" if self.period else "",
            **kwargs,
        )


@method_decorator(csrf_exempt, name="dispatch")
class ImportView(ProgramScopedMixin, WagtailAdminTemplateMixin, FormView):
    """Upload: the file is checked in memory and its hashed rows staged, then its batch page previews it.

    CSRF is checked below, after the upload handlers are replaced: the global check would read the
    request body first, with Django's default handlers, which write a large file to a temporary file.
    """

    template_name = "outcomes/admin/import.html"
    form_class = AssessmentUploadForm
    page_title = _("Import ASO assessments")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.upload_handler = uploads.use_memory_only_uploads(request)
        return csrf_protect(super().dispatch)(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_invalid(self, form):
        status = 400
        if self.upload_handler.too_large:
            form.errors.pop("file", None)
            form.add_error(
                "file",
                _("The file is larger than %(size)s MB. Split it into smaller files and import each.")
                % {"size": settings.ASO_IMPORT_MAX_BYTES // (1024 * 1024)},
            )
            status = 413
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        session_key = self.request.session.session_key
        # A new upload replaces this session's earlier one that was not imported.
        for earlier in ImportBatch.objects.filter(
            uploaded_by=self.request.user, session_hash=session_hash(session_key), status__in=ImportBatch.PENDING
        ):
            discard_batch(earlier)
        batch = new_batch(self.request.user, session_key)
        schedule_purge(batch)
        try:
            check_file(batch, upload.file, upload.name)
        finally:
            upload.close()
        return redirect("outcomes_import_batch", batch_id=batch.pk)


class ImportBatchMixin(ProgramScopedMixin):
    """The batch in the URL, if it belongs to this user and this session; another's is a 404."""

    def get_batch(self):
        return get_object_or_404(
            ImportBatch,
            pk=self.kwargs["batch_id"],
            uploaded_by=self.request.user,
            session_hash=session_hash(self.request.session.session_key),
        )


class ImportBatchView(ImportBatchMixin, WagtailAdminTemplateMixin, TemplateView):
    """A checked file: its preview (counts and every error), then the import's progress and result."""

    template_name = "outcomes/admin/import_batch.html"
    page_title = _("Import ASO assessments")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("outcomes_import"), "label": _("Import ASO assessments")},
            {"url": "", "label": self.batch.get_status_display()},
        ]

    def get(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        action = request.POST.get("action")
        if action == "cancel":
            discard_batch(self.batch)
            messages.success(request, _("The upload was cancelled and its rows deleted. Nothing was imported."))
            return redirect("outcomes_import")
        if action != "import":
            return HttpResponseBadRequest(_("Choose Import or Cancel."))
        if not queue_import(self.batch):
            messages.error(request, _("That upload has expired or was already imported. Please choose the file again."))
            return redirect("outcomes_import")
        return redirect("outcomes_import_batch", batch_id=self.batch.pk)

    def get_context_data(self, **kwargs):
        batch = self.batch
        return super().get_context_data(
            batch=batch,
            errors=batch_errors(batch),
            failure=gettext(batch.failure) if batch.failure else "",
            running=batch.status in (ImportBatch.Status.QUEUED, ImportBatch.Status.IMPORTING),
            **kwargs,
        )


class ImportProgressView(ProgramScopedMixin, View):
    """How far this session's latest file check or import has got, read from the database (any node)."""

    def get(self, request):
        batch = (
            ImportBatch.objects.filter(uploaded_by=request.user, session_hash=session_hash(request.session.session_key))
            .exclude(session_hash="")
            .order_by("-created_at")
            .first()
        )
        if batch is None:
            return JsonResponse({"rows": 0, "percent": None, "status": None})
        return JsonResponse({"rows": batch.rows, "percent": batch.progress_percent, "status": batch.status})


class ImpactPublishView(WagtailAdminTemplateMixin, TemplateView):
    """Publish a closed period's figures on the public Impact page, as a frozen snapshot.

    Only users with the permission to add Impact snapshots (administrators by default) may, and
    every publication is written to the admin's audit log.
    """

    template_name = "outcomes/admin/impact_publish.html"
    page_title = _("Publish Impact figures")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("outcomes.add_impactsnapshot"):
            # A plain 403 rather than Wagtail's redirect to the dashboard: the refusal is explicit.
            return HttpResponseForbidden(_("You do not have permission to publish Impact figures."))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            choices=period_choices(),
            snapshots=ImpactSnapshot.objects.select_related("period", "published_by"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        label = request.POST.get("period", "")
        try:
            period = ReportingPeriod.objects.release(label=label)
            rules = ScoringRules.from_settings()
            programs = Program.objects.filter(publish_impact=True).order_by("name")
            snapshot = ImpactSnapshot.objects.publish(period, impact_figures(programs, period, rules), request.user)
        except PeriodNotReleasable as error:
            return self.render_to_response(self.get_context_data(error=str(error)), status=400)
        log(snapshot, "outcomes.impact_published", user=request.user)
        purge_public_page_cache()
        messages.success(request, _("The figures for %(period)s are published.") % {"period": period.name})
        return redirect("outcomes_impact_publish")


def impact(request):
    """The public Impact page: only published, frozen snapshots of closed periods.

    Nothing in the request (query string included) reaches live figures: the page reads snapshots only.
    """
    from feedback.accountability import program_accountability

    snapshots = ImpactSnapshot.objects.select_related("period")
    # Programs' published answers to survivors (approved text, no figures about people).
    answers = [program_accountability(program) for program in Program.objects.active().filter(publish_impact=True)]
    return render(
        request,
        "outcomes/impact.html",
        {"periods": [impact_period(snapshot) for snapshot in snapshots], "answers": answers},
    )


def impact_period(snapshot):
    """A snapshot's figures, with names in the reader's language, ready for the template."""
    from django.utils.translation import get_language

    language = get_language()
    figures = snapshot.figures
    programs = []
    for program in figures["programs"]:
        domains = [
            {**domain, "name": DOMAIN_NAMES.get(domain["code"], domain["code"])} for domain in program["domains"]
        ]
        programs.append(
            {
                **program,
                "name": program["name"].get(language) or program["name"].get("en") or program["code"],
                "domains": domains,
                "chart": impact_chart(domains),
            }
        )
    return {"period": snapshot.period, "min_cell": figures["min_cell"], "programs": programs}
