"""The Survivor leaders role, program staff's right to draft answers, and the review workflow every
program answer goes through before publication (approved or sent back by a survivor leader)."""

from django.db import migrations

SURVIVOR_LEADERS = "Survivor leaders"
PROGRAM_STAFF = "Program staff"
WORKFLOW_NAME = "Survivor leaders' review"
GROUP_PERMISSIONS = {
    PROGRAM_STAFF: [
        ("feedback", "add_programanswer"),
        ("feedback", "change_programanswer"),
        ("feedback", "view_programanswer"),
    ],
    SURVIVOR_LEADERS: [
        ("wagtailadmin", "access_admin"),
        ("feedback", "review_program_answers"),
        ("feedback", "view_programanswer"),
        # Approving the last task of the review publishes the answer (Wagtail checks this permission).
        ("feedback", "publish_programanswer"),
        ("feedback", "add_survivorleadersview"),
        ("feedback", "change_survivorleadersview"),
        ("feedback", "view_survivorleadersview"),
    ],
}


def create_role_and_workflow(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    answer_type, _created = ContentType.objects.get_or_create(app_label="feedback", model="programanswer")
    # Wagtail adds this permission of a draft-and-publish snippet after `migrate`; it is needed now.
    Permission.objects.get_or_create(
        content_type=answer_type, codename="publish_programanswer", defaults={"name": "Can publish program answer"}
    )

    for name, permissions in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))

    leaders = Group.objects.get(name=SURVIVOR_LEADERS)
    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Survivor leaders approve", defaults={"content_type": task_type, "active": True}
    )
    if created:
        task.groups.set([leaders])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.update_or_create(content_type=answer_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0008_program_answers"),
        ("feedback", "0003_feedback_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_role_and_workflow, migrations.RunPython.noop)]
