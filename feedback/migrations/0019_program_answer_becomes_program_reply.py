"""The program staff's published "You said / We did" is a ProgramReply, so "answer" means only a
survivor's answer to a survey question (FeedbackAnswer). The table is renamed in place; the content
type follows the model (Django renames it, and feedback/0020 makes sure), so revisions, workflow
states, log entries and locks stay attached. The related names change in the model state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0018_text_channels"),
    ]

    operations = [
        migrations.RenameModel(old_name="ProgramAnswer", new_name="ProgramReply"),
        migrations.AlterField(
            model_name="programreply",
            name="program",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="replies",
                to="programs.program",
                verbose_name="program",
            ),
        ),
        migrations.AlterField(
            model_name="programreply",
            name="period",
            field=models.ForeignKey(
                help_text="A quarter that has ended.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="program_replies",
                to="feedback.reportingperiod",
                verbose_name="reporting period",
            ),
        ),
    ]
