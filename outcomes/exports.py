"""CSV and XLSX exports of the program report table: one stored release, never live records.

Written by the one spreadsheet writer (reporting.exports.spreadsheet_response): a withheld figure is
an empty cell, and the note column says why.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reporting.exports import about_report, spreadsheet_response
from reporting.releases import release_note

EXPORT_COLUMNS = [
    ("name", gettext_lazy("Domain")),
    ("voice_mean", gettext_lazy("Survivor voice mean (1-4)")),
    ("voice_answers", gettext_lazy("Survivor voice n")),
    ("assessed_n", gettext_lazy("Assessed n (paired)")),
    ("assessed_first_mean", gettext_lazy("First assessment mean")),
    ("assessed_latest_mean", gettext_lazy("Latest assessment mean")),
    ("assessed_mean_change", gettext_lazy("Mean change")),
    ("improved_pct", gettext_lazy("Improved measurably (%)")),
    ("substantial_pct", gettext_lazy("Improved substantially (%)")),
    ("restored_pct", gettext_lazy("Restored (%)")),
]


def _note(row):
    notes = []
    if row["voice_reason"]:
        notes.append(_("Survivor voice: %(reason)s") % {"reason": row["voice_reason"]})
    if row["assessed_reason"]:
        notes.append(_("Assessments: %(reason)s") % {"reason": row["assessed_reason"]})
    return "; ".join(notes)


def export_rows(rows):
    return [[str(row["name"]), *(row.get(key) for key, _label in EXPORT_COLUMNS[1:]), _note(row)] for row in rows]


def _export(file_format):
    def respond(rows, release, program, period):
        note = _("%(note)s Released on %(day)s, version %(version)s.") % {
            "note": release_note(release.min_cell),
            "day": release.created_at.date().isoformat(),
            "version": release.version,
        }
        return spreadsheet_response(
            [str(label) for _key, label in EXPORT_COLUMNS] + [_("Note")],
            export_rows(rows),
            f"program-report-{program.code}-{period.label}",
            file_format,
            sheet_title=_("Program report %(period)s") % {"period": period.label},
            about=about_report(program.name, period, note),
        )

    return respond


csv_response = _export("csv")
xlsx_response = _export("xlsx")
