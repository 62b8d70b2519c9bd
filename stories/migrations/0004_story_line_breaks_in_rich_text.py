"""Stories shared before this release stored a line break as `<br>`, which Wagtail's rich-text editor
cannot read back (the moderator's edit screen failed). Rewrite it as `<br/>` in every language of
every story and in every saved revision, so each version can be opened, compared and restored."""

import json
import re

from django.db import migrations

UNCLOSED_BREAK = re.compile(r"<br\s*>", re.IGNORECASE)


def fix_stream(raw_blocks):
    changed = False
    for block in raw_blocks or []:
        if block.get("type") == "paragraph" and isinstance(block.get("value"), str):
            fixed = UNCLOSED_BREAK.sub("<br/>", block["value"])
            changed = changed or fixed != block["value"]
            block["value"] = fixed
    return changed


def close_line_breaks(apps, schema_editor):
    StoryPage = apps.get_model("stories", "StoryPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    body_fields = [field.name for field in StoryPage._meta.get_fields() if field.name.startswith("body")]

    for story in StoryPage.objects.all():
        changed_fields = []
        for name in body_fields:
            value = getattr(story, name)
            raw = list(value.raw_data) if value is not None else []
            if fix_stream(raw):
                setattr(story, name, raw)
                changed_fields.append(name)
        if changed_fields:
            story.save(update_fields=changed_fields)

    story_type = ContentType.objects.filter(app_label="stories", model="storypage").first()
    if story_type is None:
        return
    for revision in Revision.objects.filter(content_type=story_type).iterator():
        content = revision.content
        changed = False
        for name in body_fields:
            stored = content.get(name)
            if not isinstance(stored, str) or "<br" not in stored:
                continue
            raw = json.loads(stored)
            if fix_stream(raw):
                content[name] = json.dumps(raw)
                changed = True
        if changed:
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_temporary_passwords_and_report_names"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(close_line_breaks, migrations.RunPython.noop)]
