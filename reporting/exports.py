"""CSV and XLSX downloads: the one spreadsheet writer every report uses, and the lines above an
aggregate table.

Every download, aggregate or record-level, goes through `spreadsheet_response`, which guards every
text cell against being run as a spreadsheet formula. The rows come from the app that owns the
records (feedback/exports.py, outcomes/exports.py).
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters that make a spreadsheet run a cell as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_INVALID_SHEET_CHARACTERS = str.maketrans({character: " " for character in "[]:*?/\\"})


def safe_cell(value):
    """A cell as written: numbers stay numbers, empty stays empty, text that would start a formula is quoted."""
    if value is None or isinstance(value, (int, float)):
        return value
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def spreadsheet_response(header, rows, filename, file_format, sheet_title, about=()):
    """A CSV (UTF-8 with a byte-order mark, so Excel reads every script) or XLSX download.

    `about` is (label, value) lines written above the table: program, period, date produced, note.
    The XLSX has a named sheet, a bold, shaded and frozen header row, and columns sized to fit.
    """
    about = [[label, value] for label, value in about]
    table = [[safe_cell(value) for value in row] for row in [header, *rows]]
    about = [[safe_cell(value) for value in line] for line in about]
    if file_format == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(sheet_title).translate(_INVALID_SHEET_CHARACTERS)[:31] or "Report"
        for line in about:
            sheet.append(line)
        if about:
            sheet.append([])
        header_row = len(about) + 2 if about else 1
        for row in table:
            sheet.append(row)
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDE3EA")
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        for index in range(1, len(header) + 1):
            longest = max((len(str(row[index - 1])) for row in table if index - 1 < len(row)), default=8)
            sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 10), 60)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerows(about)
        if about:
            writer.writerow([])
        writer.writerows(table)
        response = HttpResponse(("\ufeff" + text.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


def about_report(program_name, period, note):
    """The lines above every aggregate table: what it covers, when it was made, how it was protected."""
    return [
        (_("Program"), str(program_name)),
        (_("Period"), f"{period.name} ({period.start.isoformat()} – {period.end.isoformat()})"),
        (_("Produced on"), timezone.localdate().isoformat()),
        (_("Note"), note),
    ]
