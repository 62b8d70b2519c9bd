"""The ASO scoring rules against hand-computed cases (default settings: 3.0 restored, +0.5, +1.0).

What a release freezes for a period: the true counts of survivors, of the paired set of each domain,
of those who improved measurably or substantially and (overall) of the restored, and the true means
(outcomes.release_tables.OutcomesSource.collect). What is shown of them is tested with the release.
"""

import datetime

import pytest

from gsn_site.privacy import round_half_up
from outcomes.release_tables import OutcomesSource
from outcomes.scoring import ScoringRules, domain_score_from_subdomains
from programs.outcome_domains import DOMAIN_CODES

from .helpers import assess, make_program

pytestmark = pytest.mark.django_db

OTHER_DOMAINS = [code for code in DOMAIN_CODES if code != "safety"]


def counts_of(program, start="2024-01-01", end="2025-12-31", rules=None):
    """({cell: true count}, {block: true means}) over the assessments from `start` to `end`."""
    counts, meta = OutcomesSource().collect(
        program, datetime.date.fromisoformat(start), datetime.date.fromisoformat(end), rules
    )
    return {cell: count for cell, (count, _key) in counts.items()}, meta["means"]


@pytest.fixture
def program():
    """Seven survivors whose statistics are worked out by hand in the tests below."""
    program = make_program("hand-computed")
    # S1: +1.0 everywhere, latest overall 3.0 (restored).
    assess(program, "S1", "2024-01-10", "intake", score=2.0)
    assess(program, "S1", "2024-12-01", "closure", score=3.0)
    # S2: +0.5, latest overall 2.0.
    assess(program, "S2", "2024-01-10", "intake", score=1.5)
    assess(program, "S2", "2024-07-10", "six_month", score=2.0)
    # S3: three assessments; first 3.0, latest 3.5 (restored), the ad hoc one in between is ignored.
    assess(program, "S3", "2024-02-01", "intake", score=3.0)
    assess(program, "S3", "2024-03-01", "ad_hoc", score=2.5)
    assess(program, "S3", "2025-02-01", "annual", score=3.5)
    # S4: closure and intake on the same date, closure saved first: intake is first by the tie order.
    assess(program, "S4", "2024-01-01", "closure", score=2.25)
    assess(program, "S4", "2024-01-01", "intake", score=2.0)
    # S5: worse by 0.5.
    assess(program, "S5", "2024-01-01", "intake", score=2.0)
    assess(program, "S5", "2024-06-01", "six_month", score=1.5)
    # S6: one assessment only: counted as a survivor, never paired.
    assess(program, "S6", "2024-01-01", "intake", score=4.0)
    # S7: safety not assessed at intake: paired in the five other domains, not in safety or overall.
    assess(program, "S7", "2024-01-01", "intake", score=2.0, safety=None)
    assess(program, "S7", "2024-09-01", "closure", score=3.0)
    return program


def test_counts_survivors_with_any_assessment(program):
    counts, _means = counts_of(program)
    assert counts["survivors"] == 7


def test_domain_with_a_missing_first_score_leaves_that_survivor_out(program):
    counts, means = counts_of(program)
    # S1-S5: first 2, 1.5, 3, 2, 2; latest 3, 2, 3.5, 2.25, 1.5; S1, S2, S3 improved by 0.5, S1 by 1.0.
    assert (counts["safety.n"], counts["safety.improved"], counts["safety.substantial"]) == (5, 3, 1)
    assert means["safety"] == pytest.approx({"first": 2.1, "latest": 2.45, "change": 0.35})


def test_other_domains_include_every_paired_survivor(program):
    counts, means = counts_of(program)
    for code in OTHER_DOMAINS:
        # S1-S5 and S7: first 12.5/6, latest 15.25/6; 4 of 6 by +0.5, 2 of 6 by +1.0.
        assert (counts[f"{code}.n"], counts[f"{code}.improved"], counts[f"{code}.substantial"]) == (6, 4, 2)
        assert means[code] == pytest.approx({"first": 12.5 / 6, "latest": 15.25 / 6, "change": 2.75 / 6})


def test_overall_needs_all_six_domains_and_counts_the_restored(program):
    counts, means = counts_of(program)
    # S7 has no overall score at intake; S1 (3.0) and S3 (3.5) reach the threshold.
    assert [counts[f"overall.{name}"] for name in ("n", "improved", "substantial", "restored")] == [5, 3, 1, 2]
    assert means["overall"] == pytest.approx({"first": 2.1, "latest": 2.45, "change": 0.35})


def test_a_period_is_inclusive_at_both_ends(program):
    counts, _means = counts_of(program, "2024-01-01", "2024-12-31")
    # Inside 2024: all seven survivors; S3 is paired from intake to the ad hoc assessment.
    assert counts["survivors"] == 7
    assert counts["safety.n"] == 5
    # S3 got worse inside 2024 (3.0 to 2.5): only S1 and S2 improved in safety.
    assert counts["safety.improved"] == 2


def test_the_settings_change_the_bands():
    program = make_program()
    # 25 survivors, five at each change from +0 to +1.0.
    for number in range(25):
        assess(program, f"C{number}", "2024-01-01", "intake", score=2.0)
        assess(program, f"C{number}", "2024-06-01", "six_month", score=2.0 + 0.25 * (number % 5))
    rules = ScoringRules(restoration_threshold=2.5, measurable_improvement=0.25, substantial_improvement=0.75)
    counts, _means = counts_of(program, rules=rules)
    assert [counts[f"overall.{name}"] for name in ("n", "improved", "substantial", "restored")] == [25, 20, 10, 15]


def test_no_assessments_count_nothing():
    counts, means = counts_of(make_program("empty"))
    assert counts == {} and means == {}


def test_domain_score_is_the_mean_of_its_sub_domains():
    assert domain_score_from_subdomains([3, 2, 2]) == pytest.approx(7 / 3)
    assert domain_score_from_subdomains([None, 4]) == 4
    assert domain_score_from_subdomains([]) is None


def test_rounding_is_half_up():
    assert round_half_up(2.675, 2) == 2.68
    assert round_half_up(2.125, 2) == 2.13
    assert round_half_up(66.66666, 1) == 66.7
