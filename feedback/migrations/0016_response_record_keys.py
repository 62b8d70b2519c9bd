"""Every response gets its own random record key for the cell key method (reporting.ptable).

A field added with a callable default gives every existing row the same value, so the column is
added empty, each existing row is given its own random key, and only then is it required.
"""

import secrets

from django.db import migrations, models

import reporting.keys


def give_random_keys(apps, schema_editor):
    model = apps.get_model("feedback", "FeedbackResponse")
    rows = list(model.objects.filter(record_key__isnull=True).only("pk"))
    for row in rows:
        row.record_key = secrets.randbelow(256)
    model.objects.bulk_update(rows, ["record_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0015_records_leave_the_reference_index")]

    operations = [
        migrations.AddField(
            model_name="feedbackresponse", name="record_key", field=models.PositiveSmallIntegerField(null=True)
        ),
        migrations.RunPython(give_random_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="feedbackresponse",
            name="record_key",
            field=models.PositiveSmallIntegerField(default=reporting.keys.new_record_key, editable=False),
        ),
    ]
