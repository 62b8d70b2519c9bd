"""The ASO scoring rules against hand-computed cases (default settings: 3.0 restored, +0.5, +1.0, cell 5).

The scoring tests use EXACT rules (a minimum cell of 1, counts not rounded) so that the figures
worked out by hand can be checked on a handful of survivors; means are still released to one
decimal. The disclosure-control tests use the defaults.
"""

import datetime

import pytest

from feedback.models import ReportingPeriod
from gsn_site.privacy import round_half_up
from outcomes.scoring import ScoringRules, aso_summary, domain_score_from_subdomains
from programs.outcome_domains import DOMAIN_CODES

from .helpers import assess, make_program

pytestmark = pytest.mark.django_db

OTHER_DOMAINS = [code for code in DOMAIN_CODES if code != "safety"]
EXACT = ScoringRules(min_cell=1, rounding_base=1)


@pytest.fixture(autouse=True)
def _platform_minimum_of_one(settings):
    settings.PRIVACY_MIN_CELL = 1


def summary_of(program, rules=EXACT, label=None):
    """The summary over every assessment (2024-2025 as one span) or over a named period."""
    period = (
        ReportingPeriod.objects.named(label)
        if label
        else ReportingPeriod(kind="year", start=datetime.date(2024, 1, 1), end=datetime.date(2025, 12, 31))
    )
    return aso_summary(program, period, rules=rules)


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


def test_counts_survivors_and_assessments(program):
    summary = summary_of(program)
    assert summary["survivors"] == 7
    assert summary["assessments"] == 14


def test_domain_with_a_missing_first_score_leaves_that_survivor_out(program):
    safety = summary_of(program)["domains"]["safety"]
    # S1-S5: first 2, 1.5, 3, 2, 2; latest 3, 2, 3.5, 2.25, 1.5.
    assert safety == {
        "n": 5,
        "first_mean": 2.1,
        "latest_mean": 2.5,  # 2.45, one decimal
        "mean_change": 0.4,  # 0.35
        "improved_measurable_pct": 60.0,
        "improved_substantial_pct": 20.0,
    }


def test_other_domains_include_every_paired_survivor(program):
    domains = summary_of(program)["domains"]
    for code in OTHER_DOMAINS:
        # S1-S5 and S7: first 12.5/6, latest 15.25/6, change 2.75/6; 4 of 6 by +0.5, 2 of 6 by +1.0.
        assert domains[code] == {
            "n": 6,
            "first_mean": 2.1,  # 2.083
            "latest_mean": 2.5,  # 2.542
            "mean_change": 0.5,  # 0.458
            "improved_measurable_pct": 66.7,
            "improved_substantial_pct": 33.3,
        }


def test_overall_needs_all_six_domains_and_counts_the_restored(program):
    overall = summary_of(program)["overall"]
    assert overall == {
        "n": 5,
        "first_mean": 2.1,
        "latest_mean": 2.5,  # 2.45, one decimal
        "mean_change": 0.4,  # 0.35
        "improved_measurable_pct": 60.0,
        "improved_substantial_pct": 20.0,
        "restored_pct": 40.0,
    }


def test_nothing_is_suppressed_at_the_minimum_cell_size(program):
    assert summary_of(program)["suppressed"] == []


def test_a_block_below_the_minimum_cell_size_is_suppressed(program):
    program.aso_assessments.filter(assessed_on="2024-06-01").delete()  # S5 now has one assessment
    summary = summary_of(program, rules=ScoringRules())
    assert summary["domains"]["safety"] == dict.fromkeys(summary["domains"]["safety"])  # all None, n=4
    assert summary["overall"]["restored_pct"] is None
    # Social support: S1-S4 and S7, n=5; 3 of 5 improved measurably (the 2 others would show): hidden.
    assert summary["domains"]["social_support"]["n"] == 5
    assert summary["domains"]["social_support"]["improved_measurable_pct"] is None
    assert summary["suppressed"][:2] == [
        {"cell": "safety", "reason": "group_fewer_than_min_cell"},
        {"cell": "legal_protection.improved_measurable_pct", "reason": "fewer_than_min_cell"},
    ]
    assert {"cell": "overall", "reason": "group_fewer_than_min_cell"} in summary["suppressed"]


def test_a_program_with_fewer_survivors_than_the_cell_size_shows_only_that(program):
    program.aso_assessments.exclude(assessed_on__in=["2024-01-10", "2024-12-01", "2024-07-10", "2024-02-01"]).delete()
    summary = summary_of(program, rules=ScoringRules())  # S1, S2, S3 left
    assert summary["survivors"] is None
    assert summary["assessments"] is None
    assert [entry["cell"] for entry in summary["suppressed"]] == ["survivors", *DOMAIN_CODES, "overall"]
    assert {entry["reason"] for entry in summary["suppressed"]} == {"group_fewer_than_min_cell"}
    assert all(value is None for block in summary["domains"].values() for value in block.values())


def test_a_period_is_inclusive_at_both_ends(program):
    summary = summary_of(program, rules=ScoringRules(), label="2024")
    # Inside 2024: S1, S2, S4, S5, S6, S7 both or one, S3 intake + ad hoc: 7 survivors, 13 assessments.
    assert summary["survivors"] == 5  # 7, rounded to 5
    assert summary["assessments"] == 15  # 13, rounded to 15
    # Paired in safety: S1, S2, S3 (intake to ad hoc), S4, S5: 5.
    assert summary["domains"]["safety"]["n"] == 5
    assert summary["period"] == {"from": "2024-01-01", "to": "2024-12-31", "label": "2024", "kind": "year"}


def test_the_settings_change_the_bands():
    program = make_program()
    # 25 survivors, five at each change from +0 to +1.0, so that every share counts at least 5.
    for number in range(25):
        assess(program, f"C{number}", "2024-01-01", "intake", score=2.0)
        assess(program, f"C{number}", "2024-06-01", "six_month", score=2.0 + 0.25 * (number % 5))
    rules = ScoringRules(
        restoration_threshold=2.5, measurable_improvement=0.25, substantial_improvement=0.75, min_cell=5
    )
    overall = summary_of(program, rules=rules)["overall"]
    assert overall["improved_measurable_pct"] == 80.0
    assert overall["improved_substantial_pct"] == 40.0
    assert overall["restored_pct"] == 60.0


def test_a_larger_minimum_cell_size_hides_more():
    program = make_program()
    for number in range(5):
        assess(program, f"C{number}", "2024-01-01", "intake", score=2.0)
        assess(program, f"C{number}", "2024-06-01", "closure", score=3.0)
    assert summary_of(program, rules=ScoringRules())["survivors"] == 5
    assert summary_of(program, rules=ScoringRules(min_cell=6))["survivors"] is None


def test_exact_json_keys():
    program = make_program("shape")
    summary = summary_of(program)
    assert list(summary) == ["program", "period", "survivors", "assessments", "domains", "overall", "suppressed"]
    assert list(summary["domains"]) == list(DOMAIN_CODES)
    assert list(summary["domains"]["safety"]) == [
        "n",
        "first_mean",
        "latest_mean",
        "mean_change",
        "improved_measurable_pct",
        "improved_substantial_pct",
    ]
    assert list(summary["overall"]) == [*summary["domains"]["safety"], "restored_pct"]
    # No assessments at all: zero survivors is not a small cell, every block has no data.
    assert summary["survivors"] == 0
    assert summary["suppressed"] == [{"cell": code, "reason": "no_data"} for code in (*DOMAIN_CODES, "overall")]


def test_domain_score_is_the_mean_of_its_sub_domains():
    assert domain_score_from_subdomains([3, 2, 2]) == pytest.approx(7 / 3)
    assert domain_score_from_subdomains([None, 4]) == 4
    assert domain_score_from_subdomains([]) is None


def test_rounding_is_half_up():
    assert round_half_up(2.675, 2) == 2.68
    assert round_half_up(2.125, 2) == 2.13
    assert round_half_up(66.66666, 1) == 66.7
