"""Emails to program staff about their answers to survivors. Survivors are never contacted (they are
anonymous), and no email carries anything a survivor wrote or any figure about them: only the
program, the period and a link to the admin."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from programs.models import Program

from .accountability import closed_periods_since
from .models import AnswerDueNotice, FeedbackResponse, ProgramReply


def staff_addresses(program):
    """The program's active staff who have an email address, sorted (one email to all of them)."""
    return sorted(
        {address for address in program.staff.filter(is_active=True).values_list("email", flat=True) if address}
    )


def admin_link(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def periods_due(program, today=None):
    """Ended quarters since the program's first response with no answer yet (in any state) and no notice."""
    first = (
        FeedbackResponse.objects.filter(program=program)
        .order_by("submitted_on")
        .values_list("submitted_on", flat=True)
        .first()
    )
    if first is None:
        return []
    answered = set(ProgramReply.objects.filter(program=program).values_list("period_id", flat=True))
    noticed = set(AnswerDueNotice.objects.filter(program=program).values_list("period_id", flat=True))
    return [period for period in closed_periods_since(first, today) if period.pk not in answered | noticed]


def notify_answers_due(today=None):
    """One email per program listing the quarters to answer; returns [(program, periods, recipients)]."""
    sent = []
    for program in Program.objects.active().order_by("code"):
        periods = periods_due(program, today)
        if not periods:
            continue
        recipients = staff_addresses(program)
        if recipients:
            with translation.override(settings.LANGUAGE_CODE):
                names = "\n".join(f"- {period.name}" for period in periods)
                send_mail(
                    _("Survivors are waiting for your answer: %(program)s") % {"program": program.name},
                    _(
                        "These quarters have ended and %(program)s has not answered yet what survivors said in them:\n"
                        "%(periods)s\n\nRead each quarter's figures and write the answer (You said / We did / What comes next) here:\n%(link)s\n"
                    )
                    % {
                        "program": program.name,
                        "periods": names,
                        "link": admin_link(reverse("wagtailsnippets_feedback_programreply:add")),
                    },
                    None,
                    recipients,
                )
        with transaction.atomic():
            # Recorded even with nobody to write to, so staff added later are not sent old reminders.
            AnswerDueNotice.objects.bulk_create(
                [AnswerDueNotice(program=program, period=period, recipients=len(recipients)) for period in periods],
                ignore_conflicts=True,
            )
        sent.append((program, periods, recipients))
    return sent


def notify_changes_requested(sender, instance, user=None, **kwargs):
    """Wagtail's task_rejected: survivor leaders asked for changes to an answer; tell its program's staff."""
    answer = instance.workflow_state.content_object
    if not isinstance(answer, ProgramReply):
        return
    recipients = staff_addresses(answer.program)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            _("Changes requested to your answer: %(program)s, %(period)s")
            % {"program": answer.program.name, "period": answer.period.name},
            _(
                "The survivor leaders reviewed the answer of %(program)s for %(period)s and asked for changes.\n"
                "Read their comment and edit the answer here:\n%(link)s\n"
            )
            % {
                "program": answer.program.name,
                "period": answer.period.name,
                "link": admin_link(reverse("wagtailsnippets_feedback_programreply:edit", args=[answer.pk])),
            },
            None,
            recipients,
        )
