"""Questions, answers and stored survey drafts keep their ASO domain when it becomes a code, and each
site keeps its minimum cell size when it moves to the Privacy settings."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Site

from .factories import make_survey
from .test_response_keys import migrate

BEFORE = [("feedback", "0010_answer_due_notices"), ("outcomes", "0004_impact_snapshots")]
AFTER = [("feedback", "0011_outcome_domain_codes"), ("outcomes", "0005_min_cell_size_in_privacy_settings")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_domains_become_codes_in_questions_answers_and_revisions_and_the_cell_size_is_kept():
    survey_id = make_survey(slug="domain-survey").pk
    site_id = Site.objects.get(is_default_site=True).pk
    old_apps = migrate(BEFORE)
    Domain = old_apps.get_model("outcomes", "OutcomeDomain")
    safety, social = Domain.objects.get(code="safety"), Domain.objects.get(code="social_support")
    Question = old_apps.get_model("feedback", "SurveyQuestion")
    Question.objects.filter(page_id=survey_id).update(domain=None)
    first, second = Question.objects.filter(page_id=survey_id).order_by("sort_order")[:2]
    Question.objects.filter(pk=first.pk).update(domain=safety)
    Question.objects.filter(pk=second.pk).update(domain=social)
    Program = old_apps.get_model("feedback", "Program")
    program = Program.objects.create(code="p", name="P", organisation="Org", country="Kenya", casework_types=[])
    Version = old_apps.get_model("feedback", "SurveyVersion")
    version = Version.objects.create(survey_id=survey_id, number=9, fingerprint="f", questions=[])
    Response = old_apps.get_model("feedback", "FeedbackResponse")
    response = Response.objects.create(
        program=program, survey_version=version, language="en", submitted_on=datetime.date(2026, 1, 1),
        submission_hash="s", receipt_hash="r",
    )  # fmt: skip
    Answer = old_apps.get_model("feedback", "FeedbackAnswer")
    Answer.objects.create(response=response, question_key="a", question_type="likert", number=4, domain=safety)
    Answer.objects.create(response=response, question_key="b", question_type="likert", number=2)
    Revision = old_apps.get_model("wagtailcore", "Revision")
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    survey_type = ContentType.objects.get(app_label="feedback", model="feedbacksurvey")
    Revision.objects.create(
        content_type=survey_type, base_content_type=ContentType.objects.get(app_label="wagtailcore", model="page"),
        object_id=str(survey_id), object_str="draft", created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        content={"title": "draft", "questions": [{"key": "a", "domain": social.pk}, {"key": "b", "domain": None}]},
    )  # fmt: skip
    OutcomeSettings = old_apps.get_model("outcomes", "OutcomeSettings")
    OutcomeSettings.objects.update_or_create(site_id=site_id, defaults={"min_cell_size": 9})

    new_apps = migrate(AFTER)
    Question = new_apps.get_model("feedback", "SurveyQuestion")
    assert list(Question.objects.filter(page_id=survey_id).order_by("sort_order").values_list("domain", flat=True))[
        :3
    ] == ["safety", "social_support", ""]
    Answer = new_apps.get_model("feedback", "FeedbackAnswer")
    assert sorted(Answer.objects.values_list("question_key", "domain")) == [("a", "safety"), ("b", "")]
    Revision = new_apps.get_model("wagtailcore", "Revision")
    draft = Revision.objects.get(object_id=str(survey_id), object_str="draft")
    assert draft.content["questions"] == [{"key": "a", "domain": "social_support"}, {"key": "b", "domain": ""}]
    PrivacySettings = new_apps.get_model("gsn_site", "PrivacySettings")
    assert PrivacySettings.objects.get(site_id=site_id).min_cell_size == 9
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
