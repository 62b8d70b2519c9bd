"""Answers get random UUID keys instead of sequential numbers, as responses did before them.

A sequential key showed the order in which answers arrived (the redaction screen names its fields
after it). A primary key cannot change type in place on every database, so the answers move to a
new table keyed by UUID, in random order, the old table is dropped and the new one takes its name.
Nothing points at an answer, so no other table changes.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

ANSWER_FIELDS = (
    "response_id", "question_key", "question_type", "domain", "reverse_scored", "number", "choice", "text",
)  # fmt: skip


def move_answers(apps, schema_editor):
    Old = apps.get_model("feedback", "FeedbackAnswer")
    New = apps.get_model("feedback", "KeyedFeedbackAnswer")
    # Random keys, created in random order: nothing of the old sequence survives.
    batch = []
    for old in Old.objects.order_by("?").iterator():
        batch.append(New(id=uuid.uuid4(), **{name: getattr(old, name) for name in ANSWER_FIELDS}))
        if len(batch) >= 1000:
            New.objects.bulk_create(batch)
            batch = []
    New.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0016_response_record_keys"),
    ]

    operations = [
        migrations.CreateModel(
            name="KeyedFeedbackAnswer",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("question_key", models.SlugField(verbose_name="question")),
                (
                    "question_type",
                    models.CharField(
                        choices=[
                            ("likert", "Agree or disagree (5 steps)"),
                            ("yes_no_unsure", "Yes, no or not sure"),
                            ("single_choice", "One choice from a list"),
                            ("multiple_choice", "Several choices from a list"),
                            ("scale_0_10", "Scale from 0 to 10"),
                            ("free_text", "Free text"),
                        ],
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "domain",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("safety", "Safety"),
                            ("legal_protection", "Legal Protection"),
                            ("mental_wellbeing", "Mental Wellbeing"),
                            ("economic_empowerment_education", "Economic Empowerment and Education"),
                            ("social_support", "Social Support"),
                            ("physical_wellbeing", "Physical Wellbeing"),
                        ],
                        max_length=40,
                        verbose_name="outcome domain",
                    ),
                ),
                ("reverse_scored", models.BooleanField(default=False, verbose_name="reverse scored")),
                ("number", models.SmallIntegerField(blank=True, null=True, verbose_name="number")),
                ("choice", models.CharField(blank=True, max_length=50, verbose_name="choice")),
                ("text", models.TextField(blank=True, verbose_name="text")),
                (
                    "response",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="feedback.feedbackresponse",
                        verbose_name="response",
                    ),
                ),
            ],
        ),
        migrations.RunPython(move_answers, migrations.RunPython.noop),
        migrations.DeleteModel(name="FeedbackAnswer"),
        migrations.RenameModel(old_name="KeyedFeedbackAnswer", new_name="FeedbackAnswer"),
        migrations.AlterModelOptions(
            name="feedbackanswer",
            options={"verbose_name": "answer", "verbose_name_plural": "answers"},
        ),
        migrations.AlterField(
            model_name="feedbackanswer",
            name="response",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="answers",
                to="feedback.feedbackresponse",
                verbose_name="response",
            ),
        ),
        migrations.AddIndex(
            model_name="feedbackanswer",
            index=models.Index(fields=["question_key", "question_type"], name="feedback_fe_questio_b2c0f8_idx"),
        ),
    ]
