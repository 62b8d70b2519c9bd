"""Wagtail gives "choose" on every image and document to each group with admin access that exists
when its choose permission arrives, the feedback roles included. Program staff and feedback
reviewers work with program data only: story images (and documents) are not theirs to browse."""

from django.db import migrations

FEEDBACK_ROLES = ["Program staff", "Feedback reviewers"]


def remove_choose_permissions(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        group__name__in=FEEDBACK_ROLES,
        permission__codename__in=["choose_image", "choose_document"],
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0005_program_helpline"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(remove_choose_permissions, migrations.RunPython.noop)]
