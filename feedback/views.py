"""The public feedback flow: program picker, opening screen, questions, receipt, withdrawal.

No account, no cookies beyond the CSRF token, nothing about the device is stored.
"""

import datetime

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .forms import SurveyForm, WithdrawalForm
from .models import Channel, FeedbackResponse, Program, SurveyVersion
from .receipts import is_rate_limited, new_submission_token, read_submission_token, receipt_hash
from .submission import store_response


def problem(request, message, status):
    """A plain, translated explanation with a 4xx status: never a stack trace, never a 500."""
    return render(request, "feedback/problem.html", {"message": message}, status=status)


def program_picker(request):
    programs = [program for program in Program.objects.active() if program.feedback_survey()]
    return render(request, "feedback/picker.html", {"programs": programs})


def _program_and_survey(request, code):
    program = Program.objects.active().filter(code=code).first()
    if program is None:
        return None, None, problem(request, _("We could not find a program with this feedback link. Please check the link, or choose the program from the list."), 404)
    survey = program.feedback_survey()
    if survey is None or not survey.is_open:
        return program, None, problem(request, _("This survey is closed and is not taking answers at the moment. Thank you for wanting to help."), 410)
    return program, survey, None


def opening(request, code):
    program, survey, error = _program_and_survey(request, code)
    if error:
        return error
    context = {"program": program, "survey": survey, "page": survey, "withdraw_days": settings.FEEDBACK_WITHDRAWAL_DAYS}
    return render(request, "feedback/opening.html", context)


def questions(request, code):
    program, survey, error = _program_and_survey(request, code)
    if error:
        return error
    language = get_language()
    if request.method != "POST":
        version = survey.current_version()
        form = SurveyForm(version=version, language=language, initial={"submission_token": new_submission_token(version.pk)})
        return _questions_page(request, program, survey, form)

    if is_rate_limited(request, "submit", settings.FEEDBACK_SUBMISSIONS_PER_HOUR):
        return problem(request, _("Too many answers have been sent from here in the last hour. Please try again later."), 429)
    token = read_submission_token(request.POST.get("submission_token"))
    version = SurveyVersion.objects.filter(pk=token[1], survey=survey).first() if token else None
    if version is None:
        return problem(request, _("This form is too old or was changed. Please open the survey again; nothing was saved."), 400)
    form = SurveyForm(request.POST, version=version, language=language)
    if not form.is_valid():
        return _questions_page(request, program, survey, form, status=400)
    if form.cleaned_data["website"]:
        return problem(request, _("Your answers could not be sent. Please try again."), 400)
    receipt, created = store_response(
        program=program, version=version, language=language, channel=Channel.WEB, cleaned_data=form.cleaned_data, token=token[0]
    )
    context = {
        "program": program,
        "survey": survey,
        "page": survey,
        "receipt_code": receipt,
        "already_received": not created,
        "withdraw_days": settings.FEEDBACK_WITHDRAWAL_DAYS,
    }
    return render(request, "feedback/receipt.html", context)


def _questions_page(request, program, survey, form, status=200):
    context = {"program": program, "survey": survey, "page": survey, "form": form}
    return render(request, "feedback/questions.html", context, status=status)


def withdraw(request):
    form = WithdrawalForm(request.POST or None)
    context = {"form": form, "withdraw_days": settings.FEEDBACK_WITHDRAWAL_DAYS}
    if request.method != "POST":
        return render(request, "feedback/withdraw.html", context)
    if is_rate_limited(request, "withdraw", settings.FEEDBACK_WITHDRAWALS_PER_HOUR):
        return problem(request, _("Too many codes have been tried from here in the last hour. Please try again later."), 429)
    if not form.is_valid() or form.cleaned_data["website"]:
        return render(request, "feedback/withdraw.html", context, status=400)
    earliest = datetime.date.today() - datetime.timedelta(days=settings.FEEDBACK_WITHDRAWAL_DAYS)
    matches = FeedbackResponse.objects.filter(receipt_hash=receipt_hash(form.cleaned_data["receipt_code"]), submitted_on__gte=earliest)
    deleted, _details = matches.delete()
    if not deleted:
        form.add_error(
            "receipt_code",
            _("No answers match this code. Check the code; answers can be withdrawn for %(days)s days after they were sent.")
            % {"days": settings.FEEDBACK_WITHDRAWAL_DAYS},
        )
        return render(request, "feedback/withdraw.html", context, status=404)
    return render(request, "feedback/withdrawn.html", context)
