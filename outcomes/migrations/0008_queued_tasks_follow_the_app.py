"""The outcomes app moved from `feedback.outcomes` to the top-level `outcomes` package.

Its tables and migrations kept the label `outcomes`, so nothing moves in the database except the
import jobs that production's task worker had queued under the old module path: they are pointed at
the new one, so a deploy in the middle of an import neither drops the job nor fails it.
"""

from django.apps import apps as global_apps
from django.db import migrations

OLD_PREFIX = "feedback.outcomes."
NEW_PREFIX = "outcomes."


def point_queued_tasks_at_the_new_path(apps, schema_editor):
    # The task table exists only where the database task backend is installed (production).
    try:
        task_result = apps.get_model("django_tasks_database", "DBTaskResult")
    except LookupError:
        return
    if task_result._meta.db_table not in schema_editor.connection.introspection.table_names():
        return
    for row in task_result.objects.filter(task_path__startswith=OLD_PREFIX).only("pk", "task_path"):
        row.task_path = NEW_PREFIX + row.task_path.removeprefix(OLD_PREFIX)
        row.save(update_fields=["task_path"])


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0007_records_leave_the_reference_index")]
    # Django's documented pattern for an optional app: depend on it only where it is installed.
    if global_apps.is_installed("django_tasks_db"):
        dependencies.append(("django_tasks_database", "0001_initial"))

    operations = [migrations.RunPython(point_queued_tasks_at_the_new_path, migrations.RunPython.noop, elidable=True)]
