"""Emails to program staff about answers: once per ended quarter without an answer, and when the
survivor leaders ask for changes. Exact recipients; nothing a survivor wrote."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from feedback.models import AnswerDueNotice, ProgramReply
from reporting.models import ReportingPeriod

from .factories import make_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def staffed(program, other_program, survey):
    users = get_user_model().objects
    first = users.create_user("first", email="first@example.org", password="not-used-in-tests-1")
    second = users.create_user("second", email="second@example.org", password="not-used-in-tests-1")
    gone = users.create_user("gone", email="gone@example.org", password="not-used-in-tests-1", is_active=False)
    users.create_user("elsewhere", email="elsewhere@example.org", password="not-used-in-tests-1")
    program.staff.add(first, second, gone)
    last = ReportingPeriod.objects.latest_closed(kind="quarter")
    make_response(program, survey, submitted_on=last.start, feel_safe=3, better="My name is Secret Person.")
    return last


def test_staff_are_told_once_when_an_ended_quarter_has_no_answer(staffed, program, other_program):
    call_command("notify_answers_due", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["first@example.org", "second@example.org"]
    assert message.subject == "Survivors are waiting for your answer: Kenya aftercare"
    assert f"- {staffed.name}\n" in message.body
    assert "/admin/snippets/feedback/programreply/add/" in message.body
    assert "Secret Person" not in message.body
    assert list(AnswerDueNotice.objects.values_list("program__code", "period", "recipients")) == [
        ("kenya-aftercare", staffed.pk, 2)
    ]

    call_command("notify_answers_due", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1


def test_no_reminder_for_a_quarter_that_already_has_an_answer_in_draft(staffed, program):
    ProgramReply.objects.create(program=program, period=staffed, you_said_en="Said", we_did_en="Did", live=False)
    call_command("notify_answers_due", stdout=open("/dev/null", "w"))
    assert mail.outbox == []
