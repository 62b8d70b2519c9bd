"""Demo feedback: four fictional programs, a survey in every language, a year of sample responses."""

import datetime
import random

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from gsn_site.demo import demo_password, demo_totp_secret, give_demo_authenticator, set_translations
from home.models import HomePage
from programs.models import Program

from . import demo_content as content
from .models import (
    Channel,
    FeedbackResponse,
    FeedbackSurvey,
    ProgramAnswer,
    SurveyQuestion,
    SurvivorLeadersView,
)
from .questions import NUMBER_RANGES
from .roles import FEEDBACK_REVIEWERS, PROGRAM_STAFF, SURVIVOR_LEADERS, ensure_feedback_groups
from .submission import store_response

SAMPLE_RESPONSES = 320


def seed(stdout):
    programs = [_program(data) for data in content.PROGRAMS]
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


def _program(data):
    program = Program.objects.filter(code=data["code"]).first()
    if program:
        return program
    program = Program(
        code=data["code"],
        organisation=data["organisation"],
        country=data["country"],
        casework_types=data["casework_types"],
        is_sample=True,
    )
    set_translations(program, "name", data["name"])
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
    for number in range(SAMPLE_RESPONSES):
        program = rng.choices(programs, weights=[5, 4, 3, 2])[0]
        languages = next(data["languages"] for data in content.PROGRAMS if data["code"] == program.code)
        answers = {}
        for question in version.questions:
            if rng.random() < 0.15:  # skipped
                continue
            name = f"q_{question['key']}"
            if question["type"] in NUMBER_RANGES:
                low, high = NUMBER_RANGES[question["type"]]
                answers[name] = min(high, max(low, round(rng.triangular(low, high, high * 0.7))))
            elif question["type"] == "single_choice":
                answers[name] = rng.choice(question["options"])["key"]
            elif question["type"] == "multiple_choice":
                answers[name] = [option["key"] for option in rng.sample(question["options"], rng.randint(1, 3))]
            elif rng.random() < 0.3:
                answers[name] = rng.choice(content.FREE_TEXT)
        store_response(
            program=program,
            version=version,
            language=rng.choice(languages),
            channel=rng.choices([Channel.WEB, Channel.ASSISTED, Channel.PAPER], weights=[7, 2, 1])[0],
            cleaned_data=answers,
            token=f"sample-response-{number}",
            submitted_on=today - datetime.timedelta(days=rng.randint(0, 364)),
            is_sample=True,
        )


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
            if ProgramAnswer.objects.filter(program=program, period=period).exists():
                continue
            text = texts[number % len(texts)]
            answer = ProgramAnswer(
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
            ProgramAnswer.objects.filter(pk=answer.pk).update(first_published_at=published, last_published_at=published)
            if number == 0 and program.code == programs[0].code:
                view = SurvivorLeadersView(period=period, program=program, published=True)
                set_translations(view, "text", content.SURVIVOR_LEADERS_VIEW)
                view.save()
