"""The public feedback flow: program picker, opening screen, questions, thank-you, withdrawal.

No account and nothing about the device is stored. The receipt code is handed over once, in the
answer to the form itself: it is kept in no session, URL or cookie, so nothing links a signed-in
account or a later visitor of the device to the response, and a form sent again shows no code.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gsn_site.csrf import keeps_typed_input
from gsn_site.ratelimits import address_limit_exceeded, note_anomaly, value_limit_exceeded
from programs.models import Program
from reporting.models import ReportingPeriod

from .forms import SurveyForm, WithdrawalConfirmForm, WithdrawalForm
from .models import Channel, FeedbackResponse, PeriodKind, ProgramReply, SurveyVersion, program_survey
from .receipts import new_submission_token, read_submission_token
from .submission import store_response


def problem(request, message, status):
    """A plain, translated explanation with a 4xx status: never a stack trace, never a 500."""
    return render(request, "feedback/problem.html", {"message": message}, status=status)


def program_picker(request):
    programs = [program for program in Program.objects.active() if program_survey(program)]
    return render(request, "feedback/picker.html", {"programs": programs})


def _program_and_survey(request, code):
    program = Program.objects.active().filter(code=code).first()
    if program is None:
        return (
            None,
            None,
            problem(
                request,
                _(
                    "We could not find a program with this feedback link. Please check the link, or choose the program from the list."
                ),
                404,
            ),
        )
    survey = program_survey(program)
    if survey is None or not survey.is_open:
        return (
            program,
            None,
            problem(
                request,
                _("This survey is closed and is not taking answers at the moment. Thank you for wanting to help."),
                410,
            ),
        )
    return program, survey, None


def program_reply_context(program):
    """The program's latest published answer or, when it has none, the quarter it has not answered yet."""
    answer = ProgramReply.objects.latest_for(program)
    return {"answer": answer, "unanswered_period": None if answer else ReportingPeriod.last_closed(PeriodKind.QUARTER)}


def opening(request, code):
    program, survey, error = _program_and_survey(request, code)
    if error:
        return error
    context = {
        "program": program,
        "survey": survey,
        "page": survey,
        "withdraw_days": settings.FEEDBACK_WITHDRAWAL_DAYS,
        **program_reply_context(program),
    }
    return render(request, "feedback/opening.html", context)


def submission_limited(request, token):
    """Whether this submission is one too many: per form token first, then per address.

    A room of survivors on one network sends many forms, each with its own token, so the address
    ceiling is far above what a group reaches; a flood replays tokens or passes the ceiling.
    """
    note_anomaly(request, "feedback-submit", settings.FEEDBACK_ANOMALY_PER_HOUR)
    if value_limit_exceeded(request, "feedback-submit-token", token, settings.FEEDBACK_SUBMISSIONS_PER_TOKEN):
        return True
    return address_limit_exceeded(request, "feedback-submit", settings.FEEDBACK_SUBMISSIONS_PER_HOUR)


def questions(request, code):
    program, survey, error = _program_and_survey(request, code)
    if error:
        return error
    language = get_language()
    if request.method != "POST":
        version = survey.current_version()
        form = SurveyForm(
            version=version, language=language, initial={"submission_token": new_submission_token(version.pk)}
        )
        return _questions_page(request, program, survey, form)

    token = read_submission_token(request.POST.get("submission_token"))
    version = SurveyVersion.objects.filter(pk=token[1], survey=survey).first() if token else None
    if version is None:
        return _answers_shown_again(request, program, survey, status=400)
    form = SurveyForm(request.POST, version=version, language=language)
    if submission_limited(request, token[0]):
        form.add_error(
            None,
            _(
                "Too many answers have arrived from here in a short time, so yours were not sent yet. Your answers are still below: please press “Send my answers” again in a few minutes."
            ),
        )
        return _questions_page(request, program, survey, form, status=429)
    if not form.is_valid():
        return _questions_page(request, program, survey, form, status=400)
    receipt, created = store_response(
        program=program,
        version=version,
        language=language,
        channel=Channel.WEB,
        cleaned_data=form.cleaned_data,
        token=token[0],
    )
    return _thanks_page(request, program, receipt if created else "", already_received=not created)


def thanks(request, code):
    """The thanks without a code: the code was shown once, in the answer to the form."""
    program = Program.objects.filter(code=code).first()
    if program is None:
        return problem(
            request,
            _(
                "We could not find a program with this feedback link. Please check the link, or choose the program from the list."
            ),
            404,
        )
    return _thanks_page(request, program, "", already_received=False)


def _thanks_page(request, program, receipt_code, already_received):
    context = {
        "program": program,
        "survey": program_survey(program),
        "receipt_code": receipt_code,
        "already_received": already_received,
        "withdraw_days": settings.FEEDBACK_WITHDRAWAL_DAYS,
        **program_reply_context(program),
    }
    return render(request, "feedback/receipt.html", context)


def _questions_page(request, program, survey, form, status=200, form_was_old=False):
    context = {"program": program, "survey": survey, "page": survey, "form": form, "form_was_old": form_was_old}
    return render(request, "feedback/questions.html", context, status=status)


def _answers_shown_again(request, program, survey, status):
    """The survey again with everything that was typed, under a fresh token: nothing was sent.

    For a form open past its token's life (or its survey changed), and for one that came back
    without its CSRF cookie (rendering the page sets a new one).
    """
    version = survey.current_version()
    data = request.POST.copy()
    data["submission_token"] = new_submission_token(version.pk)
    form = SurveyForm(data, version=version, language=get_language())
    return _questions_page(request, program, survey, form, status=status, form_was_old=True)


def questions_without_csrf_cookie(request, code):
    program, survey, error = _program_and_survey(request, code)
    if error:
        return error
    return _answers_shown_again(request, program, survey, status=403)


questions = keeps_typed_input(questions_without_csrf_cookie)(questions)


def withdraw(request):
    """Two steps: the receipt code finds the answers, then the survivor confirms the deletion."""
    context = {"withdraw_days": settings.FEEDBACK_WITHDRAWAL_DAYS}
    if request.method != "POST":
        return render(request, "feedback/withdraw.html", {**context, "form": WithdrawalForm()})
    confirming = "confirm" in request.POST
    form = (WithdrawalConfirmForm if confirming else WithdrawalForm)(request.POST)
    context["form"] = form
    if address_limit_exceeded(request, "feedback-withdraw", settings.FEEDBACK_WITHDRAWALS_PER_HOUR):
        form.add_error(
            None,
            _(
                "Too many codes have been tried from here in the last hour. Your code is kept below: please try again later."
            ),
        )
        return render(request, "feedback/withdraw.html", context, status=429)
    if not form.is_valid():
        return render(request, "feedback/withdraw.html", context, status=400)
    code = form.cleaned_data["receipt_code"]
    if confirming:
        if FeedbackResponse.objects.withdraw(code):
            return render(request, "feedback/withdrawn.html", context)
        # The code was in a hidden field: show it again in the visible one, with the error beside it.
        form = WithdrawalForm({"receipt_code": code})
        form.is_valid()
        context["form"] = form
    else:
        response = FeedbackResponse.objects.withdrawable(code).first()
        if response is not None:
            confirm_form = WithdrawalConfirmForm(initial={"receipt_code": code})
            return render(
                request, "feedback/withdraw_confirm.html", {**context, "form": confirm_form, "response": response}
            )
    form.add_error(
        "receipt_code",
        _(
            "No answers match this code. Check the code; answers can be withdrawn for %(days)s days after they were sent."
        )
        % {"days": settings.FEEDBACK_WITHDRAWAL_DAYS},
    )
    return render(request, "feedback/withdraw.html", context, status=404)
