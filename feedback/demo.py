"""Demo feedback: four fictional programs, a survey in every language, and sample responses for the
last two years and the current one, quarter by quarter, as a real network would have."""

import datetime
import random

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from gsn_site.demo import demo_password, demo_totp_secret, give_demo_authenticator, set_translations
from home.models import HomePage
from programs.models import Program
from reporting.models import ReportingPeriod

from . import demo_content as content
from .models import (
    FeedbackAnswer,
    FeedbackResponse,
    FeedbackSurvey,
    PeriodKind,
    ProgramReply,
    QuestionType,
    SurveyQuestion,
    SurvivorLeadersView,
    first_withdrawable_day,
)
from .questions import NUMBER_RANGES
from .receipts import receipt_code_for, receipt_hash, submission_hash
from .roles import FEEDBACK_REVIEWERS, PROGRAM_STAFF, SURVIVOR_LEADERS, ensure_feedback_groups
from .submission import answers_from_form


def seed(stdout):
    programs = [demo_program(data) for data in content.PROGRAMS]
    survey = _survey()
    _responses(survey, programs)
    groups = ensure_feedback_groups()
    staff = _staff_user(programs[0], groups[PROGRAM_STAFF], stdout)
    _moderator_reviews_feedback(groups[FEEDBACK_REVIEWERS])
    _answers(programs, staff, _survivor_leader(stdout))
    return survey


def _moderator_reviews_feedback(reviewers):
    """The demo moderator also reviews and redacts feedback, as the network's moderators do."""
    moderator = get_user_model().objects.filter(username="moderator").first()
    if moderator is not None:
        moderator.groups.add(reviewers)


def demo_program(data):
    """The demo program of `data` (feedback.demo_content.PROGRAMS), created in every language once."""
    program = Program.objects.filter(code=data["code"]).first()
    if program:
        # A demo site seeded before the organisation's name was translated gets the missing names.
        missing = {
            code: text for code, text in data["organisation"].items() if not getattr(program, f"organisation_{code}")
        }
        if missing:
            set_translations(program, "organisation", missing)
            program.save()
        return program
    program = Program(
        code=data["code"],
        organisation=data["organisation"]["en"],
        country=data["country"],
        casework_types=data["casework_types"],
        keyword=data["keyword"],
        is_sample=True,
    )
    set_translations(program, "name", data["name"])
    set_translations(program, "organisation", data["organisation"])
    set_translations(program, "description", content.DESCRIPTION)
    program.save()
    return program


def _survey():
    existing = FeedbackSurvey.objects.filter(slug=content.SURVEY["slug"]).first()
    if existing:
        return existing
    home = HomePage.objects.first()
    survey = FeedbackSurvey(slug=content.SURVEY["slug"], show_in_menus=True)
    for field in ("title", "intro", "thank_you"):
        set_translations(survey, field, content.SURVEY[field])
    for position, data in enumerate(content.QUESTIONS):
        question = SurveyQuestion(
            key=data["key"],
            question_type=data["type"],
            domain=data["domain"] or "",
            reverse_scored=data.get("reverse_scored", False),
            sort_order=position,
        )
        set_translations(question, "text", data["text"])
        set_translations(question, "help_text", data["help"])
        set_translations(
            question, "options", {code: "\n".join(lines) for code, lines in data.get("options", {}).items()}
        )
        survey.questions.add(question)
    home.add_child(instance=survey)
    survey.save_revision().publish()
    return FeedbackSurvey.objects.get(pk=survey.pk)


def _responses(survey, programs):
    if FeedbackResponse.objects.filter(is_sample=True).exists():
        return
    rng = random.Random(4)  # the same sample every time
    version = survey.current_version()
    today = datetime.date.today()
    responses, answers = [], []
    for program in programs:
        profile = content.RESPONSE_PROFILES[program.code]
        languages = next(data["languages"] for data in content.PROGRAMS if data["code"] == program.code)
        for index, (start, end) in enumerate(demo_quarters(today)):
            count = responses_in_quarter(rng, profile, index)
            days = (end - start).days + 1
            for number in range(count):
                # Drawn for every quarter, so that the closed years are the same sample whatever today is.
                offset = int(rng.random() * days)  # one draw, however long the quarter
                cleaned_data = _answers_of_one_survivor(rng, version, profile, index)
                language = rng.choices(languages, weights=[3, 1])[0]
                channel = rng.choices(list(profile["channels"]), weights=list(profile["channels"].values()))[0]
                if start > today:
                    continue
                # The current quarter's sample is spread over the days that have passed.
                submitted_on = start + datetime.timedelta(days=offset * ((min(end, today) - start).days + 1) // days)
                token = f"sample-response-{program.code}-{index}-{number}"
                response = FeedbackResponse(
                    program=program,
                    survey_version=version,
                    language=language,
                    channel=channel,
                    submitted_on=submitted_on,
                    submission_hash=submission_hash(token),
                    receipt_hash=receipt_hash(receipt_code_for(token))
                    if submitted_on >= first_withdrawable_day(today)
                    else None,
                    is_sample=True,
                )
                responses.append(response)
                for answer in answers_from_form(version, cleaned_data):
                    answer.response = response
                    answers.append(answer)
    FeedbackResponse.objects.bulk_create(responses, batch_size=500)
    FeedbackAnswer.objects.bulk_create(answers, batch_size=2000)


def demo_quarters(today):
    """(first day, last day) of the twelve quarters of the last two years and the current one."""
    quarters = []
    for year in range(today.year - 2, today.year + 1):
        for month in (1, 4, 7, 10):
            start = datetime.date(year, month, 1)
            quarters.append((start, ReportingPeriod.end_of(PeriodKind.QUARTER, start)))
    return quarters


def responses_in_quarter(rng, profile, index):
    """How many sample survivors answer in one quarter: 40 to 150, growing slowly, busier at year end."""
    season = (0.9, 1.05, 1.0, 1.1)[index % 4]
    expected = profile["per_quarter"] * (1 + 0.04 * index) * season * rng.gauss(1, 0.12)
    return min(150, max(40, round(expected)))


def _answers_of_one_survivor(rng, version, profile, index):
    """Plausible answers: each person feels better or worse across the board, the program's
    domains start where its profile says and improve a little every quarter, and many skip some."""
    person = rng.gauss(0, 0.55)
    answers = {}
    for question in version.questions:
        name = f"q_{question['key']}"
        if question["type"] == QuestionType.FREE_TEXT:
            if rng.random() < 0.25:
                answers[name] = rng.choice(content.FREE_TEXT)
            continue
        if rng.random() < profile["skips"].get(question["key"], 0.08):
            continue
        if question["type"] in NUMBER_RANGES:
            level = profile["levels"][question["domain"]] + profile["improvement"] * index
            feeling = level + person + rng.gauss(0, 0.75)  # on the 1-5 agreement scale
            answers[name] = _scale_answer(question["type"], feeling)
        elif question["type"] == QuestionType.SINGLE_CHOICE:
            keys = [option["key"] for option in question["options"]]
            answers[name] = rng.choices(keys, weights=profile["contact"][: len(keys)])[0]
        elif question["type"] == QuestionType.MULTIPLE_CHOICE:
            ticked = [
                option["key"]
                for option, share in zip(question["options"], profile["support"], strict=False)
                if rng.random() < share
            ]
            if ticked:
                answers[name] = ticked
    return answers


def _scale_answer(question_type, feeling):
    if question_type == QuestionType.LIKERT:
        return min(5, max(1, round(feeling)))
    if question_type == QuestionType.YES_NO_UNSURE:
        return 2 if feeling >= 3.2 else 1 if feeling >= 2.5 else 0
    return min(10, max(0, round((feeling - 1) * 2.5)))


def _staff_user(program, group, stdout):
    User = get_user_model()
    user = User.objects.filter(username=content.DEMO_STAFF_USERNAME).first()
    if user is None:
        user = User.objects.create_user(
            content.DEMO_STAFF_USERNAME, password=demo_password(content.DEMO_STAFF_PASSWORD), is_staff=True
        )
        user.groups.add(group)
        program.staff.add(user)
        stdout.write(
            f"Demo program staff login: {content.DEMO_STAFF_USERNAME} / {demo_password(content.DEMO_STAFF_PASSWORD)} "
            f"(sees only {program.code}; set up two-step sign-in at first login with the enrolment code below)."
        )
    if not Authenticator.objects.filter(user=user).exists():
        # Staff enrol their first authenticator with a one-time code (members' issue_enrolment_code);
        # a fresh one on every run, since the last may have expired.
        call_command("issue_enrolment_code", user.get_username(), stdout=stdout)
    return user


def _survivor_leader(stdout):
    from allauth.mfa.adapter import get_adapter as get_mfa_adapter
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(username=content.SURVIVOR_LEADER_USERNAME)
    if created:
        user.set_password(demo_password(content.SURVIVOR_LEADER_PASSWORD))
        user.save()
        user.groups.add(Group.objects.get(name=SURVIVOR_LEADERS))
        give_demo_authenticator(user, content.SURVIVOR_LEADER_TOTP_SECRET)
    totp_url = get_mfa_adapter().build_totp_url(user, demo_totp_secret(content.SURVIVOR_LEADER_TOTP_SECRET))
    stdout.write(
        f"Survivor leader: {content.SURVIVOR_LEADER_USERNAME} / {demo_password(content.SURVIVOR_LEADER_PASSWORD)}; "
        f"two-step sign-in secret {demo_totp_secret(content.SURVIVOR_LEADER_TOTP_SECRET)} ({totp_url})"
    )
    return user


def _answers(programs, staff, leader):
    """Published answers for the ended quarters of the first two programs (the second skipped its
    oldest quarter), reviewed through the workflow; the other programs have not answered."""
    from .accountability import closed_periods_since

    for program in programs:
        texts = content.ANSWERS.get(program.code)
        first = (
            FeedbackResponse.objects.filter(program=program)
            .order_by("submitted_on")
            .values_list("submitted_on", flat=True)
            .first()
        )
        if not texts or first is None:
            continue
        periods = closed_periods_since(first)
        if program.code != programs[0].code:
            periods = periods[1:]
        for number, period in enumerate(periods):
            if ProgramReply.objects.filter(program=program, period=period).exists():
                continue
            text = texts[number % len(texts)]
            answer = ProgramReply(
                program=program,
                period=period,
                live=False,
                next_step_due=period.end + datetime.timedelta(days=120) if text["next_steps"] else None,
            )
            for field in ("you_said", "we_did", "next_steps"):
                set_translations(answer, field, text[field])
            answer.save()
            answer.save_revision(user=staff)
            answer.get_workflow().start(answer, staff)
            answer.current_workflow_state.current_task_state.approve(user=leader, comment="")
            published = timezone.make_aware(
                datetime.datetime.combine(period.end + datetime.timedelta(days=10 + 7 * number), datetime.time(10))
            )
            ProgramReply.objects.filter(pk=answer.pk).update(first_published_at=published, last_published_at=published)
            if number == 0 and program.code == programs[0].code:
                view = SurvivorLeadersView(period=period, program=program, published=True)
                set_translations(view, "text", content.SURVIVOR_LEADERS_VIEW)
                view.save()
