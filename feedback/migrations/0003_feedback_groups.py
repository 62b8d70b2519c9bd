from django.db import migrations


def create_groups(apps, schema_editor):
    from feedback.roles import ensure_feedback_groups

    ensure_feedback_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_surveys_and_responses"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
