"""Calendar periods as released: a month, a quarter or a year, named by a label (`2025-10`,
`2025-Q3`, `2025`). Pure date arithmetic, shared by feedback's ReportingPeriod and the releases."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")


MONTHS_IN = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}


@dataclass(frozen=True)
class Period:
    """A calendar period by kind and first day (feedback's ReportingPeriod has the same three attributes)."""

    kind: str
    start: datetime.date

    @property
    def end(self):
        return end_of(self.kind, self.start)

    @property
    def label(self):
        return label_for(self.kind, self.start)


def start_of(kind, day):
    if kind == PeriodKind.YEAR:
        return day.replace(month=1, day=1)
    if kind == PeriodKind.QUARTER:
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(day=1)


def end_of(kind, day):
    start = start_of(kind, day)
    month = start.month - 1 + MONTHS_IN[kind]
    return datetime.date(start.year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)


def label_for(kind, day):
    if kind == PeriodKind.YEAR:
        return f"{day.year}"
    if kind == PeriodKind.QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def months_in(kind, start):
    """The first day of every month of the period starting on `start`, in order."""
    months, day = [], start
    for _number in range(MONTHS_IN[kind]):
        months.append(day)
        day = end_of(PeriodKind.MONTH, day) + datetime.timedelta(days=1)
    return months
