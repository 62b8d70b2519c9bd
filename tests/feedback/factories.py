"""Factories for feedback tests: programs, a survey with one question of every type, responses."""

import datetime
import itertools

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from feedback.models import FeedbackLink, FeedbackSurvey, SurveyQuestion
from feedback.receipts import submission_hash
from feedback.submission import store_response
from programs.models import Program

_tokens = itertools.count()

# key -> (type, domain, reverse scored, English options)
QUESTIONS = {
    "feel-safe": ("likert", "safety", False, []),
    "often-afraid": ("likert", "safety", True, []),
    "legal-help-clear": ("yes_no_unsure", "legal_protection", False, []),
    "confident-earning": ("scale_0_10", "economic_empowerment_education", False, []),
    "contact": ("single_choice", None, False, ["Every week", "Every month", "Never"]),
    "helped": ("multiple_choice", None, False, ["Counselling", "Legal help", "Health care"]),
    "better": ("free_text", None, False, []),
}


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"program-{n}")
    name = factory.Sequence(lambda n: f"Program {n}")
    name_en = factory.SelfAttribute("name")
    organisation = "Test organisation"
    country = "Kenya"
    casework_types = ["forced_labour"]

    @factory.post_generation
    def survey(program, create, survey, **kwargs):
        """`ProgramFactory(survey=s)`: the program's feedback link opens `s` (a feedback link row)."""
        if survey is not None:
            FeedbackLink.objects.create(program=program, survey=survey)


def make_survey(parent=None, slug="survey", **fields):
    """A live survey with one question of every type (Swahili wording on the first question)."""
    parent = parent or Page.get_first_root_node()
    Page.objects.filter(pk=parent.pk, title_en__isnull=True).update(title_en=parent.title)
    parent.refresh_from_db()
    survey = FeedbackSurvey(
        title="How was the program?", title_en="How was the program?", title_sw="Mpango ulikuwaje?", slug=slug, **fields
    )
    for position, (key, (question_type, domain, reverse, options)) in enumerate(QUESTIONS.items()):
        survey.questions.add(
            SurveyQuestion(
                key=key,
                question_type=question_type,
                text=f"Question {key}?",
                text_en=f"Question {key}?",
                text_sw=f"Swali {key}?" if position == 0 else None,
                help_text_en=f"Help for {key}.",
                options_en="\n".join(options),
                domain=domain or "",
                reverse_scored=reverse,
                sort_order=position,
            )
        )
    parent.add_child(instance=survey)
    survey.save_revision().publish()
    return FeedbackSurvey.objects.get(pk=survey.pk)


def make_response(program, survey, submitted_on=None, language="en", channel="web", **answers):
    """Store a response as the public form would; answers are given by question key."""
    version = survey.current_version()
    cleaned = {f"q_{key.replace('_', '-')}": value for key, value in answers.items()}
    token = f"test-token-{next(_tokens)}"
    store_response(
        program=program,
        version=version,
        language=language,
        channel=channel,
        cleaned_data=cleaned,
        token=token,
        submitted_on=submitted_on or datetime.date.today(),
    )
    return program.responses.get(submission_hash=submission_hash(token))


def program_form(program, rows, initial=None, **changes):
    """The program's edit screen as an administrator submits it, with its feedback link `rows`;
    `initial` is how many rows the screen showed (by default, those stored now)."""
    if initial is None:
        initial = FeedbackLink.objects.filter(program=program).count()
    fields = {
        "code": program.code,
        "name": program.name,
        "organisation": program.organisation,
        "country": program.country,
        "casework_types": program.casework_types,
        "active": "on",
        "helpline": program.helpline,
        "feedback_links": inline_formset(rows, initial=initial),
    }
    return nested_form_data({**fields, **changes})
