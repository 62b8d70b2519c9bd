"""Reporting periods move to the reporting app with their table (`feedback_reportingperiod`, kept by
name), so this creates nothing in the database: every row and id stays, and feedback/0021 points
feedback's keys at this model. The content type moves too (app label feedback -> reporting), and with
it the period permissions every group and user holds. Where a content type under the new label
exists already (post_migrate makes one on a database that reached the new code another way), the
old one keeps its id and takes over the new one's permissions and references."""

from django.db import IntegrityError, migrations, models, transaction

MODEL = "reportingperiod"


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


def move_content_type(apps, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old_type = ContentType.objects.filter(app_label=old_label, model=MODEL).first()
    new_type = ContentType.objects.filter(app_label=new_label, model=MODEL).first()
    if old_type is None:
        return  # Nothing to move (a new database: post_migrate makes the type and its permissions).
    if new_type is not None:
        for model, name in points_at_content_types(apps):
            rows = model._default_manager.filter(**{name: new_type})
            try:
                with transaction.atomic(using=model._default_manager.db):
                    rows.update(**{name: old_type})
            except IntegrityError:
                rows.delete()
        for permission in Permission.objects.filter(content_type=new_type):
            existing = Permission.objects.filter(content_type=old_type, codename=permission.codename).first()
            if existing is not None:
                existing.group_set.add(*permission.group_set.all())
                existing.user_set.add(*permission.user_set.all())
                permission.delete()
            else:
                permission.content_type = old_type
                permission.save(update_fields=["content_type"])
        new_type.delete()
    old_type.app_label = new_label
    old_type.save(update_fields=["app_label"])


def take_over_content_type(apps, schema_editor):
    move_content_type(apps, "feedback", "reporting")


def give_back_content_type(apps, schema_editor):
    move_content_type(apps, "reporting", "feedback")


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_initial"),
        ("feedback", "0020_program_reply_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReportingPeriod",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        (
                            "kind",
                            models.CharField(
                                choices=[("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
                                max_length=10,
                                verbose_name="kind",
                            ),
                        ),
                        ("start", models.DateField(verbose_name="first day")),
                        ("end", models.DateField(verbose_name="last day")),
                    ],
                    options={
                        "verbose_name": "reporting period",
                        "verbose_name_plural": "reporting periods",
                        "ordering": ["-start", "kind"],
                        "db_table": "feedback_reportingperiod",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("kind", "start"), name="feedback_one_period_per_kind_and_start"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(take_over_content_type, give_back_content_type),
    ]
