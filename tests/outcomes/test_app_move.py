"""The outcomes app lives at the top level (`outcomes/`); its label, tables and history did not move."""

import datetime

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.module_loading import import_string

BEFORE_THE_MOVE = [("outcomes", "0007_records_leave_the_reference_index")]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)


def test_the_app_keeps_its_label_so_its_tables_and_permissions_stay_where_they_were():
    config = apps.get_app_config("outcomes")
    assert (config.name, config.label) == ("outcomes", "outcomes")
    assert apps.get_model("outcomes", "AsoAssessment")._meta.db_table == "outcomes_asoassessment"


@pytest.mark.django_db(transaction=True)
def test_an_import_queued_under_the_old_module_path_still_runs_after_the_move():
    from django_tasks_db.models import DBTaskResult

    from outcomes.importer import import_batch_task, purge_stale_imports_task

    migrate(BEFORE_THE_MOVE)
    run_after = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    old_paths = {
        "feedback.outcomes.importer.import_batch_task": import_batch_task,
        "feedback.outcomes.importer.purge_stale_imports_task": purge_stale_imports_task,
        "stories.tasks.unrelated": None,
    }
    rows = {
        path: DBTaskResult.objects.create(
            task_path=path,
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
            run_after=run_after,
            exception_class_path="",
            traceback="",
        ).pk
        for path in old_paths
    }
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    def path_of(old_path):
        return DBTaskResult.objects.get(pk=rows[old_path]).task_path

    for old_path, task in old_paths.items():
        if task is not None:
            assert path_of(old_path) == task.module_path == old_path.removeprefix("feedback.")
            assert import_string(path_of(old_path)).name == task.name
    assert DBTaskResult.objects.get(pk=rows["stories.tasks.unrelated"]).task_path == "stories.tasks.unrelated"
