"""Releases: the only aggregates anyone sees, computed once for a closed period and never changed.

A `Release` holds the published tables of one program (or of the whole network) for one closed
calendar period, in one version (2 and up are correction releases). Its figures are cell-key
perturbed (reporting.ptable) and passed the automatic attacker (reporting.audit) together with
every other release of the same program before it was stored.

`FrozenCounts` holds the true counts behind them, admin-only: per month for feedback (quarters and
years are sums of frozen months, never of today's rows), per released period for assessments
(a survivor's first and latest assessment in a period do not add up across months). They are
deleted `RELEASE_TRUE_COUNTS_RETENTION_DAYS` after they were frozen; after that a period can no
longer be corrected.
"""

import datetime
import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import periods
from .periods import PeriodKind, label_for


class ReleaseIsFrozen(ValueError):
    """A stored release or its frozen counts were about to change."""


class FrozenQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ReleaseIsFrozen("A stored release is never changed.")


class Release(models.Model):
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="releases",
        help_text=_("Empty for the whole network."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    min_cell = models.PositiveSmallIntegerField(_("minimum cell size"))
    # {source name: published tables}: what every surface shows.
    tables = models.JSONField(_("tables"), default=dict, editable=False)
    # {source name: {"units": {unit label: frozen version}, "levels": {...},
    #  "cells": {cell: [released value, [parts]]}, "facts": [...]}}: the released cells as the
    # attacker sees them (nothing here is secret: the parts are the public definition of each cell).
    cells = models.JSONField(_("released cells"), default=dict, editable=False)
    audit = models.JSONField(_("audit"), default=dict, editable=False)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        ordering = ["-start", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["program", "kind", "start", "version"], name="reporting_one_release")
        ]

    def __str__(self):
        scope = self.program.code if self.program_id else "network"
        return f"{scope} {self.label} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ReleaseIsFrozen("A stored release is never changed.")
        super().save(*args, **kwargs)

    @property
    def label(self):
        return label_for(self.kind, self.start)


class FrozenCounts(models.Model):
    """True counts and cell keys of one unit (a month of feedback, a period of assessments). Admin-only."""

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="+"
    )
    source = models.CharField(_("source"), max_length=20)
    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    # {cell: [true count, cell key]}
    counts = models.JSONField(editable=False)
    # What the cells are (questions, their options; true means of assessments).
    meta = models.JSONField(default=dict, editable=False)
    frozen_at = models.DateTimeField(_("frozen at"), auto_now_add=True)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = _("frozen true counts")
        verbose_name_plural = _("frozen true counts")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "source", "kind", "start", "version"], name="reporting_one_frozen_unit"
            )
        ]

    def __str__(self):
        return f"{self.source} {label_for(self.kind, self.start)} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ReleaseIsFrozen("Frozen counts are never changed.")
        super().save(*args, **kwargs)

    @property
    def label(self):
        return label_for(self.kind, self.start)

    @classmethod
    def purge_expired(cls, now=None):
        """Delete true counts older than the retention; returns how many went."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.RELEASE_TRUE_COUNTS_RETENTION_DAYS)
        deleted, _rows = cls.objects.filter(frozen_at__lt=cutoff).delete()
        return deleted


_LABEL_PATTERNS = {
    PeriodKind.YEAR: r"^(\d{4})$",
    PeriodKind.QUARTER: r"^(\d{4})-Q([1-4])$",
    PeriodKind.MONTH: r"^(\d{4})-(\d{2})$",
}


class PeriodNotReleasable(ValueError):
    """The asked-for dates are not one closed calendar period; the message says what to ask instead."""


# Years a reporting period may name: anything else is a typing error, not a period (and year 9999's
# last day would overflow the calendar).
FIRST_REPORTING_YEAR, LAST_REPORTING_YEAR = 2000, 2999


class ReportingPeriodQuerySet(models.QuerySet):
    def closed(self, today=None):
        """Periods whose last day is before today: the only periods any aggregate is released for."""
        return self.filter(end__lt=today or datetime.date.today())

    def named(self, label):
        """The period for a label (`2025`, `2025-Q3`, `2025-10`), created on first use."""
        kind, start = ReportingPeriod.parse_label(label)
        period, _created = self.get_or_create(
            kind=kind, start=start, defaults={"end": ReportingPeriod.end_of(kind, start)}
        )
        return period

    def release(self, label=None, date_from=None, date_to=None, today=None):
        """The closed period named by a label or by exactly its first and last day; refuses anything else.

        Only whole calendar months, quarters and years that have ended are released, so two released
        tables never differ by one day (or by one person's answer given that day).
        """
        today = today or datetime.date.today()
        if label:
            try:
                period = self.named(label)
            except ValueError as error:
                raise PeriodNotReleasable(
                    _(
                        "“%(label)s” is not a reporting period. Use a year (2025), a quarter (2025-Q3) or a month (2025-10)."
                    )
                    % {"label": label}
                ) from error
        else:
            period = None
            for kind in PeriodKind:
                if (
                    date_from
                    and date_to
                    and date_from == ReportingPeriod.start_of(kind, date_from)
                    and date_to == ReportingPeriod.end_of(kind, date_from)
                ):
                    period = self.named(ReportingPeriod.label_for(kind, date_from))
                    break
            if period is None:
                raise PeriodNotReleasable(
                    _(
                        "Figures are released only for a whole calendar month, quarter or year that has ended. "
                        "Give its first and last day, or name it: a year (2025), a quarter (2025-Q3) or a month (2025-10)."
                    )
                )
        if period.end >= today:
            raise PeriodNotReleasable(
                _("%(period)s has not ended yet: its figures are released after %(end)s.")
                % {"period": period.name, "end": period.end.isoformat()}
            )
        return period

    def latest_closed(self, kind=PeriodKind.MONTH, today=None):
        today = today or datetime.date.today()
        return self.named(
            ReportingPeriod.label_for(kind, ReportingPeriod.start_of(kind, today) - datetime.timedelta(days=1))
        )

    def recent_closed_labels(self, today=None, months=12, quarters=8, years=3):
        """Labels of the most recent closed periods of each kind, newest first (for choosing one)."""
        today = today or datetime.date.today()
        labels = []
        for kind, count in ((PeriodKind.MONTH, months), (PeriodKind.QUARTER, quarters), (PeriodKind.YEAR, years)):
            day = today
            for _number in range(count):
                day = ReportingPeriod.start_of(kind, day) - datetime.timedelta(days=1)
                labels.append(ReportingPeriod.label_for(kind, day))
        return labels


class ReportingPeriod(models.Model):
    """A calendar month, quarter or year, independent of any program.

    Aggregates are released only for a period that has ended (`ReportingPeriod.objects.closed()`),
    as a stored `reporting.Release`. Labels: `2025` (year), `2025-Q3` (quarter), `2025-10` (month).
    """

    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-start", "kind"]
        # The table it had in the feedback app, where it was first defined (reporting/0002).
        db_table = "feedback_reportingperiod"
        constraints = [models.UniqueConstraint(fields=["kind", "start"], name="feedback_one_period_per_kind_and_start")]

    def __str__(self):
        return str(self.name)

    start_of = staticmethod(periods.start_of)
    end_of = staticmethod(periods.end_of)
    label_for = staticmethod(periods.label_for)

    @staticmethod
    def parse_label(label):
        """(kind, first day) of a label; ValueError when it names no period."""
        for kind, pattern in _LABEL_PATTERNS.items():
            match = re.match(pattern, str(label or "").strip())
            if match:
                year, part = int(match.group(1)), int(match.group(2)) if match.lastindex > 1 else 1
                if not FIRST_REPORTING_YEAR <= year <= LAST_REPORTING_YEAR:
                    break
                month = (part - 1) * 3 + 1 if kind == PeriodKind.QUARTER else part
                return kind, datetime.date(year, month, 1)
        raise ValueError(label)

    @property
    def label(self):
        return self.label_for(self.kind, self.start)

    @property
    def name(self):
        """The period as people say it: "October 2025", "2025 Q3 (July to September)", "2025"."""
        from django.utils.formats import date_format

        if self.kind == PeriodKind.YEAR:
            return str(self.start.year)
        if self.kind == PeriodKind.QUARTER:
            return _("%(year)s Q%(quarter)s (%(first)s to %(last)s)") % {
                "year": self.start.year,
                "quarter": (self.start.month - 1) // 3 + 1,
                "first": date_format(self.start, "F"),
                "last": date_format(self.end, "F"),
            }
        return date_format(self.start, "F Y")

    def is_closed(self, today=None):
        return self.end < (today or datetime.date.today())

    @classmethod
    def last_closed(cls, kind, today=None):
        """The period of `kind` that ended last, unsaved: for naming it on a page that writes nothing."""
        start = cls.start_of(kind, cls.start_of(kind, today or datetime.date.today()) - datetime.timedelta(days=1))
        return cls(kind=kind, start=start, end=cls.end_of(kind, start))

    def as_json(self):
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "label": self.label, "kind": self.kind}
