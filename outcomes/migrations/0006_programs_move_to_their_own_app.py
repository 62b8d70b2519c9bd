"""Assessments point at programs.Program: the same table (feedback/0013 renamed it), so nothing
changes in the database. This runs before feedback drops its own Program from the migration state."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0001_squashed_0005_min_cell_size_in_privacy_settings"),
        ("programs", "0001_initial"),
    ]
    run_before = [("feedback", "0014_programs_move_to_their_own_app")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="asoassessment",
                    name="program",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aso_assessments",
                        to="programs.program",
                        verbose_name="program",
                    ),
                ),
                migrations.AlterField(
                    model_name="stagedassessment",
                    name="program",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="programs.program"
                    ),
                ),
            ]
        )
    ]
