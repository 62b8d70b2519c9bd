"""Three attacks on released figures (privacy rule 5), run against what the commands print.

1. A passive attacker holds every figure printed for a program (every month, quarter and year),
   the published perturbation table, and the rules of the survey (one answer per question), and
   solves an integer program for each small true count.
2. A survivor's answer withdrawn, or a record deleted, after the period was released: a figure
   that moves gives the person away.
3. Late paper entries and a late ASO import after the release: the released figures stay; a
   correction release is stored only when the audit passes with the first version included.
"""

import datetime
import io
import json

import numpy as np
import pytest
from django.core.management import call_command

from feedback.models import FeedbackResponse
from tests.feedback.factories import make_response
from tests.outcomes.helpers import assess
from tests.reporting.helpers import YEAR, program_year

pytestmark = pytest.mark.django_db

MIN_CELL = 5
LIKERT = ["5", "4", "3", "2", "1"]
PERIODS = [f"{YEAR}-{month:02d}" for month in range(1, 13)] + [f"{YEAR}-Q{q}" for q in range(1, 5)] + [str(YEAR)]


def printed(command, program, period):
    out = io.StringIO()
    call_command(command, "--program", program.code, "--period", period, stdout=out)
    return json.loads(out.getvalue())


def all_printed(program):
    return {
        (command, period): printed(command, program, period)
        for command in ("feedback_summary", "aso_summary", "program_report")
        for period in PERIODS
    }


def months_of(period):
    if period == str(YEAR):
        return list(range(1, 13))
    if "-Q" in period:
        quarter = int(period[-1])
        return list(range(3 * quarter - 2, 3 * quarter + 1))
    return [int(period[-2:])]


@pytest.fixture
def program(db):
    program, _survey = program_year()
    return program


def test_a_passive_attacker_narrows_no_small_count_to_one_or_two_values(program):
    from scipy.optimize import Bounds, LinearConstraint, milp

    from reporting.ptable import possible_true_counts

    question = "feel-safe"
    # Variables: people giving each answer in each month, then the number who answered each month.
    cells = [(month, value) for month in range(1, 13) for value in LIKERT]
    index = {cell: number for number, cell in enumerate(cells)}
    answered = {month: len(cells) + month - 1 for month in range(1, 13)}
    size = len(cells) + 12
    rows, lows, highs = [], [], []

    def constrain(coefficients, low, high):
        row = np.zeros(size)
        for variable, coefficient in coefficients:
            row[variable] += coefficient
        rows.append(row)
        lows.append(low)
        highs.append(high)

    for month in range(1, 13):
        constrain([(index[(month, value)], 1) for value in LIKERT] + [(answered[month], -1)], 0, 0)
    collapsed_groups = {"agree": ["5", "4"], "neither": ["3"], "disagree": ["2", "1"]}
    for period in PERIODS:
        figures = next(q for q in printed("feedback_summary", program, period)["questions"] if q["key"] == question)
        months = months_of(period)
        if figures["answered"] is not None:
            constrain([(answered[month], 1) for month in months], *possible_true_counts(figures["answered"], MIN_CELL))
        for shown, released in (figures.get("distribution") or {}).items():
            values = collapsed_groups[shown] if figures["collapsed"] else [shown]
            constrain(
                [(index[(month, value)], 1) for month in months for value in values],
                *possible_true_counts(released, MIN_CELL),
            )
    constraints = LinearConstraint(np.array(rows), lows, highs)
    truth = {}
    for response in FeedbackResponse.objects.filter(program=program).prefetch_related("answers"):
        for answer in response.answers.all():
            if answer.question_key == question:
                cell = (response.submitted_on.month, str(answer.number))
                truth[cell] = truth.get(cell, 0) + 1
    narrowed, checked = [], 0
    for cell, count in truth.items():
        if not 0 < count < MIN_CELL:
            continue
        checked += 1
        objective = np.zeros(size)
        objective[index[cell]] = 1
        extremes = []
        for sign in (1, -1):
            solution = milp(
                sign * objective, integrality=np.ones(size), bounds=Bounds(0, 10**4), constraints=constraints
            )
            assert solution.status == 0
            extremes.append(round(sign * solution.fun))
        if extremes[1] - extremes[0] + 1 <= 2:
            narrowed.append((cell, count, extremes))
    assert checked > 10  # the program has many small cells to attack
    assert narrowed == []


def test_no_printed_count_is_ever_one_to_four(program):
    for (_command, _period), figures in all_printed(program).items():
        text = json.dumps(figures)
        for key in ('"total": ', '"answered": ', '"n": ', '"survivors": ', '"improved": '):
            for part in text.split(key)[1:]:
                number = part.split(",")[0].split("}")[0]
                if number.isdigit():
                    assert not 0 < int(number) < MIN_CELL


def test_a_withdrawal_or_deletion_after_the_release_changes_no_released_figure(program):
    before = all_printed(program)
    # The receipt can no longer withdraw anything (the window has passed); an administrator's
    # deletion of whole responses must not move a released figure either.
    october = FeedbackResponse.objects.filter(program=program, submitted_on__month=10)
    assert FeedbackResponse.objects.withdraw("ANY-CODE") == 0
    for response in list(october[:3]):
        response.delete()
    assert all_printed(program) == before


def test_late_paper_entries_and_a_late_import_change_no_released_figure(program):
    survey = program.feedback_links.first().survey
    before = all_printed(program)
    for day in range(1, 6):
        make_response(
            program, survey, submitted_on=datetime.date(YEAR, 10, day), channel="paper", feel_safe="1", contact="never"
        )
    for case in range(5):
        assess(program, f"late-{case}", f"{YEAR}-02-01", "intake", score=1.0)
        assess(program, f"late-{case}", f"{YEAR}-11-01", "six_month", score=4.0)
    assert all_printed(program) == before


def test_a_correction_is_stored_only_when_the_audit_passes_with_the_first_version(program):
    from reporting.models import Release
    from reporting.releases import build_correction

    survey = program.feedback_links.first().survey
    printed("feedback_summary", program, f"{YEAR}-10")
    first = Release.objects.get(program=program, kind="month", start=datetime.date(YEAR, 10, 1))
    for day in range(1, 4):
        make_response(program, survey, submitted_on=datetime.date(YEAR, 10, day), channel="paper", feel_safe="1")
    correction = build_correction(program, first)
    if correction is not None:
        assert correction.version == 2
        assert all(audit["passed"] for audit in correction.audit.values())
        # The first version is still stored and still part of every later audit.
        assert Release.objects.filter(program=program, kind="month", start=first.start).count() == 2
        out = io.StringIO()
        call_command("audit_releases", "--program", program.code, stdout=out)
        assert "FAILED" not in out.getvalue()
    else:
        assert Release.objects.filter(program=program, kind="month", start=first.start).count() == 1
    assert build_correction(program, first) is None  # nothing new since


def test_a_correction_whose_audit_cannot_finish_is_not_stored(program, settings):
    from reporting.models import FrozenCounts, Release
    from reporting.releases import build_correction

    survey = program.feedback_links.first().survey
    printed("feedback_summary", program, f"{YEAR}-10")
    first = Release.objects.get(program=program, kind="month", start=datetime.date(YEAR, 10, 1))
    frozen_before = FrozenCounts.objects.count()
    make_response(program, survey, submitted_on=datetime.date(YEAR, 10, 2), channel="paper", feel_safe="1")
    settings.RELEASE_AUDIT_TIMEOUT_SECONDS = 0
    assert build_correction(program, first) is None
    assert Release.objects.filter(program=program, kind="month", start=first.start).count() == 1
    assert FrozenCounts.objects.count() == frozen_before
