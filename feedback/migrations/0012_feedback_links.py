"""The survey a program's feedback link opens moves off the program into a feedback link of its own,
so that the program (moving to the programs app next) needs nothing from feedback. Every program's
choice is carried over; a program that had none keeps opening the first live survey."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def carry_choices_over(apps, schema_editor):
    Program = apps.get_model("feedback", "Program")
    FeedbackLink = apps.get_model("feedback", "FeedbackLink")
    FeedbackLink.objects.bulk_create(
        FeedbackLink(program_id=program_id, survey_id=survey_id)
        for program_id, survey_id in Program.objects.filter(survey__isnull=False).values_list("pk", "survey_id")
    )


def carry_choices_back(apps, schema_editor):
    Program = apps.get_model("feedback", "Program")
    for link in apps.get_model("feedback", "FeedbackLink").objects.all():
        Program.objects.filter(pk=link.program_id).update(survey_id=link.survey_id)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_squashed_0011_outcome_domain_codes")]

    operations = [
        migrations.CreateModel(
            name="FeedbackLink",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "program",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="feedback_links", to="feedback.program"
                    ),
                ),
                (
                    "survey",
                    models.ForeignKey(
                        blank=True,
                        help_text="The survey this program's feedback link opens. Empty: the first live survey.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="program_links",
                        to="feedback.feedbacksurvey",
                        verbose_name="survey",
                    ),
                ),
            ],
            options={"verbose_name": "feedback link", "verbose_name_plural": "feedback links"},
        ),
        migrations.AddConstraint(
            model_name="feedbacklink",
            constraint=models.UniqueConstraint(fields=("program",), name="one_feedback_link_per_program"),
        ),
        migrations.RunPython(carry_choices_over, carry_choices_back),
        migrations.RemoveField(model_name="program", name="survey"),
    ]
