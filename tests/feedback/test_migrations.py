"""What feedback's migrations leave behind: a new database gets the roles, the review workflow and
the ASO domains; an existing one keeps every program, staff link, survey choice and permission when
programs move to their own app."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from .factories import make_survey

# Where the move starts: feedback and outcomes as they stood before it (each squashed into one step).
BEFORE = [
    ("feedback", "0001_squashed_0011_outcome_domain_codes"),
    ("outcomes", "0001_squashed_0005_min_cell_size_in_privacy_settings"),
]


def migrate(targets):
    """Migrate the test database to `targets` and give the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_programs_keep_their_staff_survey_choice_assessments_and_reviewers_permission_when_they_move():
    chosen_survey_id = make_survey(slug="chosen-survey").pk
    old_apps = migrate(BEFORE)
    User = old_apps.get_model("auth", "User")
    staff = User.objects.create(username="staff-member")
    Program = old_apps.get_model("feedback", "Program")
    chosen = Program.objects.create(
        code="chosen", name="Chosen", organisation="Org", country="Kenya", casework_types=[], survey_id=chosen_survey_id
    )
    chosen.staff.add(staff)
    default = Program.objects.create(
        code="default", name="Default", organisation="Org", country="Kenya", casework_types=[]
    )
    Assessment = old_apps.get_model("outcomes", "AsoAssessment")
    Assessment.objects.create(program=chosen, case_hash="h", assessed_on="2026-01-01", occasion=1, safety=3.0)
    reviewers = old_apps.get_model("auth", "Group").objects.get(name="Feedback reviewers")
    reviewer_permissions = sorted(reviewers.permissions.values_list("codename", flat=True))

    new_apps = migrate(latest())

    Program = new_apps.get_model("programs", "Program")
    assert sorted(Program.objects.values_list("code", flat=True)) == ["chosen", "default"]
    assert list(Program.objects.get(code="chosen").staff.values_list("username", flat=True)) == ["staff-member"]
    Link = new_apps.get_model("feedback", "FeedbackLink")
    assert list(Link.objects.values_list("program__code", "survey_id")) == [("chosen", chosen_survey_id)]
    assert not Link.objects.filter(program_id=default.pk).exists()
    Assessment = new_apps.get_model("outcomes", "AsoAssessment")
    assert Assessment.objects.get().program.code == "chosen"
    # The content type moved with the model, so the reviewers' group kept its permissions.
    assert not ContentType.objects.filter(app_label="feedback", model="program").exists()
    assert sorted(Group.objects.get(name="Feedback reviewers").permissions.values_list("codename", flat=True)) == (
        reviewer_permissions
    )
    assert Permission.objects.get(codename="view_all_programs").content_type.app_label == "programs"


ROLES = {
    "Program staff": [
        "feedback.add_feedbackresponse",
        "feedback.add_programreply",
        "feedback.change_programreply",
        "feedback.view_feedbackresponse",
        "feedback.view_programreply",
        "wagtailadmin.access_admin",
    ],
    "Feedback reviewers": [
        "feedback.add_feedbackresponse",
        "feedback.change_feedbackresponse",
        "feedback.view_feedbackresponse",
        "programs.view_all_programs",
        "programs.view_program",
        "wagtailadmin.access_admin",
    ],
    "Survivor leaders": [
        "feedback.add_survivorleadersview",
        "feedback.change_survivorleadersview",
        "feedback.publish_programreply",
        "feedback.review_program_answers",
        "feedback.view_programreply",
        "feedback.view_survivorleadersview",
        "wagtailadmin.access_admin",
    ],
}


@pytest.mark.django_db(transaction=True)
def test_a_new_database_gets_the_three_roles_the_answer_review_and_the_six_domains():
    from wagtail.models import GroupCollectionPermission, WorkflowContentType

    from feedback.models import ProgramReply
    from outcomes.models import OutcomeDomain
    from programs.outcome_domains import DOMAIN_CODES

    roles = {
        group.name: sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all())
        for group in Group.objects.filter(name__in=ROLES)
    }
    assert roles == ROLES
    # Story images and documents are not the feedback roles' to browse.
    assert not GroupCollectionPermission.objects.filter(group__name__in=["Program staff", "Feedback reviewers"])
    review = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(ProgramReply)).workflow
    assert (review.name, [task.name for task in review.tasks.all()]) == (
        "Survivor leaders' review",
        ["Survivor leaders approve"],
    )
    assert list(OutcomeDomain.objects.values_list("code", flat=True)) == list(DOMAIN_CODES)


@pytest.mark.django_db(transaction=True)
def test_existing_answers_keep_their_response_and_values_and_get_random_keys():
    import uuid

    from feedback.models import FeedbackAnswer

    from .factories import ProgramFactory, make_response

    survey = make_survey(slug="answers-move")
    response = make_response(ProgramFactory(code="answers-move"), survey)
    old_apps = migrate([("feedback", "0016_response_record_keys")])
    OldAnswer = old_apps.get_model("feedback", "FeedbackAnswer")
    for number in (4, 2, 5):
        OldAnswer.objects.create(
            response_id=response.pk, question_key="feel-safe", question_type="likert", number=number
        )
    OldAnswer.objects.create(response_id=response.pk, question_key="better", question_type="free_text", text="Kept.")
    migrate(latest())
    answers = FeedbackAnswer.objects.filter(response=response)
    assert sorted((a.question_key, a.number, a.text) for a in answers) == [
        ("better", None, "Kept."),
        ("feel-safe", 2, ""),
        ("feel-safe", 4, ""),
        ("feel-safe", 5, ""),
    ]
    assert all(isinstance(answer.pk, uuid.UUID) and answer.pk.version == 4 for answer in answers)
