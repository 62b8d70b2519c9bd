"""Disclosure control: the one set of rules every released aggregate passes through (privacy rule 5).

The methods are those of the ESS Handbook on Statistical Disclosure Control, chapter "Frequency
tables", as national statistics offices apply them to small counts:

- **Primary suppression**: a count of 1 to `min_cell - 1` people is never shown.
- **Secondary suppression**: further cells are hidden until the hidden cells of a row cannot be
  worked out from the rest. Zero cells are never chosen (a shown zero is exact, so hiding one
  protects nothing and its choice would itself say which cells are small); the smallest non-zero
  shown cells are chosen until every hidden cell could hold at least `min_cell` different values.
- **Rounding**: every shown count is rounded to a base (5), so that two tables of overlapping
  groups cannot be subtracted to recover a small difference.
- **Statistics beside counts**: a mean, a percentage or a change is shown only for at least
  `min_cell` people; a mean is never shown beside the answer counts it comes from while one of them
  is hidden (mean times n minus the shown answers would give the hidden ones back); a percentage is
  hidden when the people it counts, or the rest, are a small cell; means are rounded to one decimal.

`DisclosureControl` is built once per request or command (from the larger of PRIVACY_MIN_CELL and
the organisation's outcome settings) and passed to every report function.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Why a value is null in a released table (the `reason` of a `suppressed` entry).
FEWER_THAN_MIN_CELL = "fewer_than_min_cell"
PROTECTS_HIDDEN_CELL = "protects_hidden_cell"
GROUP_FEWER_THAN_MIN_CELL = "group_fewer_than_min_cell"
SKIPPED_FEWER_THAN_MIN_CELL = "skipped_fewer_than_min_cell"
BESIDE_HIDDEN_ANSWERS = "mean_beside_hidden_answers"
# Not a suppression: nobody is in the group (shown as "no data", never as "fewer than N").
NO_DATA = "no_data"

ROUNDING_BASE = 5

_REASON_TEXT = {
    FEWER_THAN_MIN_CELL: _("fewer than %(min)s people"),
    PROTECTS_HIDDEN_CELL: _("hidden so that another hidden figure cannot be worked out"),
    GROUP_FEWER_THAN_MIN_CELL: _("fewer than %(min)s people in this group"),
    SKIPPED_FEWER_THAN_MIN_CELL: _("hidden: fewer than %(min)s people skipped this question"),
    BESIDE_HIDDEN_ANSWERS: _("hidden: it would reveal answers that are hidden"),
    NO_DATA: _("no data"),
}


def reason_text(reason, min_cell):
    """The short note shown beside an empty figure ("fewer than 5 people")."""
    return str(_REASON_TEXT[reason]) % {"min": min_cell} if reason else ""


def suppression_note(min_cell, rounding_base=ROUNDING_BASE):
    return str(
        _(
            "To protect survivors, figures about fewer than %(min)s people are left out, and so are figures that "
            "would let someone work them out. Counts are rounded to the nearest %(base)s and averages to one decimal."
        )
    ) % {"min": min_cell, "base": rounding_base}


def round_half_up(value, places):
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def suppression(cell, reason):
    return {"cell": cell, "reason": reason}


@dataclass(frozen=True)
class DisclosureControl:
    """The released form of counts, tables, means and percentages for one minimum cell size."""

    min_cell: int
    rounding_base: int = ROUNDING_BASE

    @classmethod
    def with_minimum(cls, min_cell=None):
        """Never below the platform minimum (settings.PRIVACY_MIN_CELL), whatever is asked for."""
        return cls(min_cell=max(min_cell or 0, settings.PRIVACY_MIN_CELL))

    def is_small(self, count):
        """True for 1 to min_cell - 1 people. Zero people identify nobody."""
        return 0 < count < self.min_cell

    def round_count(self, count):
        return int(self.rounding_base * int(Decimal(count) / self.rounding_base + Decimal("0.5")))

    def count(self, count):
        """A count as released: None when it is a small cell, else rounded to the base."""
        if count is None or self.is_small(count):
            return None
        return self.round_count(count)

    def table(self, counts, name, total=None):
        """Release a row of counts (label -> people). Returns (released row, total hidden, suppressed entries).

        `total` is the number of people the row belongs to when it is released beside the row (it may
        exceed the sum of the cells where people skipped or could choose several answers).
        """
        if total is not None and self.is_small(total):
            return (
                dict.fromkeys(counts),
                True,
                [suppression(f"{name}.{label}", GROUP_FEWER_THAN_MIN_CELL) for label in counts],
            )
        reasons = {label: FEWER_THAN_MIN_CELL for label, count in counts.items() if self.is_small(count)}
        total_hidden = False
        while reasons:
            hidden_sum = sum(counts[label] for label in reasons)
            # Each hidden cell holds at least one person, so one of them lies between 1 and
            # hidden_sum - (hidden - 1): that range must hold at least min_cell values.
            if hidden_sum - len(reasons) + 1 >= self.min_cell:
                break
            candidates = sorted((count, label) for label, count in counts.items() if label not in reasons and count > 0)
            if not candidates:
                # Every non-zero cell is hidden and they still add up to too few: the total would tell.
                total_hidden = total is not None
                break
            reasons[candidates[0][1]] = PROTECTS_HIDDEN_CELL
        released = {label: (None if label in reasons else self.round_count(count)) for label, count in counts.items()}
        entries = [suppression(f"{name}.{label}", reason) for label, reason in reasons.items()]
        if total_hidden:
            entries.append(suppression(f"{name}.total", PROTECTS_HIDDEN_CELL))
        return released, total_hidden, entries

    def mean(self, value, n, beside_hidden_answers=False):
        """(released mean or None, reason or None). Means are rounded to one decimal."""
        if value is None or not n:
            return None, None
        if self.is_small(n):
            return None, GROUP_FEWER_THAN_MIN_CELL
        if beside_hidden_answers:
            return None, BESIDE_HIDDEN_ANSWERS
        return round_half_up(value, 1), None

    def change(self, value, n):
        return self.mean(value, n)

    def percentage(self, people, n):
        """(released percentage or None, reason or None) of `people` out of `n`, one decimal."""
        if not n:
            return None, None
        if self.is_small(n):
            return None, GROUP_FEWER_THAN_MIN_CELL
        if self.is_small(people) or self.is_small(n - people):
            return None, FEWER_THAN_MIN_CELL
        return round_half_up(100 * people / n, 1), None
