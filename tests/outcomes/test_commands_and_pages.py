"""The JSON commands and the demo records (the Impact page: test_impact_page)."""

import datetime
import io
import json
from collections import Counter
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from outcomes.models import AsoAssessment, Occasion
from programs.models import Program
from programs.outcome_domains import DOMAIN_CODES
from reporting.models import ReportingPeriod
from reporting.ptable import cell_key, perturb
from reporting.releases import last_releasable_day

from .helpers import assess, make_program

pytestmark = pytest.mark.django_db


def command_json(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def program():
    program = make_program("ke-json", publish_impact=True)
    for number in range(5):
        assess(program, f"C{number}", "2024-01-01", "intake", score=2.0)
        assess(program, f"C{number}", "2024-07-01", "six_month", score=2.5, safety=None)
    return program


def test_aso_summary_prints_exactly_the_documented_shape(program):
    summary = command_json(
        "aso_summary", "--program", "ke-json", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "json"
    )
    # Five survivors; every record is in every cell, so every non-empty cell has the same cell key.
    five = perturb(5, cell_key(AsoAssessment.objects.values_list("record_key", flat=True)), 5)
    shown = {
        "n": five,
        "improved": five,
        "improved_pct": 100,
        "substantial": 0,
        "substantial_pct": 0,
        "first_mean": 2.0,
        "latest_mean": 2.5,
        "mean_change": 0.5,
        "withheld": None,
    }
    # Nobody has a safety score at the latest assessment, so safety and overall have nobody.
    empty = {"n": 0, "improved": 0, "improved_pct": None, "substantial": 0, "substantial_pct": None}
    empty.update({"first_mean": None, "latest_mean": None, "mean_change": None, "withheld": "fewer_assessed"})
    release = summary.pop("release")
    assert release["version"] == 1 and release["method"] == "cell key" and release["min_cell"] == 5
    assert summary == {
        "program": {"code": "ke-json", "name": "Program ke-json"},
        "period": {"from": "2024-01-01", "to": "2024-12-31", "label": "2024", "kind": "year"},
        "survivors": five,
        "domains": {
            **dict.fromkeys(DOMAIN_CODES, shown),
            "safety": empty,
            "overall": {**empty, "restored": 0, "restored_pct": None},
        },
    }
    assert command_json("aso_summary", "--program", "ke-json", "--period", "2024") == {**summary, "release": release}


def test_the_latest_closed_month_is_not_shown_while_its_answers_can_be_withdrawn(program):
    latest = ReportingPeriod.objects.latest_closed()
    with pytest.raises(CommandError, match=f"Figures for {latest.start:%B %Y} are released on "):
        command_json("program_report", "--program", "ke-json", "--period", latest.label)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        # 30 days to withdraw: September is released from 31 October, October from 1 December.
        (datetime.date(2026, 10, 30), "2026-08"),
        (datetime.date(2026, 10, 31), "2026-09"),
        (datetime.date(2026, 11, 30), "2026-09"),
        (datetime.date(2026, 12, 1), "2026-10"),
    ],
)
def test_without_a_period_the_commands_show_the_latest_month_already_released(program, settings, today, expected):
    settings.FEEDBACK_WITHDRAWAL_DAYS, settings.RELEASE_PAPER_GRACE_DAYS = 30, 0
    last_day = last_releasable_day(today)
    with mock.patch("reporting.report_options.last_releasable_day", return_value=last_day):
        assert command_json("aso_summary", "--program", "ke-json")["period"]["label"] == expected


def test_unknown_program_and_bad_dates_are_refused(program):
    with pytest.raises(CommandError, match="Unknown program"):
        call_command("aso_summary", "--program", "nope")
    with pytest.raises(CommandError):
        call_command("aso_summary", "--program", "ke-json", "--from", "01/01/2024")
    with pytest.raises(CommandError, match="only for a whole calendar month, quarter or year that has ended"):
        call_command("program_report", "--program", "ke-json", "--from", "2024-01-01", "--to", "2024-07-01")


def test_program_report_puts_feedback_beside_outcomes(program):
    report = command_json("program_report", "--program", "ke-json", "--period", "2024", "--format", "json")
    assert list(report) == ["program", "period", "release", "feedback", "outcomes", "domains"]
    aso = command_json("aso_summary", "--program", "ke-json", "--period", "2024")
    assert report["outcomes"] == {"survivors": aso["survivors"], "domains": aso["domains"]}
    assert report["domains"]["social_support"] == {
        "survivor_voice_mean": None,
        "survivor_voice_answers": None,
        "survivor_voice_reason": "no_question",
        "assessed_n": aso["domains"]["social_support"]["n"],
        "assessed_latest_mean": 2.5,
        "assessed_mean_change": 0.5,
        "assessed_reason": None,
    }
    assert report["domains"]["safety"]["assessed_latest_mean"] is None
    assert report["feedback"]["responses"]["total"] == 0


def test_the_impact_url_is_language_prefixed():
    with translation.override("sw"):
        assert reverse("impact") == "/sw/impact/"


def test_demo_records_are_generated_once(demo_site):
    from outcomes import demo

    demo.seed(io.StringIO())
    # Intake, six months, yearly and closure for 670 fictional cases over the last two years and this one.
    year = datetime.date.today().year
    per_year = Counter(AsoAssessment.objects.values_list("program__code", "assessed_on__year"))
    assert {key: count for key, count in per_year.items() if key[1] < year} == {
        ("sample-ke-aftercare", year - 2): 118,
        ("sample-ke-aftercare", year - 1): 254,
        ("sample-in-restoration", year - 2): 86,
        ("sample-in-restoration", year - 1): 217,
        ("sample-kh-survivor-care", year - 2): 84,
        ("sample-kh-survivor-care", year - 1): 186,
        ("sample-br-acolhimento", year - 2): 62,
        ("sample-br-acolhimento", year - 1): 145,
    }
    assert {key[1] for key in per_year} == {year - 2, year - 1, year}
    assert not AsoAssessment.objects.filter(assessed_on__gt=datetime.date.today()).exists()
    assert AsoAssessment.objects.values("case_hash").distinct().count() == 670
    assert set(AsoAssessment.objects.values_list("occasion", flat=True)) == {
        Occasion.INTAKE,
        Occasion.SIX_MONTH,
        Occasion.ANNUAL,
        Occasion.CLOSURE,
    }
    assert all(program.is_sample and program.publish_impact for program in Program.objects.all())
    before = list(AsoAssessment.objects.order_by("pk").values_list("pk", "case_hash", "safety", "subdomain_scores"))
    demo.seed(io.StringIO())
    assert (
        list(AsoAssessment.objects.order_by("pk").values_list("pk", "case_hash", "safety", "subdomain_scores"))
        == before
    )
    program = Program.objects.get(code="sample-ke-aftercare")
    summary = command_json("aso_summary", "--program", program.code, "--period", str(year - 1))
    # 155 survivors were assessed last year; each assessment's record key is random, so the released
    # count is 155 moved by the cell key's noise: at most 2 either way.
    assert 153 <= summary["survivors"] <= 157
    overall = summary["domains"]["overall"]
    assert (overall["first_mean"], overall["latest_mean"], overall["mean_change"]) == (2.3, 2.6, 0.2)


def test_the_demo_report_shows_survivor_voice_beside_outcomes(seed_everything):
    program = Program.objects.get(code="sample-ke-aftercare")
    year = str(datetime.date.today().year - 1)
    report = command_json("program_report", "--program", program.code, "--period", year)
    mapped = {question["domain"] for question in report["feedback"]["questions"] if question["domain"]}
    assert mapped
    for code in mapped:
        domain = report["domains"][code]
        # Each mapped domain shows survivor voice, or says why not.
        assert (domain["survivor_voice_mean"] is None) == (domain["survivor_voice_reason"] is not None)
    shown = [code for code in mapped if report["domains"][code]["survivor_voice_mean"] is not None]
    assert any(report["domains"][code]["assessed_latest_mean"] is not None for code in shown)
    assert report["feedback"]["responses"]["total"] > 0
