"""Aggregate reports: exact numbers, small cells hidden (with complementary suppression)."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from feedback.models import FeedbackAnswer, QuestionType, ReportingPeriod
from feedback.questions import outcome_scale_expression, to_outcome_scale
from feedback.reports import feedback_summary, survivor_voice_summary
from reporting.models import Release
from reporting.ptable import cell_key, perturb

from .factories import make_response

pytestmark = pytest.mark.django_db

OCTOBER = datetime.date(2025, 10, 15)


@pytest.fixture
def october():
    return ReportingPeriod.objects.named("2025-10")


@pytest.mark.parametrize(
    ("question_type", "number", "reverse", "expected"),
    [
        ("likert", 1, False, 1.0),
        ("likert", 3, False, 2.5),
        ("likert", 5, False, 4.0),
        ("likert", 5, True, 1.0),
        ("likert", 2, True, 3.25),
        ("yes_no_unsure", 2, False, 4.0),
        ("yes_no_unsure", 1, False, 2.5),
        ("yes_no_unsure", 0, False, 1.0),
        ("scale_0_10", 0, False, 1.0),
        ("scale_0_10", 10, False, 4.0),
        ("scale_0_10", 4, False, 2.2),
        ("scale_0_10", 4, True, 2.8),
        ("single_choice", None, False, None),
        ("free_text", None, False, None),
    ],
)
def test_answers_map_onto_the_outcome_scale(question_type, number, reverse, expected):
    assert (
        to_outcome_scale(question_type, number, reverse) == pytest.approx(expected)
        if expected
        else to_outcome_scale(question_type, number, reverse) is None
    )


def test_the_database_computes_the_same_scale_as_python(program, survey):
    cases = [("feel_safe", n) for n in range(1, 6)] + [("often_afraid", n) for n in range(1, 6)]
    cases += [("legal_help_clear", n) for n in range(3)] + [("confident_earning", n) for n in range(11)]
    for key, number in cases:
        make_response(program, survey, **{key: number})
    rows = FeedbackAnswer.objects.annotate(score=outcome_scale_expression()).values_list(
        "question_type", "number", "reverse_scored", "score"
    )
    assert len(rows) == len(cases)
    for question_type, number, reverse, score in rows:
        assert score == pytest.approx(to_outcome_scale(question_type, number, reverse))


def test_survivor_voice_summary_hides_domains_with_few_respondents(program, survey, october):
    for position, number in enumerate((4, 4, 4, 4, 4, 5, 5, 5, 5, 5)):
        make_response(
            program, survey, submitted_on=OCTOBER, feel_safe=number, legal_help_clear=2 if position < 2 else None
        )
    # Safety: five "agree" (3.25) and five "strongly agree" (4.0): mean 3.625, one decimal.
    assert survivor_voice_summary(program, october) == {
        "safety": {"respondents": 10, "answers": 10, "mean": 3.6, "reason": None},
        "legal_protection": {"respondents": None, "answers": None, "mean": None, "reason": "group_fewer_than_min_cell"},
    }


def test_a_mean_is_never_shown_beside_the_answers_it_would_give_back(program, survey, october):
    # One person per answer: every count is hidden, so 5 x mean minus the shown answers would tell.
    for number in (1, 2, 3, 4, 5):
        make_response(program, survey, submitted_on=OCTOBER, feel_safe=number)
    assert survivor_voice_summary(program, october)["safety"] == {
        "respondents": None, "answers": None, "mean": None, "reason": "mean_beside_hidden_answers",
    }  # fmt: skip


def test_summary_counts_and_hides_small_cells_with_complementary_suppression(program, other_program, survey, october):
    # feel-safe: 6 agree, 3 strongly agree, 0 elsewhere; 1 person skips it.
    for _ in range(6):
        make_response(program, survey, submitted_on=OCTOBER, feel_safe=4, contact="every-week")
    for _ in range(3):
        make_response(program, survey, submitted_on=OCTOBER, feel_safe=5, contact="every-month", language="sw")
    make_response(program, survey, submitted_on=OCTOBER, contact="every-week", language="sw", channel="paper")
    make_response(other_program, survey, submitted_on=OCTOBER, feel_safe=1)
    make_response(program, survey, submitted_on=datetime.date(2025, 11, 1), feel_safe=1)

    summary = feedback_summary(program, october)
    assert summary["responses"]["total"] == 10
    # sw (4) is hidden, and with it the smallest shown non-zero cell, en (6): zeros stay shown.
    assert summary["responses"]["by_language"] == {
        "en": None,
        "es": 0,
        "fr": 0,
        "pt": 0,
        "hi": 0,
        "sw": None,
        "km": 0,
        "ar": 0,
    }
    assert summary["responses"]["by_channel"] == {
        "web": None,
        "assisted": 0,
        "paper": None,
        "sms": 0,
        "ussd": 0,
        "whatsapp": 0,
    }
    feel_safe = next(question for question in summary["questions"] if question["key"] == "feel-safe")
    assert feel_safe["answered"] is None  # 9 of 10 answered: the 1 who skipped would show
    assert feel_safe["distribution"] == {"5": None, "4": None, "3": 0, "2": 0, "1": 0}
    contact = next(question for question in summary["questions"] if question["key"] == "contact")
    assert contact["answered"] == 10
    assert contact["distribution"] == {"every-week": None, "every-month": None, "never": 0}
    assert {"cell": "responses.by_language.sw", "reason": "fewer_than_min_cell"} in summary["suppressed"]
    assert {"cell": "responses.by_language.en", "reason": "protects_hidden_cell"} in summary["suppressed"]
    assert {"cell": "questions.feel-safe.answered", "reason": "skipped_fewer_than_min_cell"} in summary["suppressed"]
    assert summary["period"] == {"from": "2025-10-01", "to": "2025-10-31", "label": "2025-10", "kind": "month"}
    assert json.loads(json.dumps(summary)) == summary


def test_a_period_with_few_responses_shows_no_numbers_at_all(program, survey, october):
    for _ in range(4):
        make_response(program, survey, submitted_on=OCTOBER, feel_safe=4)
    summary = feedback_summary(program, october)
    assert summary["responses"]["total"] is None
    assert set(summary["responses"]["by_language"].values()) == {None}
    assert summary["questions"][0]["answered"] is None
    assert set(summary["questions"][0]["distribution"].values()) == {None}


def test_summary_never_contains_free_text(program, survey, october):
    for _ in range(6):
        make_response(program, survey, submitted_on=OCTOBER, better="The counsellor was kind")
    summary = feedback_summary(program, october)
    assert "counsellor" not in json.dumps(summary)
    assert next(question for question in summary["questions"] if question["key"] == "better") == {
        "key": "better", "text": "Question better?", "type": QuestionType.FREE_TEXT, "domain": None, "answered": 5,
    }  # fmt: skip


def test_feedback_summary_command_prints_the_stored_release(program, survey):
    for day in (1, 2, 3, 4, 5, 6, 20):
        make_response(program, survey, submitted_on=datetime.date(2026, 3, day), feel_safe=4)
    out = io.StringIO()
    call_command("feedback_summary", "--program", program.code, "--period", "2026-03", "--format", "json", stdout=out)
    printed = json.loads(out.getvalue())
    release = Release.objects.get(program=program, kind="month", start=datetime.date(2026, 3, 1))
    keys = program.responses.values_list("record_key", flat=True)
    # 7 people, perturbed by the cell key of exactly those 7 responses.
    assert printed["responses"]["total"] == perturb(7, cell_key(keys), 5)
    assert printed["responses"] == release.tables["feedback"]["responses"]
    assert printed["period"] == {"from": "2026-03-01", "to": "2026-03-31", "label": "2026-03", "kind": "month"}
    assert printed["release"]["version"] == 1 and printed["release"]["method"] == "cell key"
    feel_safe = next(question for question in printed["questions"] if question["key"] == "feel-safe")
    assert feel_safe["distribution"]["4"] == feel_safe["answered"] == printed["responses"]["total"]
    assert feel_safe["labels"]["4"] == "Agree"
    same = io.StringIO()
    call_command(
        "feedback_summary", "--program", program.code, "--from", "2026-03-01", "--to", "2026-03-31", stdout=same
    )
    assert json.loads(same.getvalue()) == printed


def test_a_period_whose_answers_can_still_be_withdrawn_is_not_released(program, survey, settings):
    from django.core.management import CommandError

    settings.FEEDBACK_WITHDRAWAL_DAYS = 36500
    make_response(program, survey, submitted_on=datetime.date(2026, 3, 2), feel_safe=4)
    with pytest.raises(CommandError) as refused:
        call_command("feedback_summary", "--program", program.code, "--period", "2026-03", stdout=io.StringIO())
    assert str(refused.value).startswith("Figures for March 2026 are released on ")
    assert str(refused.value).endswith(", once the time to withdraw an answer has passed.")
    assert not Release.objects.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--from", "2026-03-01", "--to", "2026-03-10"],
            "Figures are released only for a whole calendar month, quarter or year that has ended.",
        ),
        (["--period", "2026-13"], "“2026-13” is not a reporting period."),
        (["--period", str(datetime.date.today().year)], "has not ended yet"),
    ],
)
def test_feedback_summary_refuses_anything_but_a_closed_calendar_period(program, arguments, message):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        call_command("feedback_summary", "--program", program.code, *arguments, stdout=io.StringIO())


def test_purge_removes_old_free_text_and_keeps_structured_answers(program, survey, settings):
    settings.FEEDBACK_TEXT_RETENTION_DAYS = 730
    old = make_response(
        program,
        survey,
        submitted_on=datetime.date.today() - datetime.timedelta(days=731),
        feel_safe=4,
        better="Old words",
    )
    recent = make_response(
        program,
        survey,
        submitted_on=datetime.date.today() - datetime.timedelta(days=700),
        feel_safe=3,
        better="Recent words",
    )
    out = io.StringIO()
    call_command("purge_feedback_text", stdout=out)
    assert [(a.question_key, a.number, a.text) for a in old.answers.all()] == [("feel-safe", 4, "")]
    assert sorted((a.question_key, a.number, a.text) for a in recent.answers.all()) == [
        ("better", None, "Recent words"),
        ("feel-safe", 3, ""),
    ]
    assert "Removed 1 free-text answers" in out.getvalue()
    old.refresh_from_db()
    assert old.receipt_hash is None
    call_command("purge_feedback_text", "--older-than-days", "10", stdout=io.StringIO())
    assert not FeedbackAnswer.objects.filter(question_type=QuestionType.FREE_TEXT).exists()


@pytest.mark.parametrize(
    ("label", "start", "end", "name"),
    [
        ("2025", "2025-01-01", "2025-12-31", "2025"),
        ("2025-Q4", "2025-10-01", "2025-12-31", "2025 Q4 (October to December)"),
        ("2024-02", "2024-02-01", "2024-02-29", "February 2024"),
    ],
)
def test_reporting_periods_are_calendar_months_quarters_and_years(label, start, end, name):
    period = ReportingPeriod.objects.named(label)
    assert (period.start.isoformat(), period.end.isoformat(), period.name, period.label) == (start, end, name, label)
    assert ReportingPeriod.objects.named(label) == period  # created once


def test_only_ended_periods_are_closed_and_only_snapshots_are_published():
    from outcomes.models import ImpactSnapshot

    today = datetime.date(2026, 11, 27)
    october, november = ReportingPeriod.objects.named("2026-10"), ReportingPeriod.objects.named("2026-11")
    assert list(ReportingPeriod.objects.closed(today)) == [october]
    assert not november.is_closed(today)
    ImpactSnapshot.objects.create(period=october, figures={"programs": []})
    assert list(ReportingPeriod.objects.published()) == [october]
    assert ReportingPeriod.objects.latest_closed(today=today) == october
    assert (
        ReportingPeriod.objects.release(
            date_from=datetime.date(2026, 7, 1), date_to=datetime.date(2026, 9, 30), today=today
        ).label
        == "2026-Q3"
    )
