"""Five ways an auditor recovered one survivor's answer or a count of 1 from released figures.

Each test builds a program like the one the attack was found on and runs the attack against every
surface that releases the figures: the JSON commands, the admin report page, its CSV and XLSX
downloads, the program report page and the public Impact page. The attacker knows the rules of
disclosure control (they are published in docs/release-method.md) and that shown counts may be
rounded to 5.
"""

import csv
import datetime
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from feedback.roles import PROGRAM_STAFF, ensure_feedback_groups
from tests.conftest import sign_in_with_two_steps
from tests.feedback.factories import ProgramFactory, make_response, make_survey
from tests.outcomes.helpers import assess

pytestmark = pytest.mark.django_db

MIN_CELL = 5
# Shown counts may be rounded to a base of 5: a shown r stands for r-2 .. r+2 people.
TOLERANCE = 2
OCTOBER = {"from": "2025-10-01", "to": "2025-10-31"}


def day(text):
    return datetime.date.fromisoformat(text)


def command_json(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def released(*args):
    """The JSON a command prints, or None when the command refuses the request."""
    try:
        return command_json(*args)
    except CommandError:
        return None


@pytest.fixture
def survey(db):
    return make_survey()


@pytest.fixture
def program(survey):
    """October 2025: 5 people answer in English, "Agree" to feeling safe; 1 in Swahili, "Strongly agree"."""
    program = ProgramFactory(
        code="ke-audit", name="Audited program", name_en="Audited program", organisation="Sample", country="Kenya",
        survey=survey, publish_impact=True,
    )  # fmt: skip
    for _ in range(5):
        make_response(program, survey, submitted_on=day("2025-10-10"), feel_safe=4)
    make_response(program, survey, submitted_on=day("2025-10-10"), language="sw", feel_safe=5)
    return program


@pytest.fixture
def staff_client(client, program):
    user = get_user_model().objects.create_user("audit-staff", password="not-used-in-tests-1", is_staff=True)
    user.groups.add(ensure_feedback_groups()[PROGRAM_STAFF])
    program.staff.add(user)
    sign_in_with_two_steps(client, user)
    return client


def publish(program, label):
    """The program's year as the worker releases it: the Impact page shows stored year releases only."""
    from reporting.periods import Period, PeriodKind
    from reporting.releases import build_release

    build_release(program, Period(PeriodKind.YEAR, datetime.date(int(label), 1, 1)))


def report_query(program, **extra):
    return {"program": program.pk, "period": "2025-10", "date_from": OCTOBER["from"], "date_to": OCTOBER["to"], **extra}


def hidden_cell_span(shown, total):
    """How many values a hidden cell could take, to an attacker who knows the row and its total.

    Zero cells are exact; every hidden cell holds at least one person; shown counts and the total
    may each be up to TOLERANCE away from the truth.
    """
    hidden = sum(1 for value in shown if value is None)
    if not hidden or total is None:
        return None
    smallest_shown = sum(max(value - TOLERANCE, MIN_CELL) if value else 0 for value in shown if value is not None)
    largest_hidden_sum = total + TOLERANCE - smallest_shown
    return largest_hidden_sum - (hidden - 1)


def export_rows(staff_client, program, file_format):
    response = staff_client.get(reverse("feedback_admin:report"), report_query(program, format=file_format))
    assert response.status_code == 200
    if file_format == "csv":
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]


def as_count(cell):
    if isinstance(cell, int):
        return cell
    text = str(cell).strip()
    return int(text) if text.isdigit() else None


def language_row_from_export(rows):
    """(language counts, total) read back from a downloaded report, as an attacker would."""
    firsts = [row[0] if row else "" for row in rows]
    section = rows[firsts.index("Section")] if "Section" in firsts else None
    people = section.index("People") if section else 3
    total = next(as_count(row[people]) for row in rows if row[:1] == ["Responses"] and "Total" in row)
    languages = [as_count(row[people]) for row in rows if row[:1] == ["Language"]]
    return languages, total


# --- a. The choice of the hidden second cell --------------------------------------------------


def test_a_hidden_language_cannot_be_worked_out_from_the_json(program):
    summary = released("feedback_summary", "--program", program.code, "--from", OCTOBER["from"], "--to", OCTOBER["to"])
    assert summary is not None
    # The audit may have dropped the breakdown by language altogether (then there is nothing to attack).
    by_language = summary["responses"]["by_language"] or {}
    # A language nobody answered in is shown as 0: hiding it would protect nothing and its choice
    # would tell which cell is small.
    assert [code for code, count in by_language.items() if count is None and code not in ("en", "sw")] == []
    span = hidden_cell_span(list(by_language.values()), summary["responses"]["total"])
    assert span is None or span >= MIN_CELL


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_hidden_language_cannot_be_worked_out_from_the_downloads(staff_client, program, file_format):
    languages, total = language_row_from_export(export_rows(staff_client, program, file_format))
    span = hidden_cell_span(languages, total)
    assert span is None or span >= MIN_CELL
    assert sum(1 for count in languages if count is None) != 1


def test_a_hidden_language_cannot_be_worked_out_from_the_report_page(staff_client, program):
    page = staff_client.get(reverse("feedback_admin:report"), report_query(program))
    assert page.status_code == 200
    summary = page.context["summary"]
    span = hidden_cell_span(list(summary["responses"]["by_language"].values()), summary["responses"]["total"])
    assert span is None or span >= MIN_CELL


# --- b. A mean beside the answers it comes from -----------------------------------------------


def feel_safe_and_safety_mean(report):
    feel_safe = next(question for question in report["feedback"]["questions"] if question["key"] == "feel-safe")
    return feel_safe["distribution"], report["domains"]["safety"]["survivor_voice_mean"]


def test_a_mean_never_gives_back_a_hidden_answer_in_the_program_report_json(program):
    report = released("program_report", "--program", program.code, "--from", OCTOBER["from"], "--to", OCTOBER["to"])
    assert report is not None
    distribution, mean = feel_safe_and_safety_mean(report)
    # 6 x mean - 5 x 3.25 would be the hidden answer: never a mean beside a hidden answer count.
    assert mean is None or None not in distribution.values()


def test_a_mean_never_gives_back_a_hidden_answer_on_the_program_report_page(staff_client, program):
    page = staff_client.get(
        reverse("outcomes_program_report", args=[program.pk]),
        {"period": "2025-10", **{f"date_{k}": v for k, v in OCTOBER.items()}},
    )
    assert page.status_code == 200
    from outcomes.release_tables import released_program_report

    distribution, mean = feel_safe_and_safety_mean(released_program_report(page.context["release"]))
    assert mean is None or None not in distribution.values()
    assert "3.38" not in page.text and "3.4" not in page.text


def test_a_mean_never_gives_back_a_hidden_answer_on_the_impact_page(client, program):
    publish(program, "2025")
    page = client.get("/en/impact/")
    assert page.status_code == 200
    assert "The network in 2025" in page.text and "Audited program" in page.text
    assert "3.38" not in page.text and "3.4" not in page.text


# --- c. Two overlapping periods ---------------------------------------------------------------


@pytest.fixture
def late_answer(program, survey):
    """Ten people answered on 10 October; one more, on 11 October, "Strongly disagree"."""
    for _ in range(4):
        make_response(program, survey, submitted_on=day("2025-10-10"), feel_safe=4)
    make_response(program, survey, submitted_on=day("2025-10-11"), feel_safe=1)
    return program


@pytest.mark.parametrize("command", ["feedback_summary", "program_report"])
def test_two_periods_a_day_apart_never_both_release(late_answer, command):
    shorter = released(command, "--program", late_answer.code, "--from", "2025-10-10", "--to", "2025-10-10")
    longer = released(command, "--program", late_answer.code, "--from", "2025-10-10", "--to", "2025-10-11")
    assert shorter is None or longer is None, "a one-day difference between two released tables"


def test_the_admin_report_refuses_a_period_that_is_not_a_closed_calendar_period(staff_client, late_answer):
    totals = []
    for date_to in ("2025-10-10", "2025-10-11"):
        response = staff_client.get(
            reverse("feedback_admin:report"), {"program": late_answer.pk, "date_from": "2025-10-10", "date_to": date_to}
        )
        summary = response.context.get("summary") if response.context else None
        totals.append(summary["responses"]["total"] if summary else None)
    assert None in totals or abs(totals[1] - totals[0]) not in range(1, MIN_CELL)


def test_the_current_period_is_never_released(program, survey):
    today = datetime.date.today()
    for _ in range(6):
        make_response(program, survey, submitted_on=today, feel_safe=4)
    summary = released(
        "feedback_summary",
        "--program",
        program.code,
        "--from",
        today.replace(day=1).isoformat(),
        "--to",
        today.isoformat(),
    )
    assert summary is None


# --- d. Live public figures ------------------------------------------------------------------


def test_the_impact_page_does_not_move_after_one_more_response(client, program, survey):
    for number in range(13):
        assess(program, f"D{number}", "2025-02-01", "intake", score=2.0)
        assess(program, f"D{number}", "2025-09-01", "six_month", score=2.0 + (number % 3) * 0.5)
    publish(program, "2025")

    def page(query=""):
        response = client.get(f"/en/impact/{query}")
        assert response.status_code == 200
        # The figures: everything in <main> (the language switcher outside it repeats the query).
        return re.search(r"<main.*</main>", response.text, re.S).group(0)

    before = page()
    assert "survivors with check-ups" in before
    make_response(program, survey, feel_safe=1)
    make_response(program, survey, submitted_on=day("2025-10-12"), feel_safe=1)
    assess(program, "D0", "2025-12-01", "annual", score=1.0)
    assess(program, "LATE", "2025-03-01", "intake", score=1.0)
    assess(program, "LATE", "2025-11-01", "six_month", score=4.0)
    assert page() == before
    assert page("?fresh=1") == before
    assert page("?period=2026") == before


# --- e. Percentages of small groups ----------------------------------------------------------


def test_a_share_improved_never_counts_fewer_than_the_minimum(program, staff_client):
    # Six survivors assessed for safety in 2025; exactly one improved measurably.
    for number in range(6):
        assess(program, f"E{number}", "2025-01-15", "intake", score=2.0)
        assess(program, f"E{number}", "2025-07-15", "six_month", score=2.0, safety=3.0 if number == 0 else 2.0)
    summary = released("aso_summary", "--program", program.code, "--from", "2025-01-01", "--to", "2025-12-31")
    assert summary is not None
    # Released counts are never 1 to 4, and the share is computed from them: it never pins the one.
    safety = summary["domains"]["safety"]
    assert safety["improved"] == 0 or safety["improved"] >= 5
    assert safety["improved_pct"] == round(100 * safety["improved"] / safety["n"])
    assert safety["improved_pct"] != 17
    report = released("program_report", "--program", program.code, "--from", "2025-01-01", "--to", "2025-12-31")
    assert report["outcomes"]["domains"]["safety"] == safety
    page = staff_client.get(
        reverse("outcomes_program_report", args=[program.pk]),
        {"period": "2025", "date_from": "2025-01-01", "date_to": "2025-12-31"},
    )
    assert "16.7" not in page.text and "17 %" not in page.text
    for file_format in ("csv", "xlsx"):
        export = staff_client.get(
            reverse("outcomes_program_report_export", args=[program.pk, file_format]),
            {"period": "2025", "date_from": "2025-01-01", "date_to": "2025-12-31"},
        )
        assert export.status_code == 200
        content = (
            export.content.decode("utf-8-sig")
            if file_format == "csv"
            else str(
                [
                    list(row)
                    for row in load_workbook(io.BytesIO(export.content)).worksheets[0].iter_rows(values_only=True)
                ]
            )
        )
        assert "16.7" not in content
