"""Feedback's rows for CSV and XLSX downloads: the aggregate report rows and the record rows.

They are written by the one spreadsheet writer, `reporting.exports.spreadsheet_response`, which
guards every text cell against being run as a spreadsheet formula.
"""

from django.utils.translation import gettext as _


def summary_rows(sections):
    """The released report (feedback.reports.report_sections) as table rows."""
    rows = []
    for section in sections:
        for row in section["rows"]:
            rows.append(
                [
                    section["kind_label"],
                    section.get("question", ""),
                    row["label"],
                    row["count"],
                    row["percent"],
                ]
            )
    return rows


def summary_header():
    return [_("Section"), _("Question"), _("Answer"), _("People"), _("Percentage")]


def record_rows(responses):
    """One row per response, identified only by its pseudonym; answers in survey order."""
    responses = list(responses.select_related("program", "survey_version__survey").prefetch_related("answers"))
    keys = []
    for response in responses:
        for question in response.survey_version.questions:
            if question["key"] not in keys:
                keys.append(question["key"])
    header = [
        _("Reference"),
        _("Program"),
        _("Survey"),
        _("Version"),
        _("Language"),
        _("Channel"),
        _("Date"),
        _("Review status"),
        *keys,
    ]
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
