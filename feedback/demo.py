"""Demo feedback: four fictional programs, a survey in every language, a year of sample responses."""

import datetime
import random

from django.contrib.auth import get_user_model

from feedback.outcomes.models import OutcomeDomain
from gsn_site.demo import set_translations
from home.models import HomePage

from . import demo_content as content
from .models import Channel, FeedbackResponse, FeedbackSurvey, Program, SurveyQuestion
from .questions import NUMBER_RANGES
from .roles import FEEDBACK_REVIEWERS, PROGRAM_STAFF, ensure_feedback_groups
from .submission import store_response

SAMPLE_RESPONSES = 320


def seed(stdout):
    programs = [_program(data) for data in content.PROGRAMS]
    survey = _survey()
    _responses(survey, programs)
    groups = ensure_feedback_groups()
    _staff_user(programs[0], groups[PROGRAM_STAFF], stdout)
    _moderator_reviews_feedback(groups[FEEDBACK_REVIEWERS])
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
        code=data["code"], organisation=data["organisation"], country=data["country"], casework_types=data["casework_types"], is_sample=True
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
    domains = {domain.code: domain for domain in OutcomeDomain.objects.all()}
    survey = FeedbackSurvey(slug=content.SURVEY["slug"], show_in_menus=True)
    for field in ("title", "intro", "thank_you"):
        set_translations(survey, field, content.SURVEY[field])
    for position, data in enumerate(content.QUESTIONS):
        question = SurveyQuestion(
            key=data["key"],
            question_type=data["type"],
            domain=domains.get(data["domain"]),
            reverse_scored=data.get("reverse_scored", False),
            sort_order=position,
        )
        set_translations(question, "text", data["text"])
        set_translations(question, "help_text", data["help"])
        set_translations(question, "options", {code: "\n".join(lines) for code, lines in data.get("options", {}).items()})
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
        user = User.objects.create_user(content.DEMO_STAFF_USERNAME, password=content.DEMO_STAFF_PASSWORD, is_staff=True)
        user.groups.add(group)
        program.staff.add(user)
        stdout.write(
            f"Demo program staff login: {content.DEMO_STAFF_USERNAME} / {content.DEMO_STAFF_PASSWORD} "
            f"(sees only {program.code}; set up two-factor authentication at first login)."
        )
