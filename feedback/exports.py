"""CSV and XLSX downloads of the aggregate report and of pseudonymised response records."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def summary_rows(summary):
    """The aggregate report as table rows; a hidden count is written as "fewer than N"."""
    hidden = _("fewer than %(number)s") % {"number": summary["min_cell"]}

    def shown(value):
        return hidden if value is None else value

    period = summary["period"]
    rows = [
        [_("Program"), summary["program"]["name"], summary["program"]["code"], ""],
        [_("Period"), period["from"] or "", period["to"] or "", ""],
        [_("Section"), _("Question"), _("Answer"), _("People")],
        [_("Responses"), "", _("Total"), shown(summary["responses"]["total"])],
    ]
    rows += [[_("Language"), "", code, shown(count)] for code, count in summary["responses"]["by_language"].items()]
    rows += [[_("Channel"), "", code, shown(count)] for code, count in summary["responses"]["by_channel"].items()]
    for question in summary["questions"]:
        rows.append([_("Question"), question["text"], _("Answered"), shown(question["answered"])])
        for value, count in question.get("distribution", {}).items():
            rows.append([_("Question"), question["text"], question["labels"][value], shown(count)])
    return rows


def record_rows(responses):
    """One row per response, identified only by its pseudonym; answers in survey order."""
    responses = list(responses.select_related("program", "survey_version__survey").prefetch_related("answers"))
    keys = []
    for response in responses:
        for question in response.survey_version.questions:
            if question["key"] not in keys:
                keys.append(question["key"])
    header = [_("Reference"), _("Program"), _("Survey"), _("Version"), _("Language"), _("Channel"), _("Date"), _("Review status"), *keys]
    rows = [header]
    for response in responses:
        values = {}
        for answer in response.answers.all():
            value = answer.text or answer.choice or ("" if answer.number is None else str(answer.number))
            values[answer.question_key] = "; ".join(filter(None, [values.get(answer.question_key), value]))
        rows.append(
            [
                response.reference,
                response.program.code,
                response.survey_version.survey.title,
                response.survey_version.number,
                response.language,
                response.channel,
                response.submitted_on.isoformat(),
                response.review_status,
                *(values.get(key, "") for key in keys),
            ]
        )
    return rows


def _safe_cell(value):
    # A spreadsheet would run a cell starting with one of these as a formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def download(rows, filename, file_format):
    rows = [[_safe_cell(value) for value in row] for row in rows]
    if file_format == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        response = HttpResponse(text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


