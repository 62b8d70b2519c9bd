from django.db import migrations

# The two feedback roles as they were created. Frozen here: a migration must not import the app's
# live code (feedback.roles), which later changes would alter under it.
GROUP_PERMISSIONS = {
    "Program staff": [
        ("wagtailadmin", "access_admin"),
        ("feedback", "view_feedbackresponse"),
        ("feedback", "add_feedbackresponse"),
    ],
    "Feedback reviewers": [
        ("wagtailadmin", "access_admin"),
        ("feedback", "view_all_programs"),
        ("feedback", "view_program"),
        ("feedback", "view_feedbackresponse"),
        ("feedback", "add_feedbackresponse"),
        ("feedback", "change_feedbackresponse"),
    ],
}


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after `migrate`; this migration needs them now. In a
    # migration the app config is a stub without models_module, which create_permissions skips.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_surveys_and_responses"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
