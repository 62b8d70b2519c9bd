"""The ASO scoring rules: the one place that says what a summary of assessments means.

- A domain score is the mean of its sub-domain scores (`domain_score_from_subdomains`).
- The overall score of an assessment is the mean of its six domain scores, undefined when any is empty.
- A survivor's first and latest assessments are the earliest and last by date; on the same date the
  occasion decides, in the order intake, six_month, annual, ad_hoc, closure (`Occasion` values).
- The paired set of a domain: survivors with at least two assessments whose first and latest both
  score that domain. Its size is `n`; means, change and shares improved are over that set.
- Improvement bands and the restoration threshold come from `OutcomeSettings`.
- Every released figure passes through gsn_site.privacy's DisclosureControl: a block whose n is
  below the minimum cell size shows no values, a share improved is hidden when the survivors it
  counts (or the rest) are a small cell, counts are rounded to 5 and means to one decimal; a
  program with fewer survivors than the minimum shows nothing but the fact.

`summarise_assessments` computes everything in one SQL statement (window functions and
aggregates), so that 100,000 assessments summarise in well under a second.
"""

from dataclasses import dataclass

from django.db import connection

from gsn_site.models import PrivacySettings
from gsn_site.privacy import (
    GROUP_FEWER_THAN_MIN_CELL,
    NO_DATA,
    ROUNDING_BASE,
    DisclosureControl,
    suppression,
)
from programs.outcome_domains import DOMAIN_CODES

from .models import AsoAssessment, OutcomeSettings

OVERALL = "overall"
# Scores are stored as floats: a change of exactly 0.5 may come out as 0.49999999999.
_EPSILON = 1e-9
SUBDOMAIN_TOLERANCE = 0.01


@dataclass(frozen=True)
class ScoringRules:
    restoration_threshold: float = 3.0
    measurable_improvement: float = 0.5
    substantial_improvement: float = 1.0
    min_cell: int = 5
    # Shown counts are rounded to this base (gsn_site.privacy); 1 leaves them exact.
    rounding_base: int = ROUNDING_BASE

    @classmethod
    def from_settings(cls, outcome_settings=None):
        outcome_settings = outcome_settings or OutcomeSettings.current()
        return cls(
            restoration_threshold=float(outcome_settings.restoration_threshold),
            measurable_improvement=float(outcome_settings.measurable_improvement),
            substantial_improvement=float(outcome_settings.substantial_improvement),
            min_cell=PrivacySettings.current().effective_min_cell,
        )

    @property
    def disclosure(self):
        """The disclosure control for these rules' minimum cell size (never below the platform's)."""
        return DisclosureControl(
            min_cell=DisclosureControl.with_minimum(self.min_cell).min_cell, rounding_base=self.rounding_base
        )


def domain_score_from_subdomains(scores):
    """The mean of a domain's sub-domain scores, or None when none was given."""
    scores = [score for score in scores if score is not None]
    return sum(scores) / len(scores) if scores else None


def _summary_sql(base_sql, rules):
    """SQL over the filtered assessments (`base_sql`: id, case_hash, assessed_on, occasion) that
    returns one row of statistics.

    A window over each case finds its first and latest assessment ids (the occasion number is the
    tie order on one date; the id only makes the order total); the scores are then read by primary
    key, so the window carries three values per row rather than fourteen.
    """
    q = connection.ops.quote_name
    table = q(AsoAssessment._meta.db_table)

    def score(alias, code):
        if code != OVERALL:
            return f"{alias}.{q(code)}"
        return "(" + " + ".join(f"{alias}.{q(domain)}" for domain in DOMAIN_CODES) + f") / {len(DOMAIN_CODES)}.0"

    measurable = rules.measurable_improvement - _EPSILON
    substantial = rules.substantial_improvement - _EPSILON
    restored = rules.restoration_threshold - _EPSILON
    statistics = []
    for code in (*DOMAIN_CODES, OVERALL):
        first, latest = score("f", code), score("l", code)
        paired = f"e.n_assessments >= 2 AND {first} IS NOT NULL AND {latest} IS NOT NULL"
        statistics += [
            f"SUM(CASE WHEN {paired} THEN 1 ELSE 0 END)",
            f"AVG(CASE WHEN {paired} THEN {first} END)",
            f"AVG(CASE WHEN {paired} THEN {latest} END)",
            f"AVG(CASE WHEN {paired} THEN {latest} - {first} END)",
            f"SUM(CASE WHEN {paired} AND {latest} - {first} >= {measurable!r} THEN 1 ELSE 0 END)",
            f"SUM(CASE WHEN {paired} AND {latest} - {first} >= {substantial!r} THEN 1 ELSE 0 END)",
        ]
        if code == OVERALL:
            statistics.append(f"SUM(CASE WHEN {paired} AND {latest} >= {restored!r} THEN 1 ELSE 0 END)")
    return f"""
        WITH ends AS (
            SELECT a.id AS first_id, LAST_VALUE(a.id) OVER w AS latest_id,
                ROW_NUMBER() OVER w AS position, COUNT(*) OVER w AS n_assessments
            FROM ({base_sql}) a
            WINDOW w AS (
                PARTITION BY a.case_hash ORDER BY a.assessed_on, a.occasion, a.id
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            )
        )
        SELECT COUNT(*), COALESCE(SUM(e.n_assessments), 0),
            {", ".join(statistics)}
        FROM ends e
        JOIN {table} f ON f.id = e.first_id
        JOIN {table} l ON l.id = e.latest_id
        WHERE e.position = 1
    """


def _empty_block(with_restored=False):
    block = {
        "n": None,
        "first_mean": None,
        "latest_mean": None,
        "mean_change": None,
        "improved_measurable_pct": None,
        "improved_substantial_pct": None,
    }
    if with_restored:
        block["restored_pct"] = None
    return block


def summarise_assessments(assessments, rules):
    """Statistics of a queryset of assessments (already filtered to a program and period).

    Returns {"survivors", "assessments", "domains": {code: block}, "overall": block, "suppressed": [...]},
    each hidden value None with a {"cell", "reason"} entry in `suppressed`.
    """
    control = rules.disclosure
    base = assessments.order_by().values("id", "case_hash", "assessed_on", "occasion")
    base_sql, params = base.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(_summary_sql(base_sql, rules), params)
        row = list(cursor.fetchone())

    survivors, assessment_count = int(row.pop(0)), int(row.pop(0))
    blocks, suppressed = {}, []
    program_too_small = control.is_small(survivors)
    for code in (*DOMAIN_CODES, OVERALL):
        is_overall = code == OVERALL
        n, first, latest, change, measurable, substantial = row[:6]
        del row[:6]
        restored = row.pop(0) if is_overall else None
        n = int(n or 0)
        if program_too_small or n == 0 or control.is_small(n):
            blocks[code] = _empty_block(with_restored=is_overall)
            suppressed.append(
                suppression(code, NO_DATA if n == 0 and not program_too_small else GROUP_FEWER_THAN_MIN_CELL)
            )
            continue
        shares = {"improved_measurable_pct": measurable, "improved_substantial_pct": substantial}
        if is_overall:
            shares["restored_pct"] = restored
        blocks[code] = {
            "n": control.count(n),
            "first_mean": control.mean(first, n)[0],
            "latest_mean": control.mean(latest, n)[0],
            "mean_change": control.change(change, n)[0],
        }
        for key, people in shares.items():
            share, reason = control.percentage(int(people), n)
            blocks[code][key] = share
            if reason:
                suppressed.append(suppression(f"{code}.{key}", reason))

    if program_too_small:
        # Nothing but the fact that there are too few survivors to show anything.
        suppressed.insert(0, suppression("survivors", GROUP_FEWER_THAN_MIN_CELL))
        survivors = assessment_count = None
    return {
        "survivors": control.count(survivors),
        "assessments": control.count(assessment_count),
        "domains": {code: blocks[code] for code in DOMAIN_CODES},
        "overall": blocks[OVERALL],
        "suppressed": suppressed,
    }


def assessments_for(program, date_from=None, date_to=None):
    """A program's assessments inside a period, both ends inclusive."""
    assessments = AsoAssessment.objects.filter(program=program)
    if date_from:
        assessments = assessments.filter(assessed_on__gte=date_from)
    if date_to:
        assessments = assessments.filter(assessed_on__lte=date_to)
    return assessments


def aso_summary(program, period, rules=None):
    """The outcome summary of a program and closed period, in the shape `aso_summary --format json` prints."""
    rules = rules or ScoringRules.from_settings()
    summary = summarise_assessments(assessments_for(program, period.start, period.end), rules)
    return {"program": program.code, "period": period.as_json(), **summary}
