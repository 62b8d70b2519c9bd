"""Responses get random UUID keys instead of sequential numbers.

A primary key cannot change type in place on every database (and the answers point to it), so the
responses move to a new table keyed by UUID, the answers are pointed at their new rows, the old
table is dropped and the new one takes its name. The permissions of the model stay as they were.
"""

import datetime
import uuid

import django.db.models.deletion
from django.db import migrations, models

RESPONSE_FIELDS = (
    "program_id", "survey_version_id", "language", "channel", "submitted_on",
    "submission_hash", "receipt_hash", "review_status", "is_sample",
)  # fmt: skip


def move_responses(apps, schema_editor):
    Old = apps.get_model("feedback", "FeedbackResponse")
    New = apps.get_model("feedback", "KeyedFeedbackResponse")
    Answer = apps.get_model("feedback", "FeedbackAnswer")
    # Random keys, created in random order: nothing of the old sequence survives.
    for old in Old.objects.order_by("?").iterator():
        new = New.objects.create(id=uuid.uuid4(), **{name: getattr(old, name) for name in RESPONSE_FIELDS})
        Answer.objects.filter(response_id=old.pk).update(keyed_response=new)


class Migration(migrations.Migration):

    dependencies = [
        ("feedback", "0003_feedback_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="KeyedFeedbackResponse",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("language", models.CharField(choices=[("en", "English"), ("es", "Spanish"), ("fr", "French"), ("pt", "Portuguese"), ("hi", "Hindi"), ("sw", "Swahili"), ("km", "Khmer"), ("ar", "Arabic")], max_length=8, verbose_name="language")),
                ("channel", models.CharField(choices=[("web", "Web"), ("assisted", "Assisted by staff"), ("paper", "Paper form")], default="web", max_length=10, verbose_name="channel")),
                ("submitted_on", models.DateField(default=datetime.date.today, verbose_name="date")),
                ("submission_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("receipt_hash", models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                ("review_status", models.CharField(choices=[("new", "Not reviewed"), ("reviewed", "Reviewed"), ("flagged", "Flagged for follow-up")], default="new", max_length=10, verbose_name="review status")),
                ("is_sample", models.BooleanField(default=False, verbose_name="sample")),
                ("program", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="feedback.program", verbose_name="program")),
                ("survey_version", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="feedback.surveyversion", verbose_name="survey version")),
            ],
        ),
        migrations.AddField(
            model_name="feedbackanswer",
            name="keyed_response",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="feedback.keyedfeedbackresponse"),
        ),
        migrations.RunPython(move_responses, migrations.RunPython.noop),
        migrations.RemoveField(model_name="feedbackanswer", name="response"),
        migrations.DeleteModel(name="FeedbackResponse"),
        migrations.RenameModel(old_name="KeyedFeedbackResponse", new_name="FeedbackResponse"),
        migrations.AlterModelOptions(
            name="feedbackresponse",
            options={"ordering": ["-submitted_on", "-pk"], "verbose_name": "feedback response", "verbose_name_plural": "feedback responses"},
        ),
        migrations.AlterField(
            model_name="feedbackresponse",
            name="program",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="responses", to="feedback.program", verbose_name="program"),
        ),
        migrations.AlterField(
            model_name="feedbackresponse",
            name="survey_version",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="responses", to="feedback.surveyversion", verbose_name="survey version"),
        ),
        migrations.RenameField(model_name="feedbackanswer", old_name="keyed_response", new_name="response"),
        migrations.AlterField(
            model_name="feedbackanswer",
            name="response",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="answers", to="feedback.feedbackresponse", verbose_name="response"),
        ),
    ]
