"""Reporting periods now belong to the reporting app (reporting/0002 took the model, its table and
its content type over): feedback's keys point at reporting.ReportingPeriod and the model leaves
feedback's state. Nothing changes in the database: the table and its rows are the same ones."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0020_program_reply_permissions"),
        ("reporting", "0002_reporting_period_moves_here"),
        # outcomes' history held a key to feedback's period model until outcomes/0010 removed it.
        ("outcomes", "0010_impact_page_reads_releases"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="programreply",
                    name="period",
                    field=models.ForeignKey(
                        help_text="A quarter that has ended.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="program_replies",
                        to="reporting.reportingperiod",
                        verbose_name="reporting period",
                    ),
                ),
                migrations.AlterField(
                    model_name="survivorleadersview",
                    name="period",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="survivor_leaders_views",
                        to="reporting.reportingperiod",
                        verbose_name="reporting period",
                    ),
                ),
                migrations.AlterField(
                    model_name="answerduenotice",
                    name="period",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="reporting.reportingperiod",
                        verbose_name="reporting period",
                    ),
                ),
                migrations.DeleteModel(name="ReportingPeriod"),
            ],
            database_operations=[],
        )
    ]
