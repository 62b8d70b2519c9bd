"""Whether programs answer what survivors said: per program and closed quarter, answered or not,
how many days after the quarter ended the answer was published, and next steps past their date.

Programs answer per calendar quarter (ANSWER_PERIOD_KIND); a program is due an answer for every
quarter that has ended since its first feedback response.
"""

import datetime

from django.db.models import Min

from reporting.models import ReportingPeriod

from .models import FeedbackResponse, PeriodKind, ProgramReply

ANSWER_PERIOD_KIND = PeriodKind.QUARTER


def closed_periods_since(day, today=None, kind=ANSWER_PERIOD_KIND):
    """The closed periods from the one holding `day` to the last one ended, oldest first."""
    today = today or datetime.date.today()
    periods = []
    start = ReportingPeriod.start_of(kind, day)
    while ReportingPeriod.end_of(kind, start) < today:
        periods.append(ReportingPeriod.objects.named(ReportingPeriod.label_for(kind, start)))
        start = ReportingPeriod.end_of(kind, start) + datetime.timedelta(days=1)
    return periods


def program_accountability(program, today=None):
    """{"program", "rows": [per closed period, newest first], "due", "answered", "share"}.

    A row: period, the published answer or None, days from the period's last day to the answer's
    first publication, and whether its next step is past its date. `share` is the whole-number
    percentage of due periods answered (None when none is due yet).
    """
    today = today or datetime.date.today()
    first = FeedbackResponse.objects.filter(program=program).aggregate(first=Min("submitted_on"))["first"]
    periods = closed_periods_since(first, today) if first else []
    answers = {
        answer.period_id: answer
        for answer in ProgramReply.objects.published().filter(program=program, period__in=periods)
    }
    rows = []
    for period in reversed(periods):
        answer = answers.get(period.pk)
        published = answer.first_published_at if answer and answer.first_published_at else None
        rows.append(
            {
                "period": period,
                "answer": answer,
                "days_to_publish": (published.date() - period.end).days if published else None,
                "next_step_overdue": bool(answer and answer.next_step_due and answer.next_step_due < today),
            }
        )
    answered = len(answers)
    share = round(100 * answered / len(periods)) if periods else None
    return {"program": program, "rows": rows, "due": len(periods), "answered": answered, "share": share}
