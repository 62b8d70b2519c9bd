"""Aggregate feedback reports: the numbers behind the admin report, the exports, the JSON summary
command and the outcome report. Every count of people goes through gsn_site.privacy."""

from django.conf import settings
from django.db.models import Avg, Count

from gsn_site.privacy import is_small_cell, min_cell_size, suppress_small_cells, suppressed_total

from .models import FeedbackAnswer, FeedbackResponse, QuestionType, SurveyVersion, localised
from .questions import NUMBER_CHOICES, SCALED_TYPES, outcome_scale_expression


def program_responses(program, date_from=None, date_to=None):
    return FeedbackResponse.objects.filter(program=program).in_period(date_from, date_to)


def _questions_in(responses):
    """Every question answered in these responses, newest wording first, each key once."""
    versions = SurveyVersion.objects.filter(pk__in=responses.values("survey_version")).order_by("-created_on", "-number")
    questions = {}
    for version in versions:
        for question in version.questions:
            questions.setdefault(question["key"], question)
    return list(questions.values())


def _answer_labels(question, language):
    if question["type"] in NUMBER_CHOICES:
        return {str(value): str(label) for value, label in NUMBER_CHOICES[question["type"]]}
    return {option["key"]: localised(option["label"], language) for option in question["options"]}


def feedback_summary(program, date_from=None, date_to=None, language=None):
    """Response counts and each question's answer distribution for one program and period.

    JSON-serialisable. A count of fewer than PRIVACY_MIN_CELL people is None, and a second
    cell is hidden with it where the first could otherwise be worked out from the totals.
    """
    language = language or settings.LANGUAGE_CODE
    responses = program_responses(program, date_from, date_to)
    total = responses.count()
    shown_total = suppressed_total(total)

    def breakdown(field, choices):
        counts = {key: 0 for key, _label in choices}
        counts.update({row[field]: row["people"] for row in responses.values(field).annotate(people=Count("pk"))})
        return suppress_small_cells(counts, total=total)

    answers = FeedbackAnswer.objects.filter(response__in=responses)
    answered = {row["question_key"]: row["people"] for row in answers.values("question_key").annotate(people=Count("response", distinct=True))}
    cells = {}
    for row in answers.exclude(question_type=QuestionType.FREE_TEXT).values("question_key", "number", "choice").annotate(
        people=Count("response", distinct=True)
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
            # Hidden too when the number who skipped (total minus answered) would be a small cell.
            "answered": None if shown_total is None or is_small_cell(total - people) else suppressed_total(people),
        }
        if question["type"] != QuestionType.FREE_TEXT:
            labels = _answer_labels(question, language)
            counts = {value: cells.get(key, {}).get(value, 0) for value in labels}
            # A multiple-choice row does not add up to the number who answered; the rule still holds.
            entry["labels"] = labels
            entry["distribution"] = suppress_small_cells(counts, total=people) if shown_total is not None else dict.fromkeys(counts)
        questions.append(entry)

    return {
        "program": {"code": program.code, "name": program.name},
        "period": {"from": date_from.isoformat() if date_from else None, "to": date_to.isoformat() if date_to else None},
        "min_cell": min_cell_size(),
        "responses": {
            "total": shown_total,
            "by_language": breakdown("language", settings.LANGUAGES),
            "by_channel": breakdown("channel", FeedbackResponse._meta.get_field("channel").choices),
        },
        "questions": questions,
    }


def _domain_answers(program, date_from=None, date_to=None):
    return FeedbackAnswer.objects.filter(
        response__in=program_responses(program, date_from, date_to), domain__isnull=False, question_type__in=SCALED_TYPES, number__isnull=False
    ).annotate(score=outcome_scale_expression())


def survivor_voice_by_domain(program, date_from=None, date_to=None):
    """{domain code: [each answer on the 1-4 outcome scale]} for the program's domain-mapped questions.

    Raw per-answer values for further computation; not for display (see survivor_voice_summary).
    """
    scores = {}
    for code, score in _domain_answers(program, date_from, date_to).values_list("domain__code", "score").order_by("domain__position", "pk"):
        scores.setdefault(code, []).append(score)
    return scores


def survivor_voice_summary(program, date_from=None, date_to=None):
    """{domain code: {"respondents", "answers", "mean"}}: what survivors say, on the 1-4 scale.

    Computed by the database; the mean is not rounded. When fewer than PRIVACY_MIN_CELL people answered in a domain,
    all three values are None.
    """
    rows = (
        _domain_answers(program, date_from, date_to)
        .values("domain__code")
        .annotate(respondents=Count("response", distinct=True), answers=Count("pk"), mean=Avg("score"))
        .order_by("domain__position")
    )
    summary = {}
    for row in rows:
        hidden = suppressed_total(row["respondents"]) is None
        summary[row["domain__code"]] = {
            "respondents": None if hidden else row["respondents"],
            "answers": None if hidden else row["answers"],
            "mean": None if hidden else row["mean"],
        }
    return summary
