"""CSV and XLSX exports of the program report table (aggregates only, disclosure-controlled).

Written by the one spreadsheet writer (feedback.exports.spreadsheet_response): a hidden figure is
an empty cell, and the note column says why.
"""

from django.utils.translation import gettext as _

from feedback.exports import about_report, spreadsheet_response
from gsn_site.privacy import reason_text

from .reports import EXPORT_COLUMNS


def _note(row, min_cell):
    notes = []
    if row.get("voice_reason"):
        notes.append(_("Survivor voice: %(reason)s") % {"reason": reason_text(row["voice_reason"], min_cell)})
    if row.get("reason"):
        notes.append(_("Assessments: %(reason)s") % {"reason": reason_text(row["reason"], min_cell)})
    for reason in dict.fromkeys(filter(None, (row.get("share_reasons") or {}).values())):
        notes.append(_("Shares: %(reason)s") % {"reason": reason_text(reason, min_cell)})
    return "; ".join(notes)


def export_rows(rows, min_cell):
    return [
        [str(row["name"]), *(row.get(key) for key, _label in EXPORT_COLUMNS[1:]), _note(row, min_cell)] for row in rows
    ]


def _export(file_format):
    def respond(rows, report, control, program, period):
        return spreadsheet_response(
            [str(label) for _key, label in EXPORT_COLUMNS] + [_("Note")],
            export_rows(rows, control.min_cell),
            f"program-report-{program.code}-{period.label}",
            file_format,
            sheet_title=_("Program report %(period)s") % {"period": period.label},
            about=about_report(program.name, period, control.min_cell, control.rounding_base),
        )

    return respond


csv_response = _export("csv")
xlsx_response = _export("xlsx")
