"""Staff screens for feedback in the Wagtail admin. Program-scoped through Program.objects.visible_to."""

import datetime
import io

import django_filters
import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from gsn_site.admin_viewsets import WithoutScreensMixin
from gsn_site.forms import IdChoiceFilter
from gsn_site.ids import object_or_404
from programs.models import Program
from reporting.exports import about_report, spreadsheet_response
from reporting.releases import NotYetReleased, published_release, release_note
from reporting.report_options import ReportPeriodForm

from .exports import record_rows, summary_header, summary_rows
from .forms import AssistedEntryForm
from .models import AccessLogEntry, Channel, FeedbackResponse, FeedbackSurvey, feedback_url
from .receipts import new_submission_token, read_submission_token
from .release_tables import report_summary
from .replies import REVIEW_ALL_ANSWERS, answer_programs
from .reports import report_sections
from .submission import store_response

Action = AccessLogEntry.Action


def visible_programs(request):
    return Program.objects.visible_to(request.user)


def visible_responses(user):
    return FeedbackResponse.objects.visible_to(user)


def forbidden():
    # A plain 403 rather than Wagtail's redirect to the dashboard: the refusal is explicit.
    return HttpResponseForbidden(_("You do not have permission to see this."))


def require_feedback_access(user, permission="view"):
    if not (user.is_active and user.has_perm(f"feedback.{permission}_feedbackresponse")):
        raise PermissionDenied


# --- Programs ----------------------------------------------------------------------------------


def program_qr_code(request, pk, file_format):
    """A printable QR code of the program's feedback link, as PNG or SVG."""
    program = get_object_or_404(visible_programs(request), pk=pk)
    if file_format == "svg":
        image = qrcode.make(feedback_url(program), image_factory=qrcode.image.svg.SvgPathImage, box_size=20)
        content_type = "image/svg+xml"
    else:
        image = qrcode.make(feedback_url(program), box_size=12, border=4)
        content_type = "image/png"
    buffer = io.BytesIO()
    image.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="feedback-{program.code}.{file_format}"'
    return response


# --- Responses ---------------------------------------------------------------------------------


class ResponseFilterSet(WagtailFilterSet):
    program = IdChoiceFilter(label=gettext_lazy("Program"), queryset=visible_programs)
    survey = IdChoiceFilter(
        label=gettext_lazy("Survey"), field_name="survey_version__survey", queryset=FeedbackSurvey.objects.all()
    )
    submitted_on = django_filters.DateFromToRangeFilter(label=gettext_lazy("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = FeedbackResponse
        fields = ["program", "survey", "language", "channel", "review_status", "submitted_on"]


class ScopedResponseMixin:
    """Every response screen starts from the responses the user may see: another id gives 404."""

    def get_base_queryset(self):
        return visible_responses(self.request.user).select_related("program", "survey_version__survey")

    def get_object(self, queryset=None):
        return response_or_404(self.request.user, self.kwargs[self.pk_url_kwarg])


def response_or_404(user, key):
    return object_or_404(visible_responses(user), key)


class ResponseIndexView(ScopedResponseMixin, generic.IndexView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.filters and not self.filters.is_valid():
            # The filters are shown with their errors; the status says the request was wrong.
            response.status_code = 400
        if not self.results_only:
            AccessLogEntry.record(request.user, Action.LIST, record_count=self.object_list.count())
        return response


class ResponseInspectView(ScopedResponseMixin, generic.InspectView):
    template_name = "feedback/admin/response_inspect.html"

    def get_object(self, queryset=None):
        return response_or_404(self.request.user, self.pk)

    def get(self, request, *args, **kwargs):
        AccessLogEntry.record(
            request.user,
            Action.DETAIL,
            program=self.object.program,
            object_reference=self.object.reference,
            record_count=1,
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        may_read_free_text = self.object.program.may_read_free_text(self.request.user)
        context["answers"] = self.object.answers_for_display(
            include_free_text=self.object.free_text_readable_by(self.request.user)
        )
        context["may_read_free_text"] = may_read_free_text
        context["redact_url"] = reverse("feedback_admin:redact", args=[self.object.pk])
        return context


class ResponseEditView(ScopedResponseMixin, generic.EditView):
    def form_valid(self, form):
        AccessLogEntry.record(
            self.request.user,
            Action.EDIT,
            program=self.object.program,
            object_reference=self.object.reference,
            record_count=1,
        )
        return super().form_valid(form)


class ResponseDeleteView(ScopedResponseMixin, generic.DeleteView):
    def form_valid(self, form):
        AccessLogEntry.record(
            self.request.user,
            Action.DELETE,
            program=self.object.program,
            object_reference=self.object.reference,
            record_count=1,
        )
        return super().form_valid(form)


class ResponseViewSet(WithoutScreensMixin, ModelViewSet):
    model = FeedbackResponse
    icon = "comment"
    menu_label = gettext_lazy("Feedback responses")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "feedback/responses"
    url_namespace = "feedback_responses"
    filterset_class = ResponseFilterSet
    list_display = [
        # The reference opens the response (the only way in: ids are random and never listed).
        TitleColumn(
            "reference",
            label=gettext_lazy("Reference"),
            accessor="reference",
            get_url=lambda response: reverse("feedback_responses:inspect", args=[response.pk]),
        ),
        "program",
        "survey_version",
        "language",
        "channel",
        "submitted_on",
        "review_status",
    ]
    form_fields = ["review_status"]
    inspect_view_enabled = True
    inspect_view_fields = ["program", "survey_version", "language", "channel", "submitted_on", "review_status"]
    copy_view_enabled = False
    index_view_class = ResponseIndexView
    inspect_view_class = ResponseInspectView
    edit_view_class = ResponseEditView
    delete_view_class = ResponseDeleteView

    # No history or usage screens: they would show response records outside the access log. New
    # responses come from survivors or through assisted entry, never from a blank admin form.
    removed_screens = ("history", "history_results", "usage", "add", "copy")


class RedactForm(forms.Form):
    def __init__(self, *args, answers, **kwargs):
        super().__init__(*args, **kwargs)
        for answer in answers:
            self.fields[f"answer_{answer.pk}"] = forms.CharField(
                label=answer.question_key, required=False, initial=answer.text, widget=forms.Textarea(attrs={"rows": 4})
            )


def highlighted_answers(answers, form):
    """Each written answer cut into pieces, the likely names and places marked, for the review screen."""
    shown = []
    for answer in answers:
        pieces, highlights, position = [], [], 0
        for span in answer.likely_names_and_places():
            key, words = answer.highlight_key(span), answer.text[span[0] : span[1]]
            pieces += [(answer.text[position : span[0]], None), (words, key)]
            highlights.append((key, words))
            position = span[1]
        pieces.append((answer.text[position:], None))
        shown.append({"field": form[f"answer_{answer.pk}"], "pieces": pieces, "highlights": highlights})
    return shown


def redact_response(request, pk):
    """Staff remove more of a free-text answer than the automatic redaction did."""
    require_feedback_access(request.user, "change")
    response = response_or_404(request.user, pk)
    if not response.program.may_read_free_text(request.user):
        return forbidden()
    if request.method == "POST" and request.POST.get("action") == "redact-highlighted":
        response.redact_highlighted(set(request.POST.getlist("highlight")), by=request.user)
        messages.success(request, _("The highlighted words were replaced with [removed]."))
        return redirect("feedback_admin:redact", response.pk)
    answers = response.free_text_answers()
    form = RedactForm(request.POST or None, answers=answers)
    if request.method == "POST" and form.is_valid():
        response.redact_free_text(
            {answer.pk: form.cleaned_data[f"answer_{answer.pk}"] for answer in answers}, by=request.user
        )
        messages.success(request, _("The answers were redacted."))
        return redirect("feedback_responses:inspect", response.pk)
    AccessLogEntry.record(
        request.user, Action.DETAIL, program=response.program, object_reference=response.reference, record_count=1
    )
    context = {
        "response": response,
        "form": form,
        "answers": highlighted_answers(answers, form),
        "page_title": _("Redact %(response)s") % {"response": response},
    }
    return TemplateResponse(request, "feedback/admin/redact.html", context)


def assisted_entry(request):
    """Staff type in a paper response, or one a survivor gave with their help."""
    require_feedback_access(request.user, "add")
    survey = object_or_404(FeedbackSurvey.objects.live(), request.GET["survey"]) if "survey" in request.GET else None
    surveys = FeedbackSurvey.objects.live()
    if survey is None:
        if surveys.count() == 1:
            survey = surveys.get()
        else:
            return TemplateResponse(
                request,
                "feedback/admin/choose_survey.html",
                {"surveys": surveys, "page_title": _("Enter a paper response")},
            )
    programs = visible_programs(request)
    if request.method == "POST":
        token = read_submission_token(request.POST.get("submission_token"))
        version = survey.versions.filter(pk=token[1]).first() if token else None
        if version is None:
            raise Http404
        form = AssistedEntryForm(request.POST, version=version, programs=programs)
        if form.is_valid():
            data = form.cleaned_data
            _receipt, created = store_response(
                program=data["program"],
                version=version,
                language=data["language"],
                channel=data["channel"],
                cleaned_data=data,
                token=token[0],
                submitted_on=data["submitted_on"],
            )
            if created:
                AccessLogEntry.record(request.user, Action.ASSISTED_ENTRY, program=data["program"], record_count=1)
            messages.success(request, _("The response was saved."))
            return redirect(f"{reverse('feedback_admin:assisted_entry')}?survey={survey.pk}")
    else:
        version = survey.current_version()
        form = AssistedEntryForm(
            version=version,
            programs=programs,
            initial={
                "submission_token": new_submission_token(version.pk),
                "submitted_on": datetime.date.today(),
                "channel": Channel.PAPER,
            },
        )
    context = {"form": form, "survey": survey, "page_title": _("Enter a paper response")}
    return TemplateResponse(request, "feedback/admin/assisted_entry.html", context, status=400 if form.errors else 200)


# --- Reports and exports ----------------------------------------------------------------------


class ReportForm(ReportPeriodForm):
    program = forms.ModelChoiceField(
        label=gettext_lazy("Program"),
        queryset=Program.objects.none(),
        error_messages={"required": gettext_lazy("Choose the program whose report you want to see.")},
    )

    field_order = ["program", "period"]

    def __init__(self, *args, programs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = programs
        if len(programs) == 1:
            # Staff who serve one program have nothing to choose.
            self.fields["program"].initial = programs[0].pk
            self.fields["program"].empty_label = None


def report(request):
    """The aggregate report for one program and closed period, with CSV and XLSX downloads.

    Survivor leaders read every program's report (aggregates only: they never open a response)."""
    if not request.user.has_perm(REVIEW_ALL_ANSWERS):
        require_feedback_access(request.user)
    programs = answer_programs(request.user)
    if request.GET.get("program"):
        object_or_404(programs, request.GET["program"])
    form = ReportForm(request.GET or None, programs=programs)
    context = {"form": form, "page_title": _("Feedback report")}
    if form.is_bound and form.is_valid():
        program, period = form.cleaned_data["program"], form.reporting_period
        try:
            release = published_release(program, period)
        except NotYetReleased as error:
            context["not_released"] = str(error)
            return TemplateResponse(request, "feedback/admin/report.html", context)
        summary = report_summary(release, program, language=request.LANGUAGE_CODE)
        sections = report_sections(summary)
        note = release_note(release.min_cell)
        file_format = request.GET.get("format")
        if file_format in ("csv", "xlsx"):
            AccessLogEntry.record(request.user, Action.EXPORT_REPORT, program=program)
            return spreadsheet_response(
                summary_header(),
                summary_rows(sections),
                f"feedback-report-{program.code}-{period.label}",
                file_format,
                sheet_title=_("Feedback %(period)s") % {"period": period.label},
                about=about_report(program.name, period, note),
            )
        AccessLogEntry.record(request.user, Action.REPORT, program=program)
        context.update(
            summary=summary,
            sections=sections,
            period=period,
            note=note,
            query=f"program={program.pk}&period={period.label}",
        )
    status = 400 if form.is_bound and not form.is_valid() else 200
    return TemplateResponse(request, "feedback/admin/report.html", context, status=status)


def export_records(request):
    """Record-level, pseudonymised export: administrators only."""
    if not request.user.is_superuser:
        return forbidden()
    responses = visible_responses(request.user)
    program = None
    if request.GET.get("program"):
        program = object_or_404(visible_programs(request), request.GET["program"])
        responses = responses.filter(program=program)
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    AccessLogEntry.record(request.user, Action.EXPORT_RECORDS, program=program, record_count=responses.count())
    rows = record_rows(responses)
    return spreadsheet_response(rows[0], rows[1:], "feedback-records", file_format, sheet_title=_("Responses"))


admin_urlpatterns = [
    path("report/", report, name="report"),
    path("records/", export_records, name="export_records"),
    path("assisted/", assisted_entry, name="assisted_entry"),
    path("responses/<uuid:pk>/redact/", redact_response, name="redact"),
    path("programs/<int:pk>/qr.png", program_qr_code, {"file_format": "png"}, name="program_qr_png"),
    path("programs/<int:pk>/qr.svg", program_qr_code, {"file_format": "svg"}, name="program_qr_svg"),
]


class AccessLogViewSet(WithoutScreensMixin, ModelViewSet):
    model = AccessLogEntry
    icon = "list-ul"
    menu_label = gettext_lazy("Feedback access log")
    add_to_settings_menu = True
    url_prefix = "feedback/access-log"
    url_namespace = "feedback_access_log"
    list_display = ["timestamp", "username", "action", "program", "object_reference", "record_count"]
    list_filter = ["action", "program"]
    form_fields = ["action"]
    copy_view_enabled = False
    # Read-only: the log cannot be changed or deleted from the admin.
    removed_screens = ("history", "history_results", "usage", "add", "edit", "delete", "copy")
