"""CSV and XLSX exports of the program report table (aggregates only, small cells suppressed)."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .reports import EXPORT_COLUMNS


def _cells(row, min_cell):
    cells = []
    for key, _label in EXPORT_COLUMNS:
        value = row.get(key)
        if value is None and row.get("suppressed") and key not in ("survivor_voice_mean", "survivor_voice_n"):
            value = _("fewer than %(min)s") % {"min": min_cell}
        cells.append("" if value is None else str(value) if key == "name" else value)
    return cells


def export_table(rows, min_cell):
    yield [str(label) for _key, label in EXPORT_COLUMNS]
    for row in rows:
        yield _cells(row, min_cell)


def csv_response(rows, min_cell, filename):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(export_table(rows, min_cell))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows, min_cell, filename):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in export_table(rows, min_cell):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
