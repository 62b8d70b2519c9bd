"""Invitation codes and member profiles move to the members app. Their tables are renamed, not
copied: every row, id and link stays as it is (members/0001 takes them over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("stories", "0004_story_line_breaks_in_rich_text")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="invitationcode", table="members_invitationcode"),
                migrations.AlterModelTable(name="memberprofile", table="members_memberprofile"),
            ],
            state_operations=[
                migrations.DeleteModel(name="InvitationCode"),
                migrations.DeleteModel(name="MemberProfile"),
            ],
        )
    ]
