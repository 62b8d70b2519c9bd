"""Response keys are random UUIDs, also for responses stored before they were."""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from feedback.models import FeedbackResponse

from .factories import make_response, make_survey

BEFORE = [("feedback", "0003_feedback_groups")]
AFTER = [("feedback", "0004_random_response_keys")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_gives_existing_responses_random_keys_and_keeps_their_answers():
    survey_id = make_survey(slug="old-survey").pk
    old_apps = migrate(BEFORE)
    Program = old_apps.get_model("feedback", "Program")
    Survey = old_apps.get_model("feedback", "FeedbackSurvey")
    Version = old_apps.get_model("feedback", "SurveyVersion")
    Response = old_apps.get_model("feedback", "FeedbackResponse")
    Answer = old_apps.get_model("feedback", "FeedbackAnswer")
    program = Program.objects.create(
        code="old-program", name="Old program", organisation="Org", country="Kenya", casework_types=[]
    )
    survey = Survey.objects.get(pk=survey_id)
    version = Version.objects.create(survey=survey, number=1, fingerprint="f", questions=[])
    for number in range(3):
        response = Response.objects.create(
            program=program, survey_version=version, language="en", submitted_on=datetime.date(2026, 1, 1 + number),
            submission_hash=f"s{number}", receipt_hash=f"r{number}",
        )  # fmt: skip
        Answer.objects.create(response=response, question_key="q", question_type="likert", number=number + 1)
        Answer.objects.create(response=response, question_key="t", question_type="free_text", text=f"text {number}")

    new_apps = migrate(AFTER)
    Response = new_apps.get_model("feedback", "FeedbackResponse")
    rows = list(Response.objects.order_by("submitted_on"))
    assert [type(row.pk) for row in rows] == [uuid.UUID] * 3
    assert [row.submission_hash for row in rows] == ["s0", "s1", "s2"]
    assert [sorted(str(a.number or a.text) for a in row.answers.all()) for row in rows] == [
        ["1", "text 0"],
        ["2", "text 1"],
        ["3", "text 2"],
    ]
    migrate(executor_leaf())


def executor_leaf():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db
def test_new_responses_get_random_uuid_keys_that_do_not_follow_the_order_of_arrival(program, survey):
    responses = [make_response(program, survey, feel_safe=4) for _ in range(20)]
    assert all(isinstance(response.pk, uuid.UUID) and response.pk.version == 4 for response in responses)
    keys = [response.pk for response in responses]
    assert keys != sorted(keys)
    assert FeedbackResponse.objects.filter(pk=keys[0]).get().answers.count() == 1
