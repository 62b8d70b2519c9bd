"""The ASO scoring rules: the one place that says what a summary of assessments means.

- A domain score is the mean of its sub-domain scores (`domain_score_from_subdomains`).
- The overall score of an assessment is the mean of its six domain scores, undefined when any is empty.
- A survivor's first and latest assessments are the earliest and last by date; on the same date the
  occasion decides, in the order intake, six_month, annual, ad_hoc, closure (`Occasion` values).
- The paired set of a domain: survivors with at least two assessments whose first and latest both
  score that domain. Its size is `n`; means, change and shares improved are over that set.
- Improvement bands and the restoration threshold come from `OutcomeSettings`.

The counts are taken when a period is released (outcomes.release_tables, `OutcomesSource.collect`);
what is shown of them is the release's business (docs/release-method.md).
"""

from dataclasses import dataclass

from gsn_site.models import PrivacySettings

from .models import OutcomeSettings

OVERALL = "overall"
SUBDOMAIN_TOLERANCE = 0.01


@dataclass(frozen=True)
class ScoringRules:
    restoration_threshold: float = 3.0
    measurable_improvement: float = 0.5
    substantial_improvement: float = 1.0
    min_cell: int = 5

    @classmethod
    def from_settings(cls, outcome_settings=None):
        outcome_settings = outcome_settings or OutcomeSettings.current()
        return cls(
            restoration_threshold=float(outcome_settings.restoration_threshold),
            measurable_improvement=float(outcome_settings.measurable_improvement),
            substantial_improvement=float(outcome_settings.substantial_improvement),
            min_cell=PrivacySettings.current().effective_min_cell,
        )


def domain_score_from_subdomains(scores):
    """The mean of a domain's sub-domain scores, or None when none was given."""
    scores = [score for score in scores if score is not None]
    return sum(scores) / len(scores) if scores else None
