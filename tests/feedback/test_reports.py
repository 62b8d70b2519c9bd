"""Feedback reports: the answer scale, the released tables the commands print, reporting periods."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from feedback.models import FeedbackAnswer, QuestionType
from feedback.questions import to_outcome_scale
from reporting.models import Release, ReportingPeriod
from reporting.ptable import cell_key, perturb

from .factories import make_response

pytestmark = pytest.mark.django_db

OCTOBER = datetime.date(2025, 10, 15)


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


def test_the_released_tables_never_contain_free_text(program, survey):
    for _ in range(6):
        make_response(program, survey, submitted_on=OCTOBER, better="The counsellor was kind")
    out = io.StringIO()
    call_command("feedback_summary", "--program", program.code, "--period", "2025-10", stdout=out)
    assert "counsellor" not in out.getvalue()
    assert "counsellor" not in json.dumps(list(Release.objects.values_list("tables", "cells")))
    better = next(question for question in json.loads(out.getvalue())["questions"] if question["key"] == "better")
    assert "distribution" not in better


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


def test_only_ended_periods_are_closed():
    today = datetime.date(2026, 11, 27)
    october, november = ReportingPeriod.objects.named("2026-10"), ReportingPeriod.objects.named("2026-11")
    assert list(ReportingPeriod.objects.closed(today)) == [october]
    assert not november.is_closed(today)
    assert ReportingPeriod.objects.latest_closed(today=today) == october
    assert (
        ReportingPeriod.objects.release(
            date_from=datetime.date(2026, 7, 1), date_to=datetime.date(2026, 9, 30), today=today
        ).label
        == "2026-Q3"
    )
