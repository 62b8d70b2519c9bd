"""Every assessment gets its own random record key for the cell key method (reporting.ptable).

Added empty, filled row by row with random keys, then required (a callable default would give every
existing row the same key).
"""

import secrets

from django.db import migrations, models

import reporting.keys


def give_random_keys(apps, schema_editor):
    model = apps.get_model("outcomes", "AsoAssessment")
    rows = list(model.objects.filter(record_key__isnull=True).only("pk"))
    for row in rows:
        row.record_key = secrets.randbelow(256)
    model.objects.bulk_update(rows, ["record_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0008_queued_tasks_follow_the_app")]

    operations = [
        migrations.AddField(
            model_name="asoassessment", name="record_key", field=models.PositiveSmallIntegerField(null=True)
        ),
        migrations.RunPython(give_random_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="asoassessment",
            name="record_key",
            field=models.PositiveSmallIntegerField(default=reporting.keys.new_record_key, editable=False),
        ),
    ]
