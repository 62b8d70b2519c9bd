"""Import of ASO files: every kind of error with its row and column, all-or-nothing, idempotence."""

import datetime
import io
import logging

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from openpyxl import Workbook

from outcomes.case_refs import hash_case_ref
from outcomes.importer import import_assessments
from outcomes.models import AsoAssessment, Occasion
from programs.outcome_domains import DOMAIN_CODES

from .helpers import make_program, make_staff

pytestmark = pytest.mark.django_db

HEADER = ",".join(["program", "case_ref", "assessed_on", "occasion", *DOMAIN_CODES])


def csv_file(*lines, header=HEADER):
    return io.BytesIO(("\n".join([header, *lines]) + "\n").encode())


def run(binary, name="file.csv", **kwargs):
    return import_assessments(binary, name, **kwargs)


def errors_of(result):
    return [(error.row, error.column) for error in result.errors]


@pytest.fixture
def program():
    return make_program("ke-test")


def test_a_valid_file_is_imported(program):
    result = run(
        csv_file("ke-test,CASE-1,2024-01-05,intake,2,2.5,3,1,4,2", "ke-test,CASE-1,2024-07-05,six_month,3,3,3,2,4,")
    )
    assert result.errors == []
    assert (result.rows, result.new, result.updated, result.unchanged) == (2, 2, 0, 0)
    first, latest = AsoAssessment.objects.order_by("assessed_on")
    assert first.case_hash == hash_case_ref("ke-test", "CASE-1")
    assert first.occasion == Occasion.INTAKE
    assert {code: getattr(first, code) for code in DOMAIN_CODES} == {
        "safety": 2,
        "legal_protection": 2.5,
        "mental_wellbeing": 3,
        "economic_empowerment_education": 1,
        "social_support": 4,
        "physical_wellbeing": 2,
    }
    assert latest.physical_wellbeing is None


def test_header_names_are_case_insensitive_and_extra_columns_are_ignored(program):
    header = "Notes,PROGRAM,Case_Ref,Assessed_On,Occasion,Safety"
    result = run(csv_file("anything,ke-test,C-9,2024-01-05,Intake,3", header=header))
    assert result.errors == []
    assert AsoAssessment.objects.get().safety == 3


def test_a_semicolon_separated_file_is_read(program):
    result = run(csv_file("ke-test;C-9;2024-01-05;intake;3", header="program;case_ref;assessed_on;occasion;safety"))
    assert result.errors == [] and result.new == 1


def test_every_error_is_reported_with_row_and_column_and_nothing_is_saved(program):
    result = run(
        csv_file(
            "ke-test,C-1,2024-01-05,intake,2,2,2,2,2,2",  # valid, but not saved
            "nope,C-2,2024-01-05,intake,2,2,2,2,2,2",  # unknown program
            "ke-test,,2024-01-05,intake,2,2,2,2,2,2",  # missing case_ref
            "ke-test,C-3,05/01/2024,intake,2,2,2,2,2,2",  # bad date
            "ke-test,C-4,2024-02-30,intake,2,2,2,2,2,2",  # impossible date
            "ke-test,C-5,2024-01-05,monthly,2,2,2,2,2,2",  # unknown occasion
            "ke-test,C-6,2024-01-05,intake,5,0.5,two,2,2,2",  # three bad scores
        )
    )
    assert errors_of(result) == [
        (3, "program"),
        (4, "case_ref"),
        (5, "assessed_on"),
        (6, "assessed_on"),
        (7, "occasion"),
        (8, "safety"),
        (8, "legal_protection"),
        (8, "mental_wellbeing"),
    ]
    assert (result.new, result.updated, result.unchanged) == (0, 0, 0)
    assert not result.saved
    assert AsoAssessment.objects.count() == 0


def test_missing_columns_are_reported_on_the_header_row(program):
    result = run(csv_file("ke-test,2024-01-05", header="program,assessed_on"))
    assert errors_of(result) == [(1, "case_ref"), (1, "occasion")]


def test_an_empty_file_and_an_unknown_file_type_are_reported(program):
    assert [str(e.message) for e in run(io.BytesIO(b"")).errors] == ["The file is empty."]
    assert run(io.BytesIO(b"x"), name="file.txt").errors[0].message == "Only CSV and XLSX files can be imported."
    assert "not UTF-8" in str(
        run(io.BytesIO(HEADER.encode() + b"\nke-test,\xff\xfe,2024-01-01,intake\n")).errors[0].message
    )


def test_blank_rows_are_skipped(program):
    result = run(csv_file("ke-test,C-1,2024-01-05,intake,2,2,2,2,2,2", ",,,,", ""))
    assert result.errors == [] and result.rows == 1


def test_sub_domain_scores_give_the_domain_score_when_it_is_empty(program):
    header = "program,case_ref,assessed_on,occasion,safety,safety.1,safety.2,safety.3,social_support.1"
    result = run(csv_file("ke-test,C-1,2024-01-05,intake,,3,2,2,4", header=header))
    assert result.errors == []
    assessment = AsoAssessment.objects.get()
    assert assessment.safety == pytest.approx(2.3333, abs=1e-4)
    assert assessment.social_support == 4
    assert assessment.subdomain_scores == {"safety.1": 3, "safety.2": 2, "safety.3": 2, "social_support.1": 4}


def test_a_domain_score_must_agree_with_its_sub_domains(program):
    header = "program,case_ref,assessed_on,occasion,safety,safety.1,safety.2,safety.3"
    result = run(
        csv_file("ke-test,C-1,2024-01-05,intake,2.33,3,2,2", "ke-test,C-2,2024-01-05,intake,2.5,3,2,2", header=header)
    )
    assert errors_of(result) == [(3, "safety")]


def test_sub_domain_scores_are_whole_numbers_from_1_to_4(program):
    header = "program,case_ref,assessed_on,occasion,safety.1,safety.2"
    result = run(csv_file("ke-test,C-1,2024-01-05,intake,2.5,5", header=header))
    assert errors_of(result) == [(2, "safety.1"), (2, "safety.2")]


def test_reimporting_counts_new_updated_and_unchanged(program):
    lines = ["ke-test,C-1,2024-01-05,intake,2,2,2,2,2,2", "ke-test,C-2,2024-01-05,intake,3,3,3,3,3,3"]
    assert run(csv_file(*lines)).new == 2
    again = run(csv_file(*lines))
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    changed = run(
        csv_file(lines[0], "ke-test,C-2,2024-01-05,intake,3,3,3,3,3,4", "ke-test,C-3,2024-01-05,intake,1,1,1,1,1,1")
    )
    assert (changed.new, changed.updated, changed.unchanged) == (1, 1, 1)
    assert AsoAssessment.objects.count() == 3
    assert AsoAssessment.objects.get(case_hash=hash_case_ref("ke-test", "C-2")).physical_wellbeing == 4


def test_the_same_assessment_twice_in_a_file_keeps_the_later_row(program):
    result = run(csv_file("ke-test,C-1,2024-01-05,intake,2,2,2,2,2,2", "ke-test,C-1,2024-01-05,intake,3,2,2,2,2,2"))
    assert (result.new, result.updated) == (1, 1)
    assert AsoAssessment.objects.get().safety == 3


def test_a_dry_run_counts_but_saves_nothing(program):
    result = run(csv_file("ke-test,C-1,2024-01-05,intake,2,2,2,2,2,2"), dry_run=True)
    assert (result.rows, result.new, result.errors) == (1, 1, [])
    assert AsoAssessment.objects.count() == 0


def test_xlsx_with_dates_and_numbers_as_cells(program):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Program", "Case_Ref", "Assessed_On", "Occasion", "Safety", "Extra"])
    sheet.append(["ke-test", 1234, datetime.datetime(2024, 1, 5), "closure", 3.5, "x"])
    sheet.append(["ke-test", "C-2", "2024-01-06", "annual", 7, None])
    binary = io.BytesIO()
    workbook.save(binary)
    binary.seek(0)
    result = run(binary, name="file.xlsx")
    assert errors_of(result) == [(3, "safety")]
    sheet.delete_rows(3)
    binary = io.BytesIO()
    workbook.save(binary)
    binary.seek(0)
    result = run(binary, name="FILE.XLSX")
    assert result.errors == [] and result.new == 1
    assert AsoAssessment.objects.get().case_hash == hash_case_ref("ke-test", "1234")


def test_staff_may_import_only_for_their_own_programs(program):
    other = make_program("in-other")
    staff = make_staff(programs=[program])
    result = run(
        csv_file("ke-test,C-1,2024-01-05,intake,2,2,2,2,2,2", "in-other,C-1,2024-01-05,intake,2,2,2,2,2,2"), user=staff
    )
    assert errors_of(result) == [(3, "program")]
    assert str(result.errors[0].message) == "Unknown program, or not one of your programs."
    assert not other.aso_assessments.exists()


def test_no_raw_case_reference_in_any_text_column_or_log(program, caplog, tmp_path, capsys):
    raw = "SECRET-CASE-778899"
    path = tmp_path / "aso.csv"
    path.write_bytes(
        csv_file(
            f"ke-test,{raw},2024-01-05,intake,2,2,2,2,2,2", f"ke-test,{raw},2024-13-05,intake,9,2,2,2,2,2"
        ).getvalue()
    )
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(CommandError):
            call_command("import_aso", str(path))
        path.write_bytes(csv_file(f"ke-test,{raw},2024-01-05,intake,2,2,2,2,2,2").getvalue())
        call_command("import_aso", str(path))
    assert AsoAssessment.objects.count() == 1
    captured = capsys.readouterr()
    assert raw not in caplog.text and raw not in captured.out and raw not in captured.err
    assert_not_in_database(raw)


def assert_not_in_database(needle):
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            description = connection.introspection.get_table_description(cursor, table)
            quoted = connection.ops.quote_name(table)
            for column in description:
                name = connection.ops.quote_name(column.name)
                cursor.execute(f"SELECT COUNT(*) FROM {quoted} WHERE CAST({name} AS TEXT) LIKE %s", [f"%{needle}%"])
                if cursor.fetchone()[0]:
                    found.append((table, column.name))
    assert found == []


def test_the_command_reports_counts(program, tmp_path):
    path = tmp_path / "aso.csv"
    path.write_bytes(csv_file("ke-test,C-1,2024-01-05,intake,2,2,2,2,2,2").getvalue())
    out = io.StringIO()
    call_command("import_aso", str(path), stdout=out)
    assert "1 rows: 1 new, 0 updated, 0 unchanged." in out.getvalue()
    out = io.StringIO()
    call_command("import_aso", str(path), stdout=out)
    assert "1 rows: 0 new, 0 updated, 1 unchanged." in out.getvalue()


def test_the_command_lists_errors_and_fails(program, tmp_path):
    path = tmp_path / "aso.csv"
    path.write_bytes(csv_file("ke-test,C-1,2024-01-05,later,2,2,2,2,2,2").getvalue())
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 errors in 1 rows: nothing was imported"):
        call_command("import_aso", str(path), stderr=err)
    assert "row 2, column occasion:" in err.getvalue()


def test_xlsx_row_numbers_count_empty_rows_and_cells(program):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["program", "case_ref", "assessed_on", "occasion", "safety", "social_support"])
    sheet.append(["ke-test", "C-1", "2024-01-05", "intake", None, 3])  # an empty cell in the middle
    sheet["A4"], sheet["B4"], sheet["C4"], sheet["D4"], sheet["F4"] = "ke-test", "C-2", "2024-01-05", "intake", 9
    binary = io.BytesIO()
    workbook.save(binary)
    binary.seek(0)
    result = run(binary, name="file.xlsx")
    assert errors_of(result) == [(4, "social_support")]  # row 3 is empty and skipped


def test_a_file_that_is_not_a_workbook_is_reported(program):
    result = run(io.BytesIO(b"not a zip file"), name="file.xlsx")
    assert [str(error) for error in result.errors] == ["The file is not a readable XLSX workbook."]


def test_an_xlsx_sheet_may_start_below_the_first_row(program):
    workbook = Workbook()
    sheet = workbook.active
    sheet["A3"], sheet["B3"], sheet["C3"], sheet["D3"], sheet["E3"] = (
        "program",
        "case_ref",
        "assessed_on",
        "occasion",
        "safety",
    )
    sheet["A4"], sheet["B4"], sheet["C4"], sheet["D4"], sheet["E4"] = "ke-test", "C-1", "2024-01-05", "intake", 3
    sheet["A5"], sheet["B5"], sheet["C5"], sheet["D5"], sheet["E5"] = "ke-test", "C-2", "2024-01-05", "intake", 5
    binary = io.BytesIO()
    workbook.save(binary)
    binary.seek(0)
    result = run(binary, name="file.xlsx")
    assert errors_of(result) == [(5, "safety")]  # row numbers as the spreadsheet shows them
