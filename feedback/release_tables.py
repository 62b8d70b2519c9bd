"""Feedback's source of released figures (reporting.sources): what a month of responses counts,
how its tables are coarsened, and the survivor-voice means computed from released counts only.

Finest cells of one month: `total`, `language.<code>`, `channel.<code>`, `q.<key>.answered` and
`q.<key>.v.<answer>` (people who gave that answer). Coarsening, one step at a time, group by group,
until the audit passes: the responses lose their language and channel breakdown, then their total;
a question's answer scale is collapsed (agree / neither / disagree; 0-3 / 4-6 / 7-10), then only
the number who answered is shown, then nothing.
"""

from django.conf import settings
from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from reporting.sources import Source, register

from .models import Channel, FeedbackAnswer, FeedbackResponse, QuestionType, SurveyVersion, localised
from .questions import NUMBER_CHOICES, to_outcome_scale

RESPONSES = "responses"
# Collapsed answer scales: group key -> the stored answers it sums.
COLLAPSED = {
    QuestionType.LIKERT: {"agree": ["5", "4"], "neither": ["3"], "disagree": ["2", "1"]},
    QuestionType.SCALE: {
        "high": [str(n) for n in range(7, 11)],
        "middle": [str(n) for n in range(4, 7)],
        "low": [str(n) for n in range(0, 4)],
    },
}
COLLAPSED_LABELS = {
    "agree": _("Agree or strongly agree"),
    "neither": _("Neither agree nor disagree"),
    "disagree": _("Disagree or strongly disagree"),
    "high": _("7 to 10"),
    "middle": _("4 to 6"),
    "low": _("0 to 3"),
}
# Coarsening levels of a question.
FULL, COLLAPSED_SCALE, ANSWERED_ONLY, HIDDEN = 0, 1, 2, 3
# Why a figure is not shown (the words a page uses are in reporting.releases.WITHHELD_TEXT).
FEWER_ANSWERED = "fewer_answered"
WITHHELD = "withheld"


def answer_values(question):
    if question["type"] in NUMBER_CHOICES:
        return [str(value) for value, _label in NUMBER_CHOICES[question["type"]]]
    return [option["key"] for option in question.get("options", [])]


def _questions_of(responses):
    versions = SurveyVersion.objects.filter(pk__in=responses.values("survey_version")).order_by(
        "-created_on", "-number"
    )
    questions = {}
    for version in versions:
        for question in version.questions:
            questions.setdefault(question["key"], question)
    return [
        {key: question.get(key) for key in ("key", "type", "text", "domain", "options", "reverse_scored")}
        for question in questions.values()
    ]


def _add(counts, cell, record_key):
    entry = counts.setdefault(cell, [0, 0])
    entry[0] += 1
    entry[1] = (entry[1] + record_key) % 256


class FeedbackSource(Source):
    name = "feedback"
    per_month = True
    monotone = True

    def first_day(self, program):
        return FeedbackResponse.objects.filter(program=program).aggregate(first=Min("submitted_on"))["first"]

    def collect(self, program, start, end):
        responses = FeedbackResponse.objects.filter(program=program).in_period(start, end)
        counts = {}
        for language, channel, record_key in responses.values_list("language", "channel", "record_key"):
            _add(counts, "total", record_key)
            _add(counts, f"language.{language}", record_key)
            _add(counts, f"channel.{channel}", record_key)
        seen = set()
        for response_id, key, question_type, number, choice, record_key in FeedbackAnswer.objects.filter(
            response__in=responses
        ).values_list("response_id", "question_key", "question_type", "number", "choice", "response__record_key"):
            if (response_id, key) not in seen:
                seen.add((response_id, key))
                _add(counts, f"q.{key}.answered", record_key)
            if question_type != QuestionType.FREE_TEXT:
                value = choice or ("" if number is None else str(number))
                if value and (response_id, key, value) not in seen:
                    seen.add((response_id, key, value))
                    _add(counts, f"q.{key}.v.{value}", record_key)
        return counts, {"questions": _questions_of(responses)}

    def merge_meta(self, metas):
        questions = {}
        for meta in reversed(metas):
            for question in meta.get("questions", []):
                questions.setdefault(question["key"], question)
        return {"questions": list(questions.values())}

    def max_levels(self, meta):
        return {RESPONSES: 2, **{f"q:{question['key']}": HIDDEN for question in meta["questions"]}}

    def group_of(self, cell):
        if cell.startswith("q."):
            return "q:" + cell.split(".")[1]
        return RESPONSES

    def released_cells(self, meta, levels):
        cells = {}
        if levels[RESPONSES] < 2:
            cells["total"] = ["total"]
        if levels[RESPONSES] == 0:
            for code, _name in settings.LANGUAGES:
                cells[f"language.{code}"] = [f"language.{code}"]
            for code in Channel.values:
                cells[f"channel.{code}"] = [f"channel.{code}"]
        for question in meta["questions"]:
            key, level = question["key"], levels[f"q:{question['key']}"]
            if level >= HIDDEN:
                continue
            cells[f"q.{key}.answered"] = [f"q.{key}.answered"]
            if level >= ANSWERED_ONLY or question["type"] == QuestionType.FREE_TEXT:
                continue
            groups = COLLAPSED.get(question["type"]) if level == COLLAPSED_SCALE else None
            if groups:
                for group, values in groups.items():
                    cells[f"q.{key}.c.{group}"] = [f"q.{key}.v.{value}" for value in values]
            else:
                for value in answer_values(question):
                    cells[f"q.{key}.v.{value}"] = [f"q.{key}.v.{value}"]
        return cells

    def structure(self, meta):
        rows = []
        languages = {f"language.{code}": 1 for code, _name in settings.LANGUAGES}
        channels = {f"channel.{code}": 1 for code in Channel.values}
        rows.append(({**languages, "total": -1}, 0, 0))
        rows.append(({**channels, "total": -1}, 0, 0))
        for question in meta.get("questions", []):
            key = question["key"]
            answered = f"q.{key}.answered"
            rows.append(({answered: 1, "total": -1}, None, 0))
            if question["type"] == QuestionType.FREE_TEXT:
                continue
            values = {f"q.{key}.v.{value}": 1 for value in answer_values(question)}
            if question["type"] == QuestionType.MULTIPLE_CHOICE:
                rows.append(({**values, answered: -1}, 0, None))
                rows.extend(({cell: 1, answered: -1}, None, 0) for cell in values)
            else:
                rows.append(({**values, answered: -1}, 0, 0))
        return rows

    def tables(self, released, true_counts, meta, levels, minimum):
        responses = {
            "total": released.get("total"),
            "by_language": _prefixed(released, "language."),
            "by_channel": _prefixed(released, "channel."),
        }
        questions = []
        for question in meta["questions"]:
            key, level = question["key"], levels[f"q:{question['key']}"]
            distribution = _prefixed(released, f"q.{key}.v.") or _prefixed(released, f"q.{key}.c.")
            questions.append(
                {
                    "key": key,
                    "type": question["type"],
                    "text": question["text"],
                    "domain": question.get("domain"),
                    "options": question.get("options") or [],
                    "answered": released.get(f"q.{key}.answered"),
                    "collapsed": level == COLLAPSED_SCALE and question["type"] in COLLAPSED,
                    "distribution": distribution,
                    "withheld": WITHHELD if level >= ANSWERED_ONLY and question["type"] != "free_text" else None,
                }
            )
        return {"responses": responses, "questions": questions, "voice": survivor_voice(questions)}


def _prefixed(released, prefix):
    values = {cell[len(prefix) :]: value for cell, value in released.items() if cell.startswith(prefix)}
    return values or None


def _score(question, value, collapsed):
    numbers = COLLAPSED[question["type"]][value] if collapsed else [value]
    scores = [to_outcome_scale(question["type"], int(number), question.get("reverse_scored")) for number in numbers]
    return sum(scores) / len(scores)


def survivor_voice(questions):
    """{domain: {"mean", "answers", "reason"}}: the released answers of domain-mapped scale questions
    on the ASO's 1-4 scale. Computed from released counts only, so it tells nothing they do not."""
    totals = {}
    for question in questions:
        domain = question.get("domain")
        if not domain or question["type"] not in NUMBER_CHOICES:
            continue
        entry = totals.setdefault(domain, [0.0, 0])
        for value, count in (question["distribution"] or {}).items():
            entry[0] += _score(question, value, question["collapsed"]) * count
            entry[1] += count
    voices = {}
    for domain, (weighted, answers) in totals.items():
        if answers:
            voices[domain] = {"mean": round(weighted / answers, 1), "answers": answers, "reason": None}
        else:
            voices[domain] = {"mean": None, "answers": None, "reason": FEWER_ANSWERED}
    return voices


register(FeedbackSource())


def release_about(release, program, period):
    return {
        "program": {"code": program.code, "name": program.name},
        "period": period.as_json(),
        "release": {
            "version": release.version,
            "created_at": release.created_at.isoformat(),
            "method": "cell key",
            "min_cell": release.min_cell,
        },
    }


def _labels(question, language):
    if question["collapsed"]:
        return {key: str(COLLAPSED_LABELS[key]) for key in question["distribution"]}
    if question["type"] in NUMBER_CHOICES:
        return {str(value): str(label) for value, label in NUMBER_CHOICES[question["type"]]}
    return {option["key"]: localised(option["label"], language) for option in question["options"]}


def released_feedback(release, language=None):
    """The feedback tables of a stored release, with texts in `language` (the JSON commands' shape)."""
    language = language or settings.LANGUAGE_CODE
    tables = release.tables["feedback"]
    questions = []
    for question in tables["questions"]:
        entry = {key: question[key] for key in ("key", "type", "domain", "answered", "collapsed", "withheld")}
        entry["text"] = localised(question["text"], language)
        if question["distribution"] is not None:
            entry["labels"] = _labels(question, language)
            entry["distribution"] = _in_order(question["distribution"], entry["labels"])
        questions.append(entry)
    responses = tables["responses"]
    responses = {
        "total": responses["total"],
        "by_language": _in_order(responses["by_language"], dict(settings.LANGUAGES)),
        "by_channel": _in_order(responses["by_channel"], Channel.values),
    }
    return {"responses": responses, "questions": questions, "survivor_voice": tables["voice"]}


def _in_order(counts, order):
    """`counts` in the order a reader expects (the scale's, the options', the settings'), whatever
    order the stored JSON kept: PostgreSQL's jsonb sorts keys, so a stored release must not be read
    in its keys' order, or the same release would print differently once re-read."""
    if counts is None:
        return None
    ordered = {key: counts[key] for key in order if key in counts}
    return {**ordered, **{key: value for key, value in counts.items() if key not in ordered}}


def report_summary(release, program, language=None):
    """A stored release in the shape the admin report's sections read (feedback.reports.report_sections);
    a breakdown coarsened away is empty."""
    released = released_feedback(release, language)
    responses = released["responses"]
    return {
        "program": {"code": program.code, "name": program.name},
        "min_cell": release.min_cell,
        "responses": {
            "total": responses["total"],
            "by_language": responses["by_language"] or {},
            "by_channel": responses["by_channel"] or {},
        },
        "questions": [
            {key: question[key] for key in ("key", "text", "answered", "labels", "distribution") if key in question}
            for question in released["questions"]
        ],
    }
