"""Responses, answers, access log entries and due notices are records, not content: Wagtail's
reference index no longer follows their links (wagtail_reference_index_ignore), and the rows it
already wrote go, so that a program's usage screen does not list them (it failed on the access log,
which has no edit screen)."""

from django.db import migrations

RECORDS = ["feedbackresponse", "feedbackanswer", "accesslogentry", "answerduenotice"]


def forget_records(apps, schema_editor):
    apps.get_model("wagtailcore", "ReferenceIndex").objects.filter(
        content_type__app_label="feedback", content_type__model__in=RECORDS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0014_programs_move_to_their_own_app"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forget_records, migrations.RunPython.noop)]
