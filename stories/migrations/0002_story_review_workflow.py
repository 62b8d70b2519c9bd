"""The "Story review" workflow (one approval task for the Moderators group), and what moderators may
do in the admin: handle reports, hand out invitations, correct member profiles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    "view_contentreport",
    "change_contentreport",
    "view_invitationcode",
    "add_invitationcode",
    "change_invitationcode",
    "view_memberprofile",
    "change_memberprofile",
]
WORKFLOW_NAME = "Story review"
TASK_NAME = "Moderators approve the story"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators, _created = Group.objects.get_or_create(name="Moderators")
    # Permissions of new models are normally created after all migrations; moderators need them now.
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    moderators.permissions.add(
        *Permission.objects.filter(content_type__app_label="stories", codename__in=MODERATOR_PERMISSIONS)
    )
    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([moderators])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
