"""Moderators may give a member a temporary password (which the member must change); reports are
called reports. Invitation codes made before the short form keep working (matched exactly)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def grant_temporary_password_permission(apps, schema_editor):
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(
        Permission.objects.get(content_type__app_label="stories", codename="set_temporary_password")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_story_review_workflow"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="contentreport",
            options={"ordering": ["-created_at"], "verbose_name": "report", "verbose_name_plural": "reports"},
        ),
        migrations.AlterModelOptions(
            name="memberprofile",
            options={
                "permissions": [("set_temporary_password", "Can set a temporary password for a member")],
                "verbose_name": "member profile",
                "verbose_name_plural": "member profiles",
            },
        ),
        migrations.AddField(
            model_name="memberprofile",
            name="must_change_password",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Set when a moderator gave a temporary password; cleared when the member chooses their own.",
                verbose_name="must change password",
            ),
        ),
        migrations.RunPython(grant_temporary_password_permission, migrations.RunPython.noop),
    ]
