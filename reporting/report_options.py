"""Choosing what a report covers: a program code and a closed reporting period.

Shared by the three JSON commands (feedback_summary, aso_summary, program_report) and the admin
report screens, so that every surface releases figures for the same closed calendar periods only.
"""

import datetime

from django import forms
from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

from programs.models import Program

from .models import PeriodNotReleasable, ReportingPeriod
from .periods import PeriodKind
from .releases import NotYetReleased, last_releasable_day, published_release


def add_report_arguments(parser):
    parser.add_argument("--program", required=True, help="Program code.")
    parser.add_argument(
        "--period", help="A closed calendar period: a year (2025), a quarter (2025-Q3) or a month (2025-10)."
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        type=_date,
        help="First day of a closed calendar month, quarter or year, YYYY-MM-DD.",
    )
    parser.add_argument("--to", dest="date_to", type=_date, help="Last day of the same period, YYYY-MM-DD.")
    parser.add_argument("--format", choices=["json"], default="json")


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date in the form YYYY-MM-DD: {value}") from error


def program_from_options(options):
    try:
        return Program.objects.get(code=options["program"])
    except Program.DoesNotExist as error:
        raise CommandError(f"Unknown program: {options['program']}") from error


def period_from_options(options):
    """The closed period asked for; when none is, the latest month that may be released (the month
    that ended last may still have answers withdrawn); CommandError otherwise."""
    label, date_from, date_to = options.get("period"), options.get("date_from"), options.get("date_to")
    try:
        if not (label or date_from or date_to):
            # latest_closed gives the month before the one `today` falls in.
            day_after = last_releasable_day() + datetime.timedelta(days=1)
            return ReportingPeriod.objects.latest_closed(PeriodKind.MONTH, today=day_after)
        return ReportingPeriod.objects.release(label=label, date_from=date_from, date_to=date_to)
    except PeriodNotReleasable as error:
        raise CommandError(str(error)) from error


def release_from_options(options):
    """(program, period, stored release) asked for; CommandError with the release day when the
    period's answers may still be withdrawn."""
    program, period = program_from_options(options), period_from_options(options)
    try:
        return program, period, published_release(program, period)
    except NotYetReleased as error:
        raise CommandError(str(error)) from error


def period_choices(today=None):
    choices = []
    for label in ReportingPeriod.objects.recent_closed_labels(today):
        kind, start = ReportingPeriod.parse_label(label)
        choices.append((label, ReportingPeriod(kind=kind, start=start, end=ReportingPeriod.end_of(kind, start)).name))
    return choices


class PeriodChoiceField(forms.ChoiceField):
    """Recent closed periods to choose from; any other period label is checked when released."""

    def valid_value(self, value):
        try:
            ReportingPeriod.parse_label(value)
        except ValueError:
            return False
        return True


class ReportPeriodForm(forms.Form):
    """A closed reporting period for an admin report. Dates that are not exactly one closed
    calendar period (`date_from`/`date_to` in the query) are refused with the reason."""

    period = PeriodChoiceField(label=_("Period"), required=False)

    def __init__(self, *args, default_kind=PeriodKind.MONTH, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_kind = default_kind
        choices = period_choices()
        asked = self.data.get("period") if self.is_bound else None
        if asked and asked not in dict(choices) and self.fields["period"].valid_value(asked):
            choices.insert(0, (asked, ReportingPeriod.objects.named(asked).name))
        if not self.is_bound:
            self.initial.setdefault("period", ReportingPeriod.objects.latest_closed(default_kind).label)
        self.fields["period"].choices = choices

    def clean(self):
        cleaned = super().clean()
        try:
            date_from = _form_date(self.data.get("date_from"))
            date_to = _form_date(self.data.get("date_to"))
            label = cleaned.get("period")
            if not (label or date_from or date_to):
                self.reporting_period = ReportingPeriod.objects.latest_closed(self.default_kind)
            else:
                self.reporting_period = ReportingPeriod.objects.release(
                    label=label, date_from=date_from, date_to=date_to
                )
        except (PeriodNotReleasable, ValueError) as error:
            raise forms.ValidationError(
                str(error) if isinstance(error, PeriodNotReleasable) else _("Enter dates as YYYY-MM-DD.")
            ) from error
        return cleaned

    def selected_period(self):
        """The period to show: the one asked for, or the latest closed one when nothing was asked."""
        if self.is_bound:
            return self.reporting_period if self.is_valid() else None
        return ReportingPeriod.objects.latest_closed(self.default_kind)


def _form_date(value):
    return datetime.date.fromisoformat(value) if value else None
