"""Assessments and staged rows are records, not content: Wagtail's reference index no longer follows
their links (wagtail_reference_index_ignore), and the rows it already wrote go."""

from django.db import migrations

RECORDS = ["asoassessment", "stagedassessment"]


def forget_records(apps, schema_editor):
    apps.get_model("wagtailcore", "ReferenceIndex").objects.filter(
        content_type__app_label="outcomes", content_type__model__in=RECORDS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0006_programs_move_to_their_own_app"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forget_records, migrations.RunPython.noop)]
