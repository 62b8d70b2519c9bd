"""The JSON commands, the public Impact page and the demo records."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from feedback.models import Program
from feedback.outcomes.models import DOMAIN_CODES, AsoAssessment

from .helpers import assess, make_program

pytestmark = pytest.mark.django_db

BLOCK_KEYS = ["n", "first_mean", "latest_mean", "mean_change", "improved_measurable_pct", "improved_substantial_pct"]


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
    assert summary == {
        "program": "ke-json",
        "period": {"from": "2024-01-01", "to": "2024-12-31"},
        "survivors": 5,
        "assessments": 10,
        "domains": {
            **{
                code: {
                    "n": 5,
                    "first_mean": 2.0,
                    "latest_mean": 2.5,
                    "mean_change": 0.5,
                    "improved_measurable_pct": 100.0,
                    "improved_substantial_pct": 0.0,
                }
                for code in DOMAIN_CODES
            },
            "safety": dict.fromkeys(BLOCK_KEYS),
        },
        "overall": {**dict.fromkeys(BLOCK_KEYS), "restored_pct": None},
        "suppressed": ["safety", "overall"],
    }


def test_aso_summary_without_a_period(program):
    assert command_json("aso_summary", "--program", "ke-json")["period"] == {"from": None, "to": None}


def test_unknown_program_and_bad_dates_are_refused(program):
    with pytest.raises(CommandError, match="Unknown program"):
        call_command("aso_summary", "--program", "nope")
    with pytest.raises(CommandError):
        call_command("aso_summary", "--program", "ke-json", "--from", "01/01/2024")


def test_program_report_puts_feedback_beside_outcomes(program):
    report = command_json("program_report", "--program", "ke-json", "--format", "json")
    assert list(report) == ["program", "period", "feedback", "outcomes", "domains"]
    assert report["outcomes"] == command_json("aso_summary", "--program", "ke-json")
    assert report["domains"]["social_support"] == {
        "survivor_voice_mean": None,
        "survivor_voice_n": None,
        "assessed_latest_mean": 2.5,
        "assessed_mean_change": 0.5,
    }
    assert report["domains"]["safety"]["assessed_latest_mean"] is None
    assert report["feedback"]["responses"]["total"] == 0


def test_the_impact_page_shows_only_published_programs_above_the_cell_size(client, program):
    hidden = make_program("hidden", name="Hidden program")
    small = make_program("small", name="Small program", publish_impact=True)
    assess(small, "ONLY-ONE", "2024-01-01", "intake", score=2.0)
    assess(hidden, "X", "2024-01-01", "intake", score=2.0)
    response = client.get("/en/impact/")
    assert response.status_code == 200
    text = response.text
    assert "Program ke-json" in text and "5 survivors assessed." in text
    assert "Hidden program" not in text
    assert "Small program" in text and "Fewer than 5 survivors have been assessed" in text
    assert "+0.50" in text and "fewer than 5" in text  # safety is a small cell


@pytest.mark.parametrize("code", ["en", "es", "fr", "pt", "hi", "sw", "km", "ar"])
def test_the_impact_page_exists_in_every_language(client, program, code):
    response = client.get(f"/{code}/impact/")
    assert response.status_code == 200
    assert f'lang="{code}"' in response.text
    assert 'style="' not in response.text and "<script>" not in response.text


def test_the_impact_url_is_language_prefixed():
    with translation.override("sw"):
        assert reverse("impact") == "/sw/impact/"


def test_demo_records_are_generated_once(demo_site):
    from feedback.outcomes import demo

    class Quiet:
        def write(self, *_args):
            pass

    demo.seed(Quiet())
    count = AsoAssessment.objects.count()
    assert count > 4 * 240 * 2
    before = list(AsoAssessment.objects.order_by("pk").values_list("pk", "case_hash", "safety", "subdomain_scores"))
    demo.seed(Quiet())
    assert (
        list(AsoAssessment.objects.order_by("pk").values_list("pk", "case_hash", "safety", "subdomain_scores"))
        == before
    )
    program = Program.objects.get(code="sample-ke-aftercare")
    summary = command_json("aso_summary", "--program", program.code)
    assert summary["survivors"] == 240
    assert summary["suppressed"] == []
    assert summary["overall"]["mean_change"] > 0


def test_survivor_voice_is_suppressed_below_the_cell_size(program, monkeypatch):
    from feedback import reports as feedback_reports

    def voice(program, date_from=None, date_to=None):
        return {
            "safety": {"respondents": 5, "answers": 9, "mean": 2.756},
            "legal_protection": {"respondents": 4, "answers": 4, "mean": 3.0},
            "mental_wellbeing": {"respondents": None, "answers": None, "mean": None},
        }

    monkeypatch.setattr(feedback_reports, "survivor_voice_summary", voice)
    domains = command_json("program_report", "--program", "ke-json")["domains"]
    assert (domains["safety"]["survivor_voice_mean"], domains["safety"]["survivor_voice_n"]) == (2.76, 5)
    assert (domains["legal_protection"]["survivor_voice_mean"], domains["legal_protection"]["survivor_voice_n"]) == (
        None,
        None,
    )
    assert domains["mental_wellbeing"]["survivor_voice_n"] is None
    assert domains["social_support"]["survivor_voice_n"] is None


def test_the_demo_report_shows_survivor_voice_beside_outcomes(seed_everything):
    from feedback.reports import survivor_voice_summary

    program = Program.objects.get(code="sample-ke-aftercare")
    voice = survivor_voice_summary(program)
    report = command_json("program_report", "--program", program.code)
    mapped = [code for code, values in voice.items() if values["respondents"]]
    assert mapped
    for code in mapped:
        assert report["domains"][code]["survivor_voice_n"] == voice[code]["respondents"]
        assert report["domains"][code]["survivor_voice_mean"] == pytest.approx(voice[code]["mean"], abs=0.006)
        assert report["domains"][code]["assessed_latest_mean"] is not None
    assert report["feedback"]["responses"]["total"] > 0
