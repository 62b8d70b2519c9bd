"""Import of de-identified ASO assessments from CSV or XLSX.

The file is read as a stream (the csv module; for XLSX, openpyxl for the workbook parts and an
expat parser for the sheet) and written in batches
inside one transaction. An import is all-or-nothing: the first invalid row stops the writing but
not the checking, so that every error is reported (row number as in a spreadsheet, header = row 1,
and column) and the transaction is rolled back. A dry run (the admin preview) does the same work
and always rolls back. Re-importing is idempotent: a row with the same program, case, date and
occasion replaces the earlier one and is counted as updated, or unchanged when nothing differs.

Case references are hashed at once (case_refs.hash_case_ref); the raw value is never kept, logged
or repeated in an error message. No error message repeats any cell value.
"""

import csv
import datetime
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from feedback.models import Program

from .case_refs import hash_case_ref, normalise_case_ref
from .models import DOMAIN_CODES, AsoAssessment, Occasion
from .scoring import SUBDOMAIN_TOLERANCE, domain_score_from_subdomains

REQUIRED_COLUMNS = ("program", "case_ref", "assessed_on", "occasion")
SUBDOMAIN_COLUMN = re.compile(r"^(?P<domain>" + "|".join(DOMAIN_CODES) + r")\.(?P<number>[1-9][0-9]?)$")
SUPPORTED_EXTENSIONS = (".csv", ".xlsx")
BATCH_SIZE = 500
PROGRESS_EVERY = 1000
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    """(row number, cells, fraction done) for the first worksheet of a workbook, read as a stream.

    openpyxl reads the workbook's parts (shared strings, styles, which file is the first sheet);
    the sheet itself is parsed here. openpyxl's read-only mode would parse a sheet without a
    <dimension> element in full just to open it, and then build an element per cell: about a
    minute each for 100,000 rows of 30 columns.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    try:
        reader = ExcelReader(binary, read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        path = next(
            rel.target
            for _sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and rel.Type.endswith("/worksheet")
        )
    except Exception as error:  # openpyxl and zipfile raise many kinds for a file that is not a workbook
        raise ImportFileError(_("The file is not a readable XLSX workbook.")) from error
    try:
        with reader.archive.open(path) as stream:
            size = reader.archive.getinfo(path).file_size
            strings, date_styles, epoch = reader.shared_strings, reader.wb._date_formats, reader.wb.epoch
            for number, row in _sheet_cells(stream, strings, date_styles, epoch):
                yield number, row, (lambda: min(stream.tell() / size, 1.0) if size else None)
    finally:
        reader.archive.close()


def _column_index(reference):
    """0 for "A1", 26 for "AA7"."""
    index = 0
    for character in reference:
        if character.isdigit():
            break
        index = index * 26 + ord(character.upper()) - 64
    return index - 1


def _sheet_cells(stream, shared_strings, date_styles, epoch):
    """(row number, values) for every row of a worksheet's XML, parsed with expat callbacks.

    Values are converted as openpyxl would: shared and inline strings, numbers, booleans, and
    dates for number cells whose style is a date format.
    """
    from xml.parsers import expat

    from openpyxl.utils.datetime import from_excel

    ready = []
    state = {"row": [], "number": 0, "type": None, "style": 0, "column": 0, "text": None}

    def start(name, attributes):
        if name == "c":
            state["type"] = attributes.get("t", "n")
            state["style"] = int(attributes.get("s", 0))
            reference = attributes.get("r")
            state["column"] = _column_index(reference) if reference else len(state["row"])
            state["text"] = None
        elif name in ("v", "t") and state["type"] is not None and state["text"] is None:
            state["text"] = []  # rich inline text has several <t> runs: keep them all
        elif name == "row":
            state["number"] = int(attributes.get("r", state["number"] + 1))
            state["row"] = []

    def characters(data):
        if state["text"] is not None:
            state["text"].append(data)

    def end(name):
        if name == "c":
            text = "".join(state["text"]) if state["text"] is not None else None
            value = _xlsx_value(text, state["type"], state["style"], shared_strings, date_styles, epoch, from_excel)
            row = state["row"]
            row.extend([None] * (state["column"] - len(row)))
            row.append(value)
            state["type"] = None
        elif name == "row":
            ready.append((state["number"], state["row"]))

    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, characters
    parser.buffer_text = True
    while chunk := stream.read(256 * 1024):
        parser.Parse(chunk, False)
        yield from ready
        ready.clear()
    parser.Parse(b"", True)
    yield from ready


def _xlsx_value(text, cell_type, style, shared_strings, date_styles, epoch, from_excel):
    if text is None:
        return None
    if cell_type == "s":
        return shared_strings[int(text)]
    if cell_type in ("inlineStr", "str"):
        return text
    if cell_type == "b":
        return text == "1"
    if cell_type == "n":
        number = float(text)
        if style in date_styles:
            return from_excel(number, epoch)
        return int(number) if number.is_integer() else number
    return text  # errors (#N/A …) and anything new: as text, to be reported as invalid


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
    record = AssessmentRecord(
        program_id=program.pk,
        case_hash=hash_case_ref(program.code, raw_case_ref),
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
            ).only("id", "program_id", "case_hash", "assessed_on", "occasion", *self.fields)
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


def import_assessments(binary, filename, user=None, dry_run=False, progress=None):
    """Import a CSV or XLSX file of assessments; `user` limits the programs to theirs (None: all).

    Returns an ImportResult. Nothing is saved when there is any error or when `dry_run` is set.
    `progress(rows, fraction)` is called now and then (fraction None when unknown).
    """
    result = ImportResult(dry_run=dry_run)
    programs = Program.objects.all() if user is None else Program.objects.visible_to(user)
    programs = {program.code: program for program in programs}
    writer = AssessmentWriter(result)
    with transaction.atomic():
        try:
            rows = read_rows(binary, filename)
            columns = None
            for row_number, cells, fraction in rows:
                cells = list(cells or ())
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
                    writer.add(record)
                if progress and result.rows % PROGRESS_EVERY == 0:
                    progress(result.rows, fraction())
            if columns is None:
                result.errors.append(RowError(1, "", _("The file is empty.")))
            if not result.errors:
                writer.flush()
        except ImportFileError as error:
            result.errors.append(RowError(0, "", str(error.args[0])))
        if progress:
            progress(result.rows, 1.0)
        if result.errors or dry_run:
            transaction.set_rollback(True)
    if result.errors:
        result.new = result.updated = result.unchanged = 0
    return result
