"""The survey is a Wagtail page: editors build it in the admin, in every language."""

import datetime
import io
from collections import Counter

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from feedback import demo
from feedback.models import FeedbackResponse, FeedbackSurvey, SurveyQuestion
from feedback.questions import form_field
from home.models import HomePage
from programs.models import Program
from programs.outcome_domains import DOMAIN_CODES
from tests.conftest import seed_demo_content, sign_in_with_two_steps

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def test_editors_create_a_survey_with_questions_in_the_admin(client, administrator, demo_site):
    sign_in_with_two_steps(client, administrator)
    home = HomePage.objects.get()
    data = nested_form_data(
        {
            "title_en": "Your feedback",
            "title_sw": "Maoni yako",
            "slug": "your-feedback",
            "original_language": "en",
            "intro_en": "Tell us what helped.",
            "accepting_responses": "on",
            "questions": inline_formset(
                [
                    {
                        "question_type": "likert",
                        "text_en": "I feel safe.",
                        "text_sw": "Ninajisikia salama.",
                        "help_text_en": "",
                        "options_en": "",
                        "domain": "",
                        "key": "",
                    },
                    {
                        "question_type": "single_choice",
                        "text_en": "How often?",
                        "options_en": "Weekly\\nMonthly",
                        "options_sw": "Kila wiki\\nKila mwezi",
                        "domain": "",
                        "key": "",
                    },
                ]
            ),
            "action-publish": "publish",
        }
    )
    data = {key: value.replace("\\n", "\n") if isinstance(value, str) else value for key, value in data.items()}
    response = client.post(reverse("wagtailadmin_pages:add", args=["feedback", "feedbacksurvey", home.pk]), data)
    assert response.status_code == 302
    survey = FeedbackSurvey.objects.get(slug="your-feedback")
    assert survey.live
    assert [(q.key, q.question_type, q.text_sw) for q in survey.questions.all()] == [
        ("i-feel-safe", "likert", "Ninajisikia salama."),
        ("how-often", "single_choice", None),
    ]
    question = survey.current_version().question("how-often")
    assert question["options"] == [
        {"key": "weekly", "label": {"en": "Weekly", "sw": "Kila wiki"}},
        {"key": "monthly", "label": {"en": "Monthly", "sw": "Kila mwezi"}},
    ]
    assert form_field(question, "sw").choices[:2] == [("weekly", "Kila wiki"), ("monthly", "Kila mwezi")]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[survey.pk]))
    assert edit.status_code == 200
    assert 'name="questions-0-text_sw"' in edit.content.decode()


def test_there_is_one_program_picker_and_the_survey_page_leads_to_it_in_every_language(client, demo_site):
    seed_demo_content("feedback")
    survey = FeedbackSurvey.objects.get()
    for code in LANGUAGE_CODES:
        response = client.get(f"/{code}/{survey.slug}/")
        assert (response.status_code, response["Location"]) == (302, f"/{code}/feedback/")
        picker = client.get(response["Location"])
        assert picker.status_code == 200
        assert f'href="/{code}/feedback/sample-ke-aftercare/"' in picker.content.decode()
        assert "no-store" in picker["Cache-Control"]


def test_demo_seed_is_idempotent_and_complete(demo_site):
    seed_demo_content("feedback")
    counts = (
        Program.objects.count(),
        FeedbackSurvey.objects.count(),
        SurveyQuestion.objects.count(),
        FeedbackResponse.objects.count(),
    )
    demo.seed(io.StringIO())
    assert (
        Program.objects.count(),
        FeedbackSurvey.objects.count(),
        SurveyQuestion.objects.count(),
        FeedbackResponse.objects.count(),
    ) == counts
    assert counts[0] == 4
    assert len({program.country for program in Program.objects.all()}) == 4
    assert all(program.is_sample for program in Program.objects.all())
    survey = FeedbackSurvey.objects.get()
    assert {question.question_type for question in survey.questions.all()} == {
        "likert", "yes_no_unsure", "single_choice", "multiple_choice", "scale_0_10", "free_text",
    }  # fmt: skip
    # Every ASO domain has one mapped question, Physical Wellbeing included.
    assert sorted(survey.questions.exclude(domain="").values_list("domain", flat=True)) == sorted(DOMAIN_CODES)
    for question in survey.questions.all():
        assert all(getattr(question, f"text_{code}") for code in LANGUAGE_CODES)
    assert all(getattr(survey, f"title_{code}") for code in LANGUAGE_CODES)
    # Two closed years and the current one, with 40 to 150 sample responses per program and quarter.
    today = datetime.date.today()
    per_year = Counter(
        (code, day.year) for code, day in FeedbackResponse.objects.values_list("program__code", "submitted_on")
    )
    assert {key: count for key, count in per_year.items() if key[1] < today.year} == {
        ("sample-ke-aftercare", today.year - 2): 404,
        ("sample-ke-aftercare", today.year - 1): 457,
        ("sample-in-restoration", today.year - 2): 313,
        ("sample-in-restoration", today.year - 1): 433,
        ("sample-kh-survivor-care", today.year - 2): 284,
        ("sample-kh-survivor-care", today.year - 1): 330,
        ("sample-br-acolhimento", today.year - 2): 239,
        ("sample-br-acolhimento", today.year - 1): 242,
    }
    per_quarter = Counter(
        (code, day.year, (day.month - 1) // 3)
        for code, day in FeedbackResponse.objects.values_list("program__code", "submitted_on")
    )
    assert len(per_quarter) == 4 * (8 + (today.month - 1) // 3 + 1)
    assert 40 <= min(per_quarter.values()) and max(per_quarter.values()) <= 150
    assert len(set(per_quarter.values())) > 30
    assert min(FeedbackResponse.objects.values_list("submitted_on", flat=True)).year == today.year - 2
    assert not FeedbackResponse.objects.filter(submitted_on__gt=today).exists()
    assert not FeedbackResponse.objects.filter(is_sample=False).exists()
