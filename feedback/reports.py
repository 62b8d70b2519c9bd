"""Aggregate feedback reports: the numbers behind the admin report, the exports, the JSON summary
command and the outcome report. Every figure released goes through gsn_site.privacy's
DisclosureControl, and only for a closed ReportingPeriod."""

from django.conf import settings
from django.db.models import Avg, Count
from django.utils.translation import gettext_lazy as _

from gsn_site.models import PrivacySettings
from gsn_site.privacy import (
    FEWER_THAN_MIN_CELL,
    GROUP_FEWER_THAN_MIN_CELL,
    PROTECTS_HIDDEN_CELL,
    SKIPPED_FEWER_THAN_MIN_CELL,
    round_half_up,
    suppression,
)
from programs.outcome_domains import domain_position

from .models import FeedbackAnswer, FeedbackResponse, QuestionType, SurveyVersion, localised
from .questions import NUMBER_CHOICES, SCALED_TYPES, outcome_scale_expression


def program_responses(program, date_from=None, date_to=None):
    return FeedbackResponse.objects.filter(program=program).in_period(date_from, date_to)


def _questions_in(responses):
    """Every question answered in these responses, newest wording first, each key once."""
    versions = SurveyVersion.objects.filter(pk__in=responses.values("survey_version")).order_by(
        "-created_on", "-number"
    )
    questions = {}
    for version in versions:
        for question in version.questions:
            questions.setdefault(question["key"], question)
    return list(questions.values())


def _answer_labels(question, language):
    if question["type"] in NUMBER_CHOICES:
        return {str(value): str(label) for value, label in NUMBER_CHOICES[question["type"]]}
    return {option["key"]: localised(option["label"], language) for option in question["options"]}


def default_disclosure_control():
    """The rules in force, for callers that have not built them already (commands, tests)."""
    return PrivacySettings.current().disclosure_control()


def feedback_summary(program, period, control=None, language=None):
    """Response counts and each question's answer distribution for one program and closed period.

    JSON-serialisable and disclosure-controlled (gsn_site.privacy): a hidden value is None and the
    `suppressed` list says which and why; shown counts are rounded to `rounding_base`.
    """
    control = control or default_disclosure_control()
    language = language or settings.LANGUAGE_CODE
    responses = program_responses(program, period.start, period.end)
    total = responses.count()
    group_hidden = control.is_small(total)
    suppressed = [suppression("responses.total", GROUP_FEWER_THAN_MIN_CELL)] if group_hidden else []

    def breakdown(field, choices):
        counts = {key: 0 for key, _label in choices}
        counts.update({row[field]: row["people"] for row in responses.values(field).annotate(people=Count("pk"))})
        shown, _total_hidden, entries = control.table(counts, f"responses.by_{field}", total=total)
        suppressed.extend(entries)
        return shown

    answers = FeedbackAnswer.objects.filter(response__in=responses)
    answered = {
        row["question_key"]: row["people"]
        for row in answers.values("question_key").annotate(people=Count("response", distinct=True))
    }
    cells = {}
    for row in (
        answers.exclude(question_type=QuestionType.FREE_TEXT)
        .values("question_key", "number", "choice")
        .annotate(people=Count("response", distinct=True))
    ):
        value = row["choice"] or str(row["number"])
        cells.setdefault(row["question_key"], {})[value] = row["people"]

    questions = []
    for question in _questions_in(responses):
        key = question["key"]
        people = answered.get(key, 0)
        entry = {
            "key": key,
            "text": localised(question["text"], language),
            "type": question["type"],
            "domain": question["domain"],
            "answered": control.count(people),
        }
        reason = None
        if group_hidden:
            reason = GROUP_FEWER_THAN_MIN_CELL
        elif control.is_small(total - people):
            # The number who skipped (total minus answered) would be a small cell.
            reason = SKIPPED_FEWER_THAN_MIN_CELL
        elif control.is_small(people):
            reason = FEWER_THAN_MIN_CELL
        if question["type"] != QuestionType.FREE_TEXT:
            labels = _answer_labels(question, language)
            counts = {value: cells.get(key, {}).get(value, 0) for value in labels}
            entry["labels"] = labels
            if group_hidden:
                entry["distribution"] = dict.fromkeys(counts)
                suppressed.extend(
                    suppression(f"questions.{key}.distribution.{value}", GROUP_FEWER_THAN_MIN_CELL) for value in counts
                )
            else:
                # A multiple-choice row does not add up to the number who answered; the rule still holds.
                distribution, total_hidden, entries = control.table(
                    counts, f"questions.{key}.distribution", total=people
                )
                entry["distribution"] = distribution
                suppressed.extend(entries)
                if total_hidden and reason is None:
                    reason = PROTECTS_HIDDEN_CELL
        if reason:
            entry["answered"] = None
            suppressed.append(suppression(f"questions.{key}.answered", reason))
        questions.append(entry)

    return {
        "program": {"code": program.code, "name": program.name},
        "period": period.as_json(),
        "min_cell": control.min_cell,
        "rounding_base": control.rounding_base,
        "responses": {
            "total": None if group_hidden else control.count(total),
            "by_language": breakdown("language", settings.LANGUAGES),
            "by_channel": breakdown("channel", FeedbackResponse._meta.get_field("channel").choices),
        },
        "questions": questions,
        "suppressed": suppressed,
    }


def domains_with_hidden_answers(summary):
    """Domains where a released answer count is hidden: no mean of theirs may be released beside it."""
    return {
        question["domain"]
        for question in summary["questions"]
        if question["domain"] and None in (question.get("distribution") or {}).values()
    }


def _domain_answers(program, date_from=None, date_to=None):
    return (
        FeedbackAnswer.objects.exclude(domain="")
        .filter(
            response__in=program_responses(program, date_from, date_to),
            question_type__in=SCALED_TYPES,
            number__isnull=False,
        )
        .annotate(score=outcome_scale_expression())
    )


def survivor_voice_summary(program, period, control=None, summary=None):
    """{domain code: {"respondents", "answers", "mean", "reason"}}: what survivors say, on the 1-4 scale.

    Disclosure-controlled: counts rounded, the mean to one decimal, and all three None (with the
    reason) for fewer than the minimum number of people, or when the period's released answer
    counts of the domain hide a cell (the mean would give it back). `summary` is the period's
    feedback_summary when the caller has it already.
    """
    control = control or default_disclosure_control()
    summary = summary or feedback_summary(program, period, control)
    beside_hidden = domains_with_hidden_answers(summary)
    rows = (
        _domain_answers(program, period.start, period.end)
        .values("domain")
        .annotate(respondents=Count("response", distinct=True), answers=Count("pk"), mean=Avg("score"))
        .order_by(domain_position("domain"))
    )
    voices = {}
    for row in rows:
        code = row["domain"]
        mean, reason = control.mean(row["mean"], row["respondents"], beside_hidden_answers=code in beside_hidden)
        voices[code] = {
            "respondents": None if reason else control.count(row["respondents"]),
            "answers": None if reason else control.count(row["answers"]),
            "mean": mean,
            "reason": reason,
        }
    return voices


def _percent(count, base):
    """A percentage of released figures only (both already disclosure-controlled), whole numbers."""
    if count is None or not base:
        return None
    return int(round_half_up(100 * count / base, 0))


def report_sections(summary):
    """The released summary as people read it: sections of labelled rows with count, percentage and
    the reason for any hidden figure. Languages and channels nobody used are left out."""
    reasons = {entry["cell"]: entry["reason"] for entry in summary["suppressed"]}
    responses = summary["responses"]
    total = responses["total"]

    def row(label, count, base, cell):
        return {"label": label, "count": count, "percent": _percent(count, base), "reason": reasons.get(cell)}

    sections = [
        {
            "kind": "responses",
            "kind_label": _("Responses"),
            "title": _("Responses"),
            "rows": [row(_("Total"), total, None, "responses.total")],
        }
    ]
    for field, kind_label, choices in (
        ("language", _("Language"), dict(settings.LANGUAGES)),
        ("channel", _("Channel"), dict(FeedbackResponse._meta.get_field("channel").choices)),
    ):
        rows = [
            row(choices.get(key, key), count, total, f"responses.by_{field}.{key}")
            for key, count in responses[f"by_{field}"].items()
            if count != 0
        ]
        sections.append({"kind": field, "kind_label": kind_label, "title": kind_label, "rows": rows})
    for question in summary["questions"]:
        key, answered = question["key"], question["answered"]
        rows = [row(_("Answered"), answered, total, f"questions.{key}.answered")]
        for value, count in question.get("distribution", {}).items():
            rows.append(row(question["labels"][value], count, answered, f"questions.{key}.distribution.{value}"))
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
