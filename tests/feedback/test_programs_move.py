"""Programs move to their own app with every row, staff link, survey choice and permission kept."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .factories import make_survey
from .test_response_keys import executor_leaf, migrate

BEFORE = [("feedback", "0011_outcome_domain_codes"), ("outcomes", "0005_min_cell_size_in_privacy_settings")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
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

    new_apps = migrate(executor_leaf())

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
