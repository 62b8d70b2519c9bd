"""Feedback's links to a program now point at programs.Program. The tables are the same ones
(feedback/0013 renamed them), so nothing changes in the database."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def program_key(on_delete, related_name, **options):
    return models.ForeignKey(
        on_delete=on_delete, related_name=related_name, to="programs.program", verbose_name="program", **options
    )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0013_program_table_for_the_programs_app"),
        ("programs", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="answerduenotice",
                    name="program",
                    field=program_key(django.db.models.deletion.CASCADE, "+"),
                ),
                migrations.AlterField(
                    model_name="feedbackresponse",
                    name="program",
                    field=program_key(django.db.models.deletion.PROTECT, "responses"),
                ),
                migrations.AlterField(
                    model_name="programanswer",
                    name="program",
                    field=program_key(django.db.models.deletion.CASCADE, "answers"),
                ),
                migrations.AlterField(
                    model_name="accesslogentry",
                    name="program",
                    field=program_key(django.db.models.deletion.SET_NULL, "+", blank=True, null=True),
                ),
                migrations.AlterField(
                    model_name="survivorleadersview",
                    name="program",
                    field=program_key(
                        django.db.models.deletion.CASCADE,
                        "survivor_leaders_views",
                        blank=True,
                        null=True,
                        help_text="Empty: the view is about every program in this period.",
                    ),
                ),
                migrations.AlterField(
                    model_name="feedbacklink",
                    name="program",
                    field=modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="feedback_links", to="programs.program"
                    ),
                ),
                migrations.DeleteModel(name="Program"),
            ]
        )
    ]
