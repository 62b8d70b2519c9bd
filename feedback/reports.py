"""The released feedback tables as people read them (the admin report, its exports, the figures
beside a program's answer). Every figure comes from a stored release (feedback.release_tables),
never from today's rows."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gsn_site.privacy import round_half_up

from .models import FeedbackResponse


def _percent(count, base):
    """A percentage of released figures only (both already disclosure-controlled), whole numbers."""
    if count is None or not base:
        return None
    return int(round_half_up(100 * count / base, 0))


def report_sections(summary):
    """The released summary as people read it: sections of labelled rows with count, percentage and
    Languages and channels nobody used are left out."""
    responses = summary["responses"]
    total = responses["total"]

    def row(label, count, base):
        return {"label": label, "count": count, "percent": _percent(count, base)}

    sections = [
        {
            "kind": "responses",
            "kind_label": _("Responses"),
            "title": _("Responses"),
            "rows": [row(_("Total"), total, None)],
        }
    ]
    for field, kind_label, choices in (
        ("language", _("Language"), dict(settings.LANGUAGES)),
        ("channel", _("Channel"), dict(FeedbackResponse._meta.get_field("channel").choices)),
    ):
        rows = [
            row(choices.get(key, key), count, total) for key, count in responses[f"by_{field}"].items() if count != 0
        ]
        sections.append({"kind": field, "kind_label": kind_label, "title": kind_label, "rows": rows})
    for question in summary["questions"]:
        answered = question["answered"]
        rows = [row(_("Answered"), answered, total)]
        for value, count in question.get("distribution", {}).items():
            rows.append(row(question["labels"][value], count, answered))
        sections.append(
            {
                "kind": "question",
                "kind_label": _("Question"),
                "title": question["text"],
                "question": question["text"],
                "rows": rows,
            }
        )
    return sections
