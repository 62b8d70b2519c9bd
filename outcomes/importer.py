"""Import of de-identified ASO assessments from CSV or XLSX, in two steps that any node may serve.

1. Check (the admin preview): the file is read from memory as a stream (the csv module; for XLSX,
   python-calamine), each row is checked and its case reference hashed at once
   (outcomes.case_refs; after CASE_REF_KEY is rotated a case already stored under a
   fallback key keeps that hash), and only the hashed rows are staged in the database
   (StagedAssessment of an ImportBatch), with the counts the import will give. Every error is
   reported (row number as in a spreadsheet, header = row 1, and column) and nothing is staged
   when there is one.
2. Import (a django-tasks job): the staged rows are written as assessments in one transaction,
   in batches, and the staged rows deleted and the batch marked imported in the same commit, so
   an import is all-or-nothing even when its worker is killed. Re-importing is idempotent: a row
   with the same program, case, date and occasion replaces the earlier one and is counted as
   updated, or unchanged when nothing differs.

The raw case reference is never kept, logged, written to disk or repeated in an error message; no
error message repeats any cell value. Staged rows are deleted on import, cancel or expiry
(purge_stale_imports).
"""

import csv
import datetime
import hashlib
import io
import logging
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from programs.models import Program
from programs.outcome_domains import DOMAIN_CODES

from .case_refs import case_ref_hash_candidates, normalise_case_ref
from .models import AsoAssessment, ImportBatch, Occasion, StagedAssessment
from .scoring import SUBDOMAIN_TOLERANCE, domain_score_from_subdomains

REQUIRED_COLUMNS = ("program", "case_ref", "assessed_on", "occasion")
SUBDOMAIN_COLUMN = re.compile(r"^(?P<domain>" + "|".join(DOMAIN_CODES) + r")\.(?P<number>[1-9][0-9]?)$")
SUPPORTED_EXTENSIONS = (".csv", ".xlsx")
BATCH_SIZE = 500
PROGRESS_EVERY = 1000
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")

logger = logging.getLogger(__name__)


class ImportFileError(Exception):
    """The file as a whole cannot be read."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        if not self.row:
            return str(self.message)
        return f"row {self.row}, column {self.column or '-'}: {self.message}"


@dataclass
class ImportResult:
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def saved(self):
        return not self.errors and not self.dry_run


@dataclass
class AssessmentRecord:
    program_id: int
    case_hash: str
    assessed_on: datetime.date
    occasion: int
    scores: dict
    subdomain_scores: dict
    # The case's hashes under CASE_REF_KEY_FALLBACKS (newest first): empty unless the key was rotated.
    earlier_case_hashes: tuple = ()

    @property
    def key(self):
        return (self.program_id, self.case_hash, self.assessed_on, self.occasion)


# --- Reading ------------------------------------------------------------------------------------


class _CountingReader(io.RawIOBase):
    """Counts the bytes read from a binary file, for a progress bar over a CSV file."""

    def __init__(self, raw):
        self.raw = raw
        self.bytes_read = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.raw.read(len(buffer))
        self.bytes_read += len(data)
        buffer[: len(data)] = data
        return len(data)


def _file_size(binary):
    try:
        position = binary.tell()
        binary.seek(0, io.SEEK_END)
        size = binary.tell()
        binary.seek(position)
        return size
    except (OSError, AttributeError, ValueError):
        return None


def _csv_rows(binary):
    """(rows, fraction done) for a CSV file; UTF-8 with or without a byte order mark."""
    size = _file_size(binary)
    first_line = binary.readline(65536).decode("utf-8", errors="ignore")
    binary.seek(0)
    # Spreadsheets in some languages write ";" between columns: the header line tells which.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    counter = _CountingReader(binary)
    text = io.TextIOWrapper(io.BufferedReader(counter), encoding="utf-8-sig", newline="")
    reader = csv.reader(text, delimiter=delimiter)

    def fraction():
        return min(counter.bytes_read / size, 1.0) if size else None

    try:
        for number, row in enumerate(reader, start=1):
            yield number, row, fraction
    except UnicodeDecodeError as error:
        raise ImportFileError(_("The file is not UTF-8 text. Save it as “CSV UTF-8”.")) from error


def _xlsx_rows(binary):
    """(row number, cells, fraction done) for the first worksheet of a workbook, with python-calamine.

    Calamine reads the sheet in Rust (about ten times faster than openpyxl's read-only cells) and
    gives numbers, text, booleans and dates (a number cell with a date format) as Python values,
    and "" for an empty cell. Rows are numbered from the top of the sheet, empty rows included.
    """
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        workbook = CalamineWorkbook.from_filelike(binary)
        index = next(
            number for number, sheet in enumerate(workbook.sheets_metadata) if sheet.typ == SheetTypeEnum.WorkSheet
        )
        sheet = workbook.get_sheet_by_index(index)
    except Exception as error:  # calamine raises several kinds (and StopIteration: no worksheet)
        raise ImportFileError(_("The file is not a readable XLSX workbook.")) from error
    try:
        total = sheet.end[0] + 1 if sheet.end else 0
        for number, row in enumerate(sheet.iter_rows(), start=1):
            yield number, row, (lambda number=number: min(number / total, 1.0) if total else None)
    except CalamineError as error:
        raise ImportFileError(_("The file is not a readable XLSX workbook.")) from error
    finally:
        workbook.close()


def read_rows(binary, filename):
    """Yield (row number, cells, fraction_done) for each row of a CSV or XLSX file, header first."""
    extension = Path(filename or "").suffix.lower()
    if extension == ".csv":
        return _csv_rows(binary)
    if extension == ".xlsx":
        return _xlsx_rows(binary)
    raise ImportFileError(_("Only CSV and XLSX files can be imported."))


# --- Parsing one row ----------------------------------------------------------------------------


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _optional_number(value):
    """None for an empty cell, else a finite number; ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, float | int) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        number = float(text.replace(",", "."))
    else:
        raise ValueError
    if not math.isfinite(number):
        raise ValueError
    return number


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not DATE_FORMAT.match(text):
        raise ValueError
    return datetime.date.fromisoformat(text)


class _Columns:
    """Where each known column is in the file; header names are compared case-insensitively."""

    def __init__(self, header):
        self.index, self.subdomains, self.errors = {}, {}, []
        names = [_text(name).lower() for name in header]
        seen = set()
        for position, name in enumerate(names):
            if not name:
                continue
            if name in seen and (name in REQUIRED_COLUMNS or name in DOMAIN_CODES or SUBDOMAIN_COLUMN.match(name)):
                self.errors.append(RowError(1, name, _("This column appears more than once.")))
                continue
            seen.add(name)
            match = SUBDOMAIN_COLUMN.match(name)
            if match:
                self.subdomains.setdefault(match["domain"], []).append((name, position))
            elif name in REQUIRED_COLUMNS or name in DOMAIN_CODES:
                self.index[name] = position
        for name in REQUIRED_COLUMNS:
            if name not in self.index:
                self.errors.append(RowError(1, name, _("This column is missing.")))


def _cell(cells, position):
    if position is None or position >= len(cells):
        return None
    return cells[position]


def _is_blank(cells):
    return all(_text(cell) == "" for cell in cells)


def parse_row(cells, row_number, columns, programs):
    """An AssessmentRecord for one row, or None and the row's errors."""
    errors = []

    def value(name):
        return _cell(cells, columns.index.get(name))

    def error(column, message):
        errors.append(RowError(row_number, column, message))

    program = programs.get(_text(value("program")))
    if program is None:
        error("program", _("Unknown program, or not one of your programs."))
    raw_case_ref = normalise_case_ref(_text(value("case_ref")))
    if not raw_case_ref:
        error("case_ref", _("The case reference is missing."))
    assessed_on = None
    try:
        assessed_on = _date(value("assessed_on"))
    except ValueError:
        error("assessed_on", _("Not a date in the form YYYY-MM-DD."))
    occasion = Occasion.from_code(_text(value("occasion")))
    if occasion is None:
        error("occasion", _("Unknown occasion: use intake, six_month, annual, ad_hoc or closure."))

    scores, subdomain_scores = {}, {}
    for code in DOMAIN_CODES:
        sub_values = []
        for name, position in columns.subdomains.get(code, []):
            try:
                number = _optional_number(_cell(cells, position))
                if number is None:
                    continue
                if not number.is_integer() or not 1 <= number <= 4:
                    raise ValueError
            except ValueError:
                error(name, _("A sub-domain score must be a whole number from 1 to 4."))
                continue
            subdomain_scores[name] = int(number)
            sub_values.append(int(number))
        try:
            score = _optional_number(value(code))
            if score is not None and not 1 <= score <= 4:
                raise ValueError
        except ValueError:
            error(code, _("A domain score must be a number from 1 to 4, or empty."))
            continue
        sub_mean = domain_score_from_subdomains(sub_values)
        if score is None:
            score = sub_mean
        elif sub_mean is not None and abs(score - sub_mean) > SUBDOMAIN_TOLERANCE + 1e-9:
            error(code, _("The domain score does not agree with the mean of its sub-domain scores."))
        scores[code] = round(score, 4) if score is not None else None

    if errors:
        return None, errors
    case_hash, *earlier_case_hashes = case_ref_hash_candidates(program.code, raw_case_ref)
    record = AssessmentRecord(
        program_id=program.pk,
        case_hash=case_hash,
        earlier_case_hashes=tuple(earlier_case_hashes),
        assessed_on=assessed_on,
        occasion=int(occasion),
        scores=scores,
        subdomain_scores=subdomain_scores,
    )
    return record, []


# --- Writing ------------------------------------------------------------------------------------


class AssessmentWriter:
    """Upserts records in batches and counts them as new, updated or unchanged."""

    fields = (*DOMAIN_CODES, "subdomain_scores")

    def __init__(self, result):
        self.result = result
        self.pending = {}

    def add(self, record):
        if record.key in self.pending:
            # The same assessment twice in one file: the later row replaces the earlier one.
            self.flush()
        self.pending[record.key] = record
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self):
        if not self.pending:
            return
        records, self.pending = self.pending, {}
        existing = {
            (a.program_id, a.case_hash, a.assessed_on, a.occasion): a
            for a in AsoAssessment.objects.filter(
                program_id__in={key[0] for key in records}, case_hash__in={key[1] for key in records}
            ).only("id", "program_id", "case_hash", "assessed_on", "occasion", "record_key", *self.fields)
        }
        to_create, to_update = [], []
        for key, record in records.items():
            assessment = existing.get(key)
            if assessment is None:
                to_create.append(
                    AsoAssessment(
                        program_id=record.program_id,
                        case_hash=record.case_hash,
                        assessed_on=record.assessed_on,
                        occasion=record.occasion,
                        subdomain_scores=record.subdomain_scores,
                        **record.scores,
                    )
                )
            elif self._differs(assessment, record):
                for code, score in record.scores.items():
                    setattr(assessment, code, score)
                assessment.subdomain_scores = record.subdomain_scores
                to_update.append(assessment)
            else:
                self.result.unchanged += 1
        if to_update:
            # Replacing the rows (same ids) is many times faster than bulk_update's CASE expressions.
            AsoAssessment.objects.filter(pk__in=[assessment.pk for assessment in to_update]).delete()
        AsoAssessment.objects.bulk_create([*to_create, *to_update], batch_size=BATCH_SIZE)
        self.result.new += len(to_create)
        self.result.updated += len(to_update)

    @staticmethod
    def _differs(assessment, record):
        for code, score in record.scores.items():
            stored = getattr(assessment, code)
            if (stored is None) != (score is None) or (score is not None and abs(stored - score) > 1e-6):
                return True
        return (assessment.subdomain_scores or {}) != record.subdomain_scores


def save_records(records):
    """Upsert already validated records (used by the demo seeder); returns an ImportResult."""
    result = ImportResult()
    writer = AssessmentWriter(result)
    with transaction.atomic():
        for record in records:
            result.rows += 1
            writer.add(record)
        writer.flush()
    return result


# --- Checking and staging (the preview) ---------------------------------------------------------


def _english(message):
    """A message as stored: its English source, translated again whenever it is shown."""
    with translation.override("en"):
        return str(message)


def _key_digest(record):
    key = f"{record.program_id}|{record.case_hash}|{record.assessed_on.isoformat()}|{record.occasion}"
    return hashlib.blake2b(key.encode(), digest_size=16).digest()


def _fingerprint(record):
    scores = tuple(record.scores.get(code) for code in DOMAIN_CODES)
    return hash((scores, tuple(sorted(record.subdomain_scores.items()))))


class _Stager:
    """Stores checked records of a batch (hashed, in batches of rows) and counts them as the import will.

    A record is new, updated or unchanged against the assessments in the database and the earlier
    rows of the same file (the later of two rows for one assessment replaces the earlier one), as
    AssessmentWriter counts them; nothing is written to the assessments.
    """

    def __init__(self, batch, result):
        self.batch, self.result = batch, result
        self.pending = []
        self.seen = {}  # 16-byte digest of each assessment key in the file -> fingerprint of its scores

    def add(self, row_number, record):
        self.pending.append((row_number, record))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self):
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        records = [record for _row, record in pending]
        _keep_earlier_series(records)
        existing = {
            (a.program_id, a.case_hash, a.assessed_on, a.occasion): a
            for a in AsoAssessment.objects.filter(
                program_id__in={record.program_id for record in records},
                case_hash__in={record.case_hash for record in records},
            ).only("id", "program_id", "case_hash", "assessed_on", "occasion", *AssessmentWriter.fields)
        }
        for record in records:
            digest, fingerprint = _key_digest(record), _fingerprint(record)
            if digest in self.seen:
                changed = self.seen[digest] != fingerprint
            elif record.key in existing:
                changed = AssessmentWriter._differs(existing[record.key], record)
            else:
                changed = None
            self.seen[digest] = fingerprint
            if changed is None:
                self.result.new += 1
            elif changed:
                self.result.updated += 1
            else:
                self.result.unchanged += 1
        StagedAssessment.objects.bulk_create(
            [
                StagedAssessment(
                    batch=self.batch,
                    row_number=row_number,
                    program_id=record.program_id,
                    case_hash=record.case_hash,
                    assessed_on=record.assessed_on,
                    occasion=record.occasion,
                    scores=record.scores,
                    subdomain_scores=record.subdomain_scores,
                )
                for row_number, record in pending
            ],
            batch_size=BATCH_SIZE,
        )


def _keep_earlier_series(records):
    """A case already stored under a fallback key keeps that hash, so that its new assessments link
    with its earlier ones after CASE_REF_KEY is rotated; a case not stored yet takes the current key.
    """
    rotated = [record for record in records if record.earlier_case_hashes]
    if not rotated:
        return
    stored = set(
        AsoAssessment.objects.filter(
            program_id__in={record.program_id for record in rotated},
            case_hash__in={
                case_hash for record in rotated for case_hash in (record.case_hash, *record.earlier_case_hashes)
            },
        )
        .values_list("program_id", "case_hash")
        .distinct()
    )
    for record in rotated:
        for case_hash in (record.case_hash, *record.earlier_case_hashes):
            if (record.program_id, case_hash) in stored:
                record.case_hash = case_hash
                break


def new_batch(user=None, session_key=""):
    """An empty ImportBatch for `user` (None: the command line) and this session."""
    return ImportBatch.objects.create(
        uploaded_by=user,
        session_hash=session_hash(session_key),
        expires_at=timezone.now() + datetime.timedelta(seconds=settings.ASO_IMPORT_EXPIRY_SECONDS),
    )


def session_hash(session_key):
    return hashlib.sha256((session_key or "").encode()).hexdigest() if session_key else ""


def check_file(batch, binary, filename, progress=None):
    """Read and check a file for `batch`, staging its rows with case references already hashed.

    Returns an ImportResult with the counts the import would give (nothing is imported). The batch
    ends READY, or INVALID with every error and no staged row. Its progress (rows read, percent)
    is saved in the database as the file is read, so any node can report it.
    """
    result = ImportResult(dry_run=True)
    user = batch.uploaded_by
    programs = Program.objects.all() if user is None else Program.objects.visible_to(user)
    programs = {program.code: program for program in programs}
    stager = _Stager(batch, result)
    batches = ImportBatch.objects.filter(pk=batch.pk)

    def report(fraction):
        percent = None if fraction is None else round(fraction * 100)
        batches.update(rows=result.rows, progress_percent=percent)
        if progress:
            progress(result.rows, fraction)

    try:
        columns = None
        for row_number, cells, fraction in read_rows(binary, filename):
            cells = list(cells or ())
            if columns is None and _is_blank(cells):
                continue  # empty rows above the header (calamine gives them for a sheet that starts lower)
            if columns is None:
                columns = _Columns(cells)
                if columns.errors:
                    result.errors.extend(columns.errors)
                    break
                continue
            if _is_blank(cells):
                continue
            result.rows += 1
            record, errors = parse_row(cells, row_number, columns, programs)
            if errors:
                result.errors.extend(errors)
            elif not result.errors:
                stager.add(row_number, record)
            if result.rows % PROGRESS_EVERY == 0:
                report(fraction())
        if columns is None:
            result.errors.append(RowError(1, "", _("The file is empty.")))
        if not result.errors:
            stager.flush()
    except ImportFileError as error:
        result.errors.append(RowError(0, "", error.args[0]))
    if result.errors:
        result.new = result.updated = result.unchanged = 0
        StagedAssessment.objects.filter(batch=batch).delete()
    batches.update(
        status=ImportBatch.Status.INVALID if result.errors else ImportBatch.Status.READY,
        rows=result.rows,
        progress_percent=100,
        new=result.new,
        updated=result.updated,
        unchanged=result.unchanged,
        errors=[[error.row, error.column, _english(error.message)] for error in result.errors],
    )
    if progress:
        progress(result.rows, 1.0)
    return result


def batch_errors(batch):
    """The batch's errors as RowErrors, their messages in the current language."""
    return [RowError(row, column, gettext(message)) for row, column, message in batch.errors]


def discard_batch(batch):
    """Cancel a batch that has not been imported: it and its staged rows are deleted."""
    ImportBatch.objects.filter(pk=batch.pk, status__in=ImportBatch.PENDING).delete()


# --- Importing (a django-tasks job) ------------------------------------------------------------

INTERRUPTED = _("The import stopped before it finished, so nothing was imported. Please try again.")
PROGRAM_ACCESS_LOST = _("You may no longer import for every program in this file, so nothing was imported.")
EXPIRED = _("This upload expired before it was imported, so nothing was imported. Please choose the file again.")


class ImportInterrupted(Exception):
    """The batch stopped being the one to import (cancelled, expired or marked failed) while writing."""


def queue_import(batch):
    """Mark a READY batch as waiting for the import job and enqueue the job; False if it was not READY.

    In production the job waits in the database for `manage.py db_worker` on any node; in
    development and tests the immediate backend runs it at once.
    """
    queued = ImportBatch.objects.filter(
        pk=batch.pk, status=ImportBatch.Status.READY, expires_at__gt=timezone.now()
    ).update(
        status=ImportBatch.Status.QUEUED,
        expires_at=timezone.now() + datetime.timedelta(seconds=settings.ASO_IMPORT_EXPIRY_SECONDS),
    )
    if queued:
        import_batch_task.enqueue(str(batch.pk))
    return bool(queued)


def import_batch(batch_id):
    """Write a QUEUED batch's staged rows as assessments, all in one transaction, and say how it went.

    Either every row is imported, the staged rows deleted and the batch marked IMPORTED in the same
    commit, or nothing is: an error marks the batch FAILED, and a worker killed midway leaves the
    transaction uncommitted (the batch stays IMPORTING until purge_stale_imports marks it FAILED).
    Returns the batch's status.
    """
    claimed = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.QUEUED).update(
        status=ImportBatch.Status.IMPORTING, rows=0, progress_percent=None
    )
    if not claimed:
        return None
    batch = ImportBatch.objects.select_related("uploaded_by").get(pk=batch_id)
    failure = None
    try:
        with transaction.atomic():
            _write_staged_rows(batch)
    except ImportInterrupted:
        return ImportBatch.objects.filter(pk=batch_id).values_list("status", flat=True).first()
    except _NotAllowed:
        failure = PROGRAM_ACCESS_LOST
    except Exception:  # whatever stopped it, the transaction was rolled back: nothing was imported
        logger.exception("ASO import %s failed", batch_id)
        failure = INTERRUPTED
    if failure is not None:
        now = timezone.now()
        StagedAssessment.objects.filter(batch_id=batch_id).delete()
        ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.IMPORTING).update(
            status=ImportBatch.Status.FAILED,
            failure=_english(failure),
            finished_at=now,
            expires_at=now + datetime.timedelta(seconds=settings.ASO_IMPORT_EXPIRY_SECONDS),
        )
        return ImportBatch.Status.FAILED
    return ImportBatch.Status.IMPORTED


class _NotAllowed(Exception):
    pass


def _write_staged_rows(batch):
    staged = StagedAssessment.objects.filter(batch=batch)
    if batch.uploaded_by is not None:
        if staged.exclude(program__in=Program.objects.visible_to(batch.uploaded_by)).exists():
            raise _NotAllowed
    result = ImportResult()
    writer = AssessmentWriter(result)
    last = -1
    while True:
        # Keyset pages rather than one open cursor, so that reading and writing share the connection.
        chunk = list(staged.filter(row_number__gt=last).order_by("row_number")[:PROGRESS_EVERY])
        if not chunk:
            break
        for row in chunk:
            result.rows += 1
            writer.add(
                AssessmentRecord(
                    program_id=row.program_id,
                    case_hash=row.case_hash,
                    assessed_on=row.assessed_on,
                    occasion=row.occasion,
                    scores=row.scores,
                    subdomain_scores=row.subdomain_scores,
                )
            )
        last = chunk[-1].row_number
    writer.flush()
    staged.delete()
    now = timezone.now()
    done = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.IMPORTING).update(
        status=ImportBatch.Status.IMPORTED,
        rows=result.rows,
        progress_percent=100,
        new=result.new,
        updated=result.updated,
        unchanged=result.unchanged,
        finished_at=now,
        expires_at=now + datetime.timedelta(seconds=settings.ASO_IMPORT_EXPIRY_SECONDS),
    )
    if not done:
        raise ImportInterrupted
    return result


@task()
def import_batch_task(batch_id):
    """The ASO import job: see import_batch."""
    return import_batch(batch_id)


# --- Expiry ------------------------------------------------------------------------------------


def purge_stale_imports(now=None):
    """Delete expired batches with their staged rows; an import still running at its expiry is FAILED.

    Returns (batches deleted, imports marked failed).
    """
    now = now or timezone.now()
    stale = ImportBatch.objects.filter(expires_at__lte=now)
    failed_ids = list(stale.filter(status=ImportBatch.Status.IMPORTING).values_list("pk", flat=True))
    failed = ImportBatch.objects.filter(pk__in=failed_ids, status=ImportBatch.Status.IMPORTING).update(
        status=ImportBatch.Status.FAILED,
        failure=_english(INTERRUPTED),
        finished_at=now,
        expires_at=now + datetime.timedelta(seconds=settings.ASO_IMPORT_EXPIRY_SECONDS),
    )
    StagedAssessment.objects.filter(batch_id__in=failed_ids).delete()
    deleted = ImportBatch.objects.filter(expires_at__lte=now).exclude(status=ImportBatch.Status.IMPORTING).delete()
    return deleted[1].get(ImportBatch._meta.label, 0), failed


@task()
def purge_stale_imports_task():
    """Scheduled at a batch's expiry where the task backend can defer (production's database backend)."""
    deleted, failed = purge_stale_imports()
    return {"deleted": deleted, "failed": failed}


def schedule_purge(batch):
    """Ask the task worker to purge at this batch's expiry, when the backend can run a task later."""
    if purge_stale_imports_task.get_backend().supports_defer:
        purge_stale_imports_task.using(run_after=batch.expires_at + datetime.timedelta(seconds=1)).enqueue()


# --- One call for scripts and the command line -------------------------------------------------


def import_assessments(binary, filename, user=None, dry_run=False, progress=None):
    """Check a CSV or XLSX file and, unless `dry_run` or it has errors, import it now.

    `user` limits the programs to theirs (None: all). Returns an ImportResult: nothing is saved when
    there is any error or when `dry_run` is set. `progress(rows, fraction)` is called now and then
    (fraction None when unknown). The rows take the same way as an upload in the admin (hashed and
    staged, then written in one transaction), without waiting for a task worker.
    """
    batch = new_batch(user)
    result = check_file(batch, binary, filename, progress=progress)
    if result.errors or dry_run:
        batch.delete()
        return result
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.QUEUED)
    status = import_batch(batch.pk)
    batch.refresh_from_db()
    if status != ImportBatch.Status.IMPORTED:
        message = gettext(batch.failure) if batch.failure else INTERRUPTED
        batch.delete()
        return ImportResult(rows=result.rows, errors=[RowError(0, "", message)])
    batch.delete()
    return ImportResult(rows=batch.rows, new=batch.new, updated=batch.updated, unchanged=batch.unchanged)
