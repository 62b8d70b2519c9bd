"""Django renames a model's content type but not its permissions: `add_programanswer` and the rest
(change, delete, view, publish, lock, unlock) become `*_programreply` in place, so every group and
user keeps them. Where the new ones exist already (post_migrate creates them on a database that
reached the new model another way) the two are merged: the new permission gains the old one's
groups and users, and the old one goes. A second content type under the new name (left when
Django's rename met one post_migrate had made) is merged into the old one, which keeps its id:
whatever pointed at the second (revisions, workflow states, log entries, permissions) points at the
one that stays. Reversing does the same the other way."""

from django.db import IntegrityError, migrations, transaction

APP_LABEL = "feedback"
OLD, NEW = "programanswer", "programreply"


def points_at_content_types(apps):
    """(model, field name) of every foreign key to a content type, permissions aside."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed or model._meta.label_lower == "auth.permission":
            continue
        for field in model._meta.get_fields():
            if (
                field.concrete
                and field.many_to_one
                and field.related_model is not None
                and field.related_model._meta.label_lower == "contenttypes.contenttype"
            ):
                yield model, field.name


def merge_permission(old, new):
    new.group_set.add(*old.group_set.all())
    new.user_set.add(*old.user_set.all())
    old.delete()


def rename(apps, old_model, new_model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old_type = ContentType.objects.filter(app_label=APP_LABEL, model=old_model).first()
    new_type = ContentType.objects.filter(app_label=APP_LABEL, model=new_model).first()
    if new_type is None and old_type is None:
        return  # A database that never had the model: post_migrate creates what it needs.
    if old_type is not None and new_type is not None:
        # The old type is the one history points at: it stays, and whatever points at the new one
        # is moved to it.
        for model, name in points_at_content_types(apps):
            rows = model._default_manager.filter(**{name: new_type})
            try:
                with transaction.atomic(using=model._default_manager.db):
                    rows.update(**{name: old_type})
            except IntegrityError:
                # The same row exists for the type that stays (a workflow assignment, say).
                rows.delete()
        for permission in Permission.objects.filter(content_type=new_type):
            existing = Permission.objects.filter(content_type=old_type, codename=permission.codename).first()
            if existing is not None:
                merge_permission(permission, existing)
            else:
                permission.content_type = old_type
                permission.save(update_fields=["content_type"])
        new_type.delete()
    if old_type is not None:
        old_type.model = new_model
        old_type.save(update_fields=["model"])
        new_type = old_type
    for permission in Permission.objects.filter(content_type=new_type, codename__endswith=f"_{old_model}"):
        codename = permission.codename.removesuffix(old_model) + new_model
        existing = Permission.objects.filter(content_type=new_type, codename=codename).first()
        if existing is not None:
            merge_permission(permission, existing)
        else:
            permission.codename = codename
            permission.save(update_fields=["codename"])


def forwards(apps, schema_editor):
    rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0019_program_answer_becomes_program_reply"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
