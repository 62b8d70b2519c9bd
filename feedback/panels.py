from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel, Panel

from gsn_site.forms import choose_by_id


class FeedbackLinkFormSet(BaseChildFormSet):
    """The survey row on a program's screen: at most one row per program, also when two people edit
    the program at once. A row id from another program counts as a new row (and is refused beside
    the stored one); a malformed id is refused by the row's own id field, never a server error."""

    def _get_to_python(self, field):
        to_python = super()._get_to_python(field)

        def row_id(value):
            try:
                return to_python(value)
            except ValidationError:
                return None  # not an id: the row's own id field says so on the form

        return row_id

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name in ("id", "survey"):
            if name in form.fields:
                choose_by_id(form.fields[name])

    def clean(self):
        super().clean()
        if any(self.errors) or not self.instance.pk:
            return
        from .models import FeedbackLink

        stored = set(FeedbackLink.objects.filter(program=self.instance).values_list("pk", flat=True))
        submitted = {form.instance.pk for form in self.forms}
        kept = {
            form.instance.pk for form in self.forms if form.instance.pk in stored and not self._should_delete_form(form)
        }
        added = [
            form
            for form in self.forms
            if form.instance.pk not in stored and form.has_changed() and not self._should_delete_form(form)
        ]
        if len(kept) + len(stored - submitted) + len(added) > 1:
            raise ValidationError(
                _("Someone chose a survey for this program since you opened this page. Reload the page to see it."),
                code="one_feedback_link",
            )


class SurveyChoicePanel(InlinePanel):
    """The program's survey row, validated by FeedbackLinkFormSet."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = FeedbackLinkFormSet
        return options


class FeedbackLinkPanel(Panel):
    """The program's feedback link and printable QR codes, on the program's edit screen."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Feedback link and QR code"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/admin/feedback_link_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .models import feedback_url

            context = super().get_context_data(parent_context)
            context["program"] = self.instance
            context["feedback_url"] = feedback_url(self.instance)
            return context


class PeriodFiguresPanel(Panel):
    """The released figures of the answer's program and period, beside the edit form: the stored
    release every other surface shows, never live records.

    Aggregates only, never a response or a free-text answer.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("What survivors said in this period"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/admin/period_figures_panel.html"

        def get_context_data(self, parent_context=None):
            from reporting.releases import NotYetReleased, published_release, release_note

            from .models import AccessLogEntry
            from .release_tables import report_summary
            from .reports import report_sections

            context = super().get_context_data(parent_context)
            instance = self.instance
            if not (instance and instance.program_id and instance.period_id and instance.period.is_closed()):
                return context
            context.update({"period": instance.period, "program": instance.program})
            try:
                release = published_release(instance.program, instance.period)
            except NotYetReleased as error:
                context["not_released"] = str(error)
                return context
            summary = report_summary(release, instance.program, language=get_language())
            # Reading a program's figures here is logged like reading its report.
            AccessLogEntry.record(self.request.user, AccessLogEntry.Action.REPORT, program=instance.program)
            context.update({"sections": report_sections(summary), "note": release_note(release.min_cell)})
            return context
