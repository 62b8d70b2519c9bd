"""A GIN index over the stories' themes on PostgreSQL, so that the listing filtered by a theme finds
its stories by JSON containment instead of reading every story (StoryPageQuerySet.with_theme).
SQLite has no such index; there the filter stays a text search of the list."""

from django.db import migrations

INDEX = "stories_storypage_themes_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {INDEX} ON stories_storypage USING gin (themes jsonb_path_ops)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0006_story_body_blocks"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
