"""ASO uploads between check and import: never on disk, only hashed rows in the database, gone on
cancel or expiry, imported by a task in one transaction that leaves nothing behind when it fails."""

import datetime
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from outcomes import importer
from outcomes.case_refs import hash_case_ref
from outcomes.models import AsoAssessment, ImportBatch, StagedAssessment
from tests.conftest import sign_in_with_two_steps

from .helpers import make_program, make_staff
from .test_importer import assert_not_in_database

pytestmark = pytest.mark.django_db

HEADER = "program,case_ref,assessed_on,occasion,safety\n"
RAW = "SECRET-CASE-441122"


@pytest.fixture
def program():
    return make_program("ke-stage")


@pytest.fixture
def staff_client(client, program):
    sign_in_with_two_steps(client, make_staff("stager", programs=[program]))
    return client


def csv_rows(count, prefix=RAW):
    return HEADER + "".join(f"ke-stage,{prefix}-{number},2024-01-05,intake,2\n" for number in range(count))


def upload(client, content, name="aso.csv"):
    data = content.encode() if isinstance(content, str) else content
    return client.post(reverse("outcomes_import"), {"file": SimpleUploadedFile(name, data)}, follow=True)


def batch_url(batch):
    return reverse("outcomes_import_batch", kwargs={"batch_id": batch.pk})


def files_containing(folder, needle):
    return [path for path in Path(folder).rglob("*") if path.is_file() and needle in path.read_bytes()]


def test_a_large_upload_never_reaches_a_disk_and_only_hashes_reach_the_database(
    staff_client, program, tmp_path, monkeypatch
):
    """Django would write this upload (over FILE_UPLOAD_MAX_MEMORY_SIZE) to a temporary file."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # every tempfile function now writes here
    written = []
    original_init = TemporaryUploadedFile.__init__

    def spy(self, *args, **kwargs):
        written.append(args)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(TemporaryUploadedFile, "__init__", spy)
    content = csv_rows(3000)
    with override_settings(FILE_UPLOAD_MAX_MEMORY_SIZE=1024, FILE_UPLOAD_TEMP_DIR=str(temp)):
        assert len(content) > 50 * 1024
        response = upload(staff_client, content)
    batch = response.context["batch"]
    assert (batch.status, batch.rows, batch.new) == ("ready", 3000, 3000)
    assert written == []
    assert files_containing(temp, RAW.encode()) == []
    assert files_containing(settings.MEDIA_ROOT, RAW.encode()) == []
    assert StagedAssessment.objects.count() == 3000
    assert StagedAssessment.objects.filter(row_number=2).get().case_hash == hash_case_ref("ke-stage", f"{RAW}-0")
    assert_not_in_database(RAW)
    assert RAW not in response.text


def test_with_csrf_checks_on_the_upload_still_never_becomes_a_temporary_file(program, monkeypatch):
    """The CSRF check reads the request body: it must run after the memory-only handler is installed."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    sign_in_with_two_steps(client, make_staff("csrf-large", programs=[program]))
    client.get(reverse("outcomes_import"))
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    written = []
    monkeypatch.setattr(TemporaryUploadedFile, "__init__", lambda self, *args, **kwargs: written.append(args))
    with override_settings(FILE_UPLOAD_MAX_MEMORY_SIZE=1024):
        response = client.post(
            reverse("outcomes_import"),
            {"file": SimpleUploadedFile("aso.csv", csv_rows(500).encode()), "csrfmiddlewaretoken": token},
            follow=True,
        )
    assert response.context["batch"].rows == 500
    assert written == []


def test_an_xlsx_upload_is_staged_with_hashes_only(staff_client, program, tmp_path, monkeypatch):
    import io

    from openpyxl import Workbook

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["program", "case_ref", "assessed_on", "occasion", "safety"])
    for number in range(50):
        sheet.append(["ke-stage", f"{RAW}-{number}", datetime.date(2024, 1, 5), "intake", 3])
    binary = io.BytesIO()
    workbook.save(binary)
    with override_settings(FILE_UPLOAD_MAX_MEMORY_SIZE=1024):
        response = upload(staff_client, binary.getvalue(), name="aso.xlsx")
    assert (response.context["batch"].status, response.context["batch"].new) == ("ready", 50)
    assert files_containing(temp, RAW.encode()) == []
    assert_not_in_database(RAW)


def test_a_file_over_the_size_limit_is_refused_with_a_message(staff_client, program):
    with override_settings(ASO_IMPORT_MAX_BYTES=2 * 1024 * 1024):
        response = upload(staff_client, csv_rows(1) + "x" * (3 * 1024 * 1024))
    assert response.status_code == 413
    assert "The file is larger than 2 MB. Split it into smaller files and import each." in response.text
    assert not ImportBatch.objects.exists() and not StagedAssessment.objects.exists()


def test_the_upload_is_refused_without_a_csrf_token(program):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    sign_in_with_two_steps(client, make_staff("csrf-staff", programs=[program]))
    response = client.post(reverse("outcomes_import"), {"file": SimpleUploadedFile("aso.csv", csv_rows(1).encode())})
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


def test_expired_uploads_are_deleted_by_the_purge(staff_client, program):
    batch = upload(staff_client, csv_rows(5)).context["batch"]
    assert StagedAssessment.objects.count() == 5
    call_command("purge_stale_imports", stdout=open("/dev/null", "w"))
    assert StagedAssessment.objects.count() == 5  # not yet expired
    later = batch.expires_at + datetime.timedelta(seconds=1)
    assert importer.purge_stale_imports(now=later) == (1, 0)
    assert not StagedAssessment.objects.exists() and not ImportBatch.objects.exists()
    response = staff_client.post(batch_url(batch), {"action": "import"}, follow=True)
    assert response.status_code == 404
    assert not AsoAssessment.objects.exists()


def test_the_purge_command_reports_what_it_deleted(staff_client, program):
    batch = upload(staff_client, csv_rows(2)).context["batch"]
    ImportBatch.objects.filter(pk=batch.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    import io

    out = io.StringIO()
    call_command("purge_stale_imports", stdout=out)
    assert out.getvalue() == "1 expired uploads deleted, 0 interrupted imports marked failed.\n"
    assert not StagedAssessment.objects.exists()


def test_an_expired_preview_cannot_be_imported(staff_client, program):
    batch = upload(staff_client, csv_rows(2)).context["batch"]
    ImportBatch.objects.filter(pk=batch.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = staff_client.post(batch_url(batch), {"action": "import"}, follow=True)
    assert "That upload has expired or was already imported. Please choose the file again." in response.text
    assert not AsoAssessment.objects.exists()


def test_a_failure_midway_imports_nothing_and_says_so(staff_client, program, monkeypatch):
    response = upload(staff_client, csv_rows(3 * importer.BATCH_SIZE))
    batch = response.context["batch"]
    calls = []
    original_flush = importer.AssessmentWriter.flush

    def flush_then_die(self):
        calls.append(1)
        if len(calls) == 2:  # the first batch of rows is already written inside the transaction
            raise RuntimeError("worker lost")
        original_flush(self)

    monkeypatch.setattr(importer.AssessmentWriter, "flush", flush_then_die)
    result = staff_client.post(batch_url(batch), {"action": "import"}, follow=True)
    assert len(calls) == 2
    assert AsoAssessment.objects.count() == 0
    batch.refresh_from_db()
    assert batch.status == "failed"
    assert batch.failure == "The import stopped before it finished, so nothing was imported. Please try again."
    assert "The import stopped before it finished, so nothing was imported. Please try again." in result.text
    assert not StagedAssessment.objects.exists()


def test_an_import_whose_worker_died_is_marked_failed_at_expiry(staff_client, program):
    batch = upload(staff_client, csv_rows(3)).context["batch"]
    # What a killed worker leaves: the batch claimed, the transaction never committed.
    ImportBatch.objects.filter(pk=batch.pk).update(status="importing")
    later = batch.expires_at + datetime.timedelta(seconds=1)
    assert importer.purge_stale_imports(now=later) == (0, 1)
    batch.refresh_from_db()
    assert batch.status == "failed"
    assert not StagedAssessment.objects.exists()
    assert importer.import_batch(batch.pk) is None  # nothing left to claim
    assert not AsoAssessment.objects.exists()
    response = staff_client.get(batch_url(batch))
    assert "Not imported" in response.text
    assert "The import stopped before it finished, so nothing was imported." in response.text


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_the_import_waits_for_a_worker_and_the_page_shows_it(staff_client, program):
    from django_tasks import default_task_backend

    batch = upload(staff_client, csv_rows(3)).context["batch"]
    response = staff_client.post(batch_url(batch), {"action": "import"}, follow=True)
    assert response.context["batch"].status == "queued"
    assert "Waiting to be imported" in response.text
    assert "Refresh to see how far it has got" in response.text
    assert not AsoAssessment.objects.exists()
    queued = [result for result in default_task_backend.results if result.task.name == "import_batch_task"]
    assert [result.args for result in queued] == [[str(batch.pk)]]
    # A worker (on any node) runs the job it finds in the queue.
    assert importer.import_batch(*queued[0].args) == "imported"
    assert importer.import_batch(*queued[0].args) is None  # a second run finds nothing to do
    assert AsoAssessment.objects.count() == 3
    response = staff_client.get(batch_url(batch))
    assert "3 rows imported." in response.text
    assert staff_client.get(reverse("outcomes_import_progress")).json() == {
        "rows": 3,
        "percent": 100,
        "status": "imported",
    }


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_a_purge_is_scheduled_at_expiry_where_the_backend_can_defer(staff_client, program):
    from django_tasks import default_task_backend

    batch = upload(staff_client, csv_rows(1)).context["batch"]
    purges = [result for result in default_task_backend.results if result.task.name == "purge_stale_imports_task"]
    assert len(purges) == 1
    assert purges[0].task.run_after == batch.expires_at + datetime.timedelta(seconds=1)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_staff_who_lose_the_program_before_the_import_import_nothing(staff_client, program):
    batch = upload(staff_client, csv_rows(3)).context["batch"]
    staff_client.post(batch_url(batch), {"action": "import"})
    program.staff.clear()
    assert importer.import_batch(batch.pk) == "failed"
    batch.refresh_from_db()
    assert batch.failure == "You may no longer import for every program in this file, so nothing was imported."
    assert not AsoAssessment.objects.exists() and not StagedAssessment.objects.exists()
