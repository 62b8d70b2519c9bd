"""Admin screens (program reports, ASO import) and the public Impact page.

Every admin view reaches programs only through `Program.objects.visible_to(user)`: another
program's id in a URL is a 404, and a user with no program at all is refused.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, get_language_bidi, gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from feedback.models import PeriodKind
from programs.models import Program
from reporting.models import Release
from reporting.ptable import min_cell
from reporting.releases import NotYetReleased, published_release, release_note
from reporting.report_options import ReportPeriodForm

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
from .models import ImportBatch
from .release_tables import released_domains
from .scoring import OVERALL, ScoringRules


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
        self.release = self.rows = self.not_released = None
        if self.period is None:
            # Not a closed calendar period: say why, show no figures.
            return self.render_to_response(self.get_context_data(), status=400)
        try:
            self.release = published_release(self.program, self.period)
        except NotYetReleased as error:
            if export:
                raise Http404 from error
            self.not_released = str(error)
            return super().get(request, *args, **kwargs)
        self.rows = released_domains(self.release, get_language())
        if export:
            return self.export_formats[export](self.rows, self.release, self.program, self.period)
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
            release=self.release,
            not_released=self.not_released,
            period=self.period,
            rows=self.rows,
            chart=domain_chart(self.rows, rtl=get_language_bidi()) if self.rows else None,
            series=SERIES,
            rules=self.rules,
            note=release_note(self.release.min_cell) if self.release else "",
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


def _latest_year(program):
    """The program's latest stored year release (its newest version), or None."""
    return Release.objects.filter(program=program, kind=PeriodKind.YEAR).order_by("-start", "-version").first()


def _answer_figures(answer):
    """How many people answered the survey in the quarter a program answered: from that quarter's
    stored release only (None when it has none)."""
    release = (
        Release.objects.filter(program=answer.program_id, kind=PeriodKind.QUARTER, start=answer.period.start)
        .order_by("-version")
        .first()
    )
    return release.tables["feedback"]["responses"]["total"] if release else None


def impact_program(program, language):
    """What the Impact page shows of one program: its latest released year, domain by domain, and
    its latest published answer to survivors."""
    from feedback.accountability import program_accountability

    release = _latest_year(program)
    accountability = program_accountability(program)
    latest = next((row["answer"] for row in accountability["rows"] if row["answer"]), None)
    entry = {
        "program": program,
        "release": release,
        "accountability": accountability,
        "answer": latest,
        "answer_responses": _answer_figures(latest) if latest else None,
    }
    if release is not None:
        domains = [row for row in released_domains(release, language) if row["code"] != OVERALL]
        # On a phone the summary table must fit one screen: each withheld figure's reason is written
        # once below it, numbered, and read out in its cell.
        notes = []
        for domain in domains:
            for key in ("voice", "assessed"):
                reason = domain[f"{key}_reason"]
                if reason and reason not in notes:
                    notes.append(reason)
                domain[f"{key}_note"] = notes.index(reason) + 1 if reason else None
        entry.update(
            notes=notes,
            year=release.start.year,
            domains=domains,
            survivors=release.tables["outcomes"]["survivors"],
            responses=release.tables["feedback"]["responses"]["total"],
            chart=impact_chart(domains, rtl=get_language_bidi()),
        )
    return entry


def impact(request):
    """The public Impact page: for every program that chose to publish, its latest released year.

    Publication is the program's choice (`publish_impact`) plus a stored release: the page reads
    `Release` rows only, never records and never builds a release, so nothing in the request (query
    string included) reaches live figures, and a late entry, import or withdrawal after the release
    changes no figure on it.
    """
    language = get_language()
    programs = [
        impact_program(program, language)
        for program in Program.objects.active().filter(publish_impact=True).order_by("name")
    ]
    years = [entry["year"] for entry in programs if entry["release"]]
    year = max(years) if years else None
    network = (
        Release.objects.filter(program__isnull=True, kind=PeriodKind.YEAR, start__year=year)
        .order_by("-version")
        .first()
        if year
        else None
    )
    return render(
        request,
        "outcomes/impact.html",
        {
            "programs": programs,
            "year": year,
            "network": network.tables["network"] if network else None,
            "min_cell": min_cell(),
        },
    )
