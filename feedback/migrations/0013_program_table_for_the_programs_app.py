"""Programs move to the programs app. Their table (and the program staff table) is renamed, not
copied: every row, id and link stays as it is; programs/0001 takes the model over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("feedback", "0012_feedback_links")]

    operations = [migrations.AlterModelTable(name="program", table="programs_program")]
