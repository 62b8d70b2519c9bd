"""Accountability figures: which closed quarters each program answered, how fast, and promised next
steps past their date; the public Impact page shows every opted-in program's answers and its share."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from feedback.accountability import program_accountability
from feedback.models import ProgramReply, SurvivorLeadersView
from reporting.models import ReportingPeriod

from .factories import ProgramFactory, make_response

pytestmark = pytest.mark.django_db


def published(program, label, published_on, **fields):
    fields = {"you_said_en": "Said", "we_did_en": "Did", **fields}
    return ProgramReply.objects.create(
        program=program,
        period=ReportingPeriod.objects.named(label),
        live=True,
        first_published_at=timezone.make_aware(datetime.datetime.combine(published_on, datetime.time(12))),
        **fields,
    )


def test_figures_per_closed_quarter_since_the_first_response(program, survey):
    make_response(program, survey, submitted_on=datetime.date(2025, 2, 10), feel_safe=3)
    published(program, "2025-Q1", datetime.date(2025, 4, 20))
    published(
        program,
        "2025-Q3",
        datetime.date(2025, 10, 31),
        next_steps_en="Evening hours",
        next_step_due=datetime.date(2025, 11, 1),
    )
    # A draft in review is not an answer yet.
    ProgramReply.objects.create(
        program=program, period=ReportingPeriod.objects.named("2025-Q2"), you_said_en="S", we_did_en="D", live=False
    )

    figures = program_accountability(program, today=datetime.date(2025, 11, 15))

    assert (figures["due"], figures["answered"], figures["share"]) == (3, 2, 67)
    rows = [
        (row["period"].label, row["answer"] is not None, row["days_to_publish"], row["next_step_overdue"])
        for row in figures["rows"]
    ]
    assert rows == [("2025-Q3", True, 31, True), ("2025-Q2", False, None, False), ("2025-Q1", True, 20, False)]
    assert program_accountability(program, today=datetime.date(2025, 10, 31))["rows"][0]["next_step_overdue"] is False


def test_a_program_without_responses_owes_no_answer(program):
    assert program_accountability(program, today=datetime.date(2025, 11, 15)) == {
        "program": program,
        "rows": [],
        "due": 0,
        "answered": 0,
        "share": None,
    }


def quarters_ended_since_2025():
    today = datetime.date.today()
    return (today.year - 2025) * 4 + (today.month - 1) // 3


def test_the_impact_page_shows_each_opted_in_programs_answers_in_the_readers_language(
    client, program, other_program, survey
):
    program.publish_impact = True
    program.save()
    other_program.publish_impact = True
    other_program.save()
    hidden = ProgramFactory(code="not-opted-in", name="Not opted in", name_en="Not opted in", publish_impact=False)
    for each in (program, other_program, hidden):
        make_response(each, survey, submitted_on=datetime.date(2025, 2, 10), feel_safe=3)
    published(
        program,
        "2025-Q1",
        datetime.date(2025, 4, 20),
        you_said_en="Waiting was long.",
        you_said_ar="كان الانتظار طويلا.",
        we_did_en="Saturday hours.",
    )
    published(hidden, "2025-Q1", datetime.date(2025, 4, 20), we_did_en="Hidden program answer")
    SurvivorLeadersView.objects.create(
        period=ReportingPeriod.objects.named("2025-Q1"),
        program=program,
        text_en="A real change.",
        text_ar="تغيير حقيقي.",
        published=True,
    )
    due = quarters_ended_since_2025()

    english = client.get("/en/impact/").text
    assert "What the program did with survivors' feedback" in english
    assert "<li>Waiting was long.</li>" in english
    assert "<li>A real change.</li>" in english
    assert f"Answered 1 of {due} quarters since its first feedback ({round(100 / due)}%)." in english
    assert f"Answered 0 of {due} quarters since its first feedback (0%)." in english
    assert "Hidden program answer" not in english and "Not opted in" not in english
    arabic = client.get("/ar/impact/").text
    assert "<li>كان الانتظار طويلا.</li>" in arabic
    assert "<li>تغيير حقيقي.</li>" in arabic
    # Not translated into Arabic: the English text stands in.
    assert "<li>Saturday hours.</li>" in arabic


def test_the_dashboard_panel_shows_survivor_leaders_and_administrators_each_programs_answers(
    client, program, other_program, program_staff, administrator, survey
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from feedback.roles import SURVIVOR_LEADERS
    from tests.conftest import sign_in_with_two_steps

    make_response(program, survey, submitted_on=datetime.date(2025, 2, 10), feel_safe=3)
    make_response(other_program, survey, submitted_on=datetime.date(2025, 2, 10), feel_safe=3)
    last = ReportingPeriod.objects.latest_closed(kind="quarter")
    promised = last.end + datetime.timedelta(days=1)
    published(
        program,
        last.label,
        last.end + datetime.timedelta(days=1),
        next_steps_en="Evening hours",
        next_step_due=promised,
    )
    due = quarters_ended_since_2025()
    leader = get_user_model().objects.create_user("leader", password="not-used-in-tests-1")
    leader.groups.add(Group.objects.get(name=SURVIVOR_LEADERS))

    for user in (leader, administrator):
        sign_in_with_two_steps(client, user)
        page = client.get("/admin/").content.decode()
        assert 'data-dashboard-panel="answers-accountability"' in page
        assert f"Kenya aftercare: 1 of {due} answered ({round(100 / due)}%)" in page
        assert f"India aftercare: 0 of {due} answered (0%)" in page
        # Quarters and dates written as on every other screen: "2026 Q3 (July to September)", "Oct. 1, 2026".
        assert f'<th scope="row">{last.name}</th>\n        <td>Published</td>\n        <td>1</td>' in page
        assert f"Past its date ({date_format(promised, 'DATE_FORMAT')})" in page
        client.logout()

    sign_in_with_two_steps(client, program_staff)
    assert 'data-dashboard-panel="answers-accountability"' not in client.get("/admin/").content.decode()
