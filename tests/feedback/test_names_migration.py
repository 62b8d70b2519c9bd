"""A database holding the demo content keeps everything when the program's reply gets its own name
(ProgramAnswer -> ProgramReply) and reporting periods move to the reporting app: the rows, each
group's permissions (now `*_programreply`, and the period's under `reporting`), the revisions,
workflow states, log entries and locks, the keys to each period, and the admin screens open on the
same rows."""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import sign_in_with_two_steps

# The database as it stood before the reply was renamed and the period model moved.
BEFORE = [("feedback", "0018_text_channels"), ("reporting", "0001_initial")]
ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")


def migrate(targets):
    """Migrate to `targets`; the content types' cache is emptied, and refilled at the latest state
    (restoring the database after a test reads it)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    if set(targets) == set(latest()):
        ContentType.objects.get_for_models(*django_apps.get_models())
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def group_permissions():
    return {
        group.name: sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all())
        for group in Group.objects.all()
    }


def pointing_at(content_type_id):
    """Revisions, workflow states and log entries that point at a content type, by primary key."""
    from wagtail.models import ModelLogEntry, Revision, WorkflowContentType, WorkflowState

    return {
        "revisions": sorted(Revision.objects.filter(base_content_type_id=content_type_id).values_list("pk", flat=True)),
        "states": sorted(
            WorkflowState.objects.filter(base_content_type_id=content_type_id).values_list("pk", flat=True)
        ),
        "log entries": sorted(
            ModelLogEntry.objects.filter(content_type_id=content_type_id).values_list("pk", flat=True)
        ),
        "workflows": sorted(
            WorkflowContentType.objects.filter(content_type_id=content_type_id).values_list("workflow_id", flat=True)
        ),
    }


@pytest.mark.django_db(transaction=True)
def test_the_demo_database_keeps_its_replies_periods_permissions_history_and_locks(client, seed_everything):
    old_apps = migrate(BEFORE)

    OldReply = old_apps.get_model("feedback", "ProgramAnswer")
    rows = sorted(OldReply.objects.values_list("pk", "program_id", "period_id", "live", "we_did_en"))
    assert len(rows) >= 4
    OldPeriod = old_apps.get_model("feedback", "ReportingPeriod")
    periods = sorted(OldPeriod.objects.values_list("pk", "kind", "start", "end"))
    assert len(periods) >= 4
    views = sorted(old_apps.get_model("feedback", "SurvivorLeadersView").objects.values_list("pk", "period_id"))
    assert views
    period_type = ContentType.objects.get(app_label="feedback", model="reportingperiod")
    # A group that may read periods, to see it keep that permission when the model moves.
    readers = old_apps.get_model("auth", "Group").objects.create(name="Period readers")
    readers.permissions.add(
        old_apps.get_model("auth", "Permission").objects.get(
            content_type_id=period_type.pk, codename="view_reportingperiod"
        )
    )
    locker = old_apps.get_model("auth", "User").objects.get(username="survivor-leader")
    locked = rows[0][0]
    OldReply.objects.filter(pk=locked).update(locked=True, locked_by=locker)
    old_type = ContentType.objects.get(app_label="feedback", model="programanswer")
    history = pointing_at(old_type.pk)
    assert history["revisions"] and history["log entries"] and history["states"] and history["workflows"]
    before = group_permissions()
    assert "feedback.publish_programanswer" in before["Survivor leaders"]
    assert "feedback.add_programanswer" in before["Program staff"]

    migrate(latest())

    from feedback.models import ProgramReply

    assert sorted(ProgramReply.objects.values_list("pk", "program_id", "period_id", "live", "we_did_en")) == rows
    assert group_permissions() == {
        name: sorted(
            codename.replace("_programanswer", "_programreply").replace(
                "feedback.view_reportingperiod", "reporting.view_reportingperiod"
            )
            for codename in codenames
        )
        for name, codenames in before.items()
    }
    assert before["Period readers"] == ["feedback.view_reportingperiod"]
    assert not Permission.objects.filter(codename__endswith="_programanswer").exists()
    new_type = ContentType.objects.get_for_model(ProgramReply)
    assert new_type.pk == old_type.pk
    assert not ContentType.objects.filter(app_label="feedback", model="programanswer").exists()
    assert pointing_at(new_type.pk) == history
    reply = ProgramReply.objects.get(pk=locked)
    assert (reply.locked, reply.locked_by.username) == (True, "survivor-leader")
    assert reply.revisions.exists() and reply.workflow_states.exists()

    from feedback.models import SurvivorLeadersView
    from reporting.models import ReportingPeriod

    assert sorted(ReportingPeriod.objects.values_list("pk", "kind", "start", "end")) == periods
    assert ContentType.objects.get_for_model(ReportingPeriod).pk == period_type.pk
    assert not ContentType.objects.filter(app_label="feedback", model="reportingperiod").exists()
    assert sorted(SurvivorLeadersView.objects.values_list("pk", "period_id")) == views
    assert reply.period.pk == rows[0][2] and isinstance(reply.period, ReportingPeriod)

    administrator = get_user_model().objects.get(username="administrator")
    sign_in_with_two_steps(client, administrator)
    edit = client.get(f"/admin/snippets/feedback/programreply/edit/{locked}/")
    assert edit.status_code == 200
    assert reply.we_did_en in edit.content.decode()
    assert client.get(f"/admin/snippets/feedback/programreply/history/{locked}/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_permissions_already_created_under_the_new_name_are_merged_and_every_group_keeps_its_links():
    old_apps = migrate(BEFORE)
    OldGroup = old_apps.get_model("auth", "Group")
    OldPermission = old_apps.get_model("auth", "Permission")
    old_type = ContentType.objects.get(app_label="feedback", model="programanswer")
    # What post_migrate leaves when it ran with the new model before the rename: a second content
    # type and the new permissions, one of them already given to a group.
    stray_type = ContentType.objects.create(app_label="feedback", model="programreply")
    for action in ACTIONS:
        OldPermission.objects.get_or_create(
            content_type_id=old_type.pk, codename=f"{action}_programanswer", defaults={"name": f"Can {action}"}
        )
        OldPermission.objects.create(content_type_id=stray_type.pk, codename=f"{action}_programreply", name="x")
    OldPermission.objects.create(content_type_id=stray_type.pk, codename="review_program_answers", name="x")
    editors = OldGroup.objects.create(name="Reply editors")
    editors.permissions.add(OldPermission.objects.get(codename="change_programanswer"))
    editors.permissions.add(OldPermission.objects.get(codename="view_programreply"))
    staff = OldGroup.objects.get(name="Program staff")
    staff_before = sorted(staff.permissions.values_list("codename", flat=True))

    migrate(latest())

    from feedback.models import ProgramReply

    reply_type = ContentType.objects.get_for_model(ProgramReply)
    assert reply_type.pk == old_type.pk
    assert list(ContentType.objects.filter(app_label="feedback", model__startswith="program")) == [reply_type]
    assert sorted(Permission.objects.filter(content_type=reply_type).values_list("codename", flat=True)) == sorted(
        [f"{action}_programreply" for action in ACTIONS] + ["review_program_answers"]
    )
    assert sorted(Group.objects.get(name="Reply editors").permissions.values_list("codename", flat=True)) == [
        "change_programreply",
        "view_programreply",
    ]
    assert sorted(Group.objects.get(name="Program staff").permissions.values_list("codename", flat=True)) == sorted(
        codename.replace("_programanswer", "_programreply") for codename in staff_before
    )


@pytest.mark.django_db(transaction=True)
def test_the_rename_reverses_with_every_permission():
    from feedback.models import ProgramReply

    reply_type = ContentType.objects.get_for_model(ProgramReply)
    staff = sorted(Group.objects.get(name="Program staff").permissions.values_list("codename", flat=True))
    migrate(BEFORE)
    assert ContentType.objects.get(pk=reply_type.pk).model == "programanswer"
    assert sorted(Group.objects.get(name="Program staff").permissions.values_list("codename", flat=True)) == sorted(
        codename.replace("_programreply", "_programanswer") for codename in staff
    )
    migrate(latest())
    assert ContentType.objects.get(pk=reply_type.pk).model == "programreply"
    assert sorted(Group.objects.get(name="Program staff").permissions.values_list("codename", flat=True)) == staff
