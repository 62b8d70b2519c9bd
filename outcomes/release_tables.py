"""Outcomes' source of released figures (reporting.sources): per ASO domain, the survivors assessed
twice in the period (first and latest assessment both scoring the domain), how many improved
measurably and substantially, and (overall) how many reached the restoration threshold.

A survivor's first and latest assessment in a quarter are not those of its months, so these counts
do not add up across periods: each released period freezes its own true counts (`per_month` is
False). Shares are computed from released counts. Mean scores are shown only for a domain of at
least N survivors, and the audit is told so (a shown mean says "at least N").
"""

from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from feedback.questions import NUMBER_CHOICES
from programs.outcome_domains import DOMAIN_CODES, DOMAIN_NAMES
from reporting.sources import Source, register

from .models import AsoAssessment
from .scoring import OVERALL, ScoringRules

SURVIVORS = "survivors"
BLOCKS = (*DOMAIN_CODES, OVERALL)
FULL, COUNT_ONLY, HIDDEN = 0, 1, 2
_EPSILON = 1e-9


def _add(counts, cell, key):
    entry = counts.setdefault(cell, [0, 0])
    entry[0] += 1
    entry[1] = (entry[1] + key) % 256


def _score(assessment, code):
    if code != OVERALL:
        return assessment[code]
    scores = [assessment[domain] for domain in DOMAIN_CODES]
    return None if None in scores else sum(scores) / len(scores)


class OutcomesSource(Source):
    name = "outcomes"
    per_month = False
    monotone = False

    def first_day(self, program):
        return AsoAssessment.objects.filter(program=program).aggregate(first=Min("assessed_on"))["first"]

    def collect(self, program, start, end, rules=None):
        rules = rules or ScoringRules.from_settings()
        rows = (
            AsoAssessment.objects.filter(program=program, assessed_on__gte=start, assessed_on__lte=end)
            .order_by("case_hash", "assessed_on", "occasion", "id")
            .values("case_hash", "record_key", *DOMAIN_CODES)
        )
        cases = {}
        for row in rows:
            cases.setdefault(row["case_hash"], []).append(row)
        counts, sums = {}, {}
        for assessments in cases.values():
            key = sum(row["record_key"] for row in assessments) % 256
            _add(counts, SURVIVORS, key)
            if len(assessments) < 2:
                continue
            first, latest = assessments[0], assessments[-1]
            for code in BLOCKS:
                before, after = _score(first, code), _score(latest, code)
                if before is None or after is None:
                    continue
                _add(counts, f"{code}.n", key)
                change = after - before
                if change >= rules.measurable_improvement - _EPSILON:
                    _add(counts, f"{code}.improved", key)
                if change >= rules.substantial_improvement - _EPSILON:
                    _add(counts, f"{code}.substantial", key)
                if code == OVERALL and after >= rules.restoration_threshold - _EPSILON:
                    _add(counts, f"{code}.restored", key)
                total = sums.setdefault(code, [0.0, 0.0])
                total[0] += before
                total[1] += after
        means = {}
        for code, (before, after) in sums.items():
            n = counts[f"{code}.n"][0]
            means[code] = {"first": before / n, "latest": after / n, "change": (after - before) / n}
        return counts, {"means": means}

    def max_levels(self, meta):
        return {SURVIVORS: 1, **dict.fromkeys(BLOCKS, HIDDEN)}

    def group_of(self, cell):
        return cell.split(".")[0]

    def _block_cells(self, code, level):
        if level >= HIDDEN:
            return []
        names = ["n"]
        if level == FULL:
            names += ["improved", "substantial"] + (["restored"] if code == OVERALL else [])
        return [f"{code}.{name}" for name in names]

    def released_cells(self, meta, levels):
        cells = {SURVIVORS: [SURVIVORS]} if levels[SURVIVORS] == 0 else {}
        for code in BLOCKS:
            cells.update({cell: [cell] for cell in self._block_cells(code, levels[code])})
        return cells

    def structure(self, meta):
        rows = []
        for code in BLOCKS:
            n = f"{code}.n"
            rows.append(({n: 1, SURVIVORS: -1}, None, 0))
            rows.append(({f"{code}.improved": 1, n: -1}, None, 0))
            rows.append(({f"{code}.substantial": 1, f"{code}.improved": -1}, None, 0))
        rows.append(({f"{OVERALL}.restored": 1, f"{OVERALL}.n": -1}, None, 0))
        return rows

    def _mean_shown(self, code, released, true_counts, minimum):
        n = released.get(f"{code}.n")
        return n is not None and n >= minimum and true_counts.get(f"{code}.n", 0) >= minimum

    def facts(self, released, true_counts, meta, levels, minimum):
        facts = []
        for code in BLOCKS:
            n = released.get(f"{code}.n")
            if n is None or n < minimum:
                continue
            if self._mean_shown(code, released, true_counts, minimum):
                facts.append((f"{code}.n", minimum, None))
            else:
                facts.append((f"{code}.n", None, minimum - 1))
        return facts

    def tables(self, released, true_counts, meta, levels, minimum):
        domains = {}
        for code in BLOCKS:
            n = released.get(f"{code}.n")
            block = {"n": n}
            for name in ("improved", "substantial", "restored"):
                if f"{code}.{name}" in released:
                    count = released[f"{code}.{name}"]
                    block[name] = count
                    block[f"{name}_pct"] = round(100 * count / n) if n else None
            means = meta["means"].get(code) if self._mean_shown(code, released, true_counts, minimum) else None
            block["first_mean"] = round(means["first"], 1) if means else None
            block["latest_mean"] = round(means["latest"], 1) if means else None
            block["mean_change"] = round(means["change"], 1) if means else None
            block["withheld"] = None if means else ("withheld" if levels[code] >= HIDDEN else "fewer_assessed")
            domains[code] = block
        return {"survivors": released.get(SURVIVORS), "domains": domains}


register(OutcomesSource())


def released_outcomes(release):
    """The outcome tables of a stored release (the aso_summary command's shape)."""
    tables = release.tables["outcomes"]
    # In the domains' own order, not the stored JSON's (PostgreSQL's jsonb sorts keys).
    domains = {code: tables["domains"][code] for code in (*DOMAIN_CODES, OVERALL) if code in tables["domains"]}
    return {"survivors": tables["survivors"], "domains": domains}


def released_program_report(release, language=None):
    """Survivor voice beside the assessed outcome, domain by domain, from one stored release."""
    from feedback.release_tables import released_feedback

    feedback = released_feedback(release, language)
    outcomes = released_outcomes(release)
    domains = {}
    for code in DOMAIN_CODES:
        voice = feedback["survivor_voice"].get(code) or {"mean": None, "answers": None, "reason": "no_question"}
        assessed = outcomes["domains"][code]
        domains[code] = {
            "survivor_voice_mean": voice["mean"],
            "survivor_voice_answers": voice["answers"],
            "survivor_voice_reason": voice["reason"],
            "assessed_n": assessed["n"],
            "assessed_latest_mean": assessed["latest_mean"],
            "assessed_mean_change": assessed["mean_change"],
            "assessed_reason": assessed["withheld"],
        }
    return {"feedback": feedback, "outcomes": outcomes, "domains": domains}


# Why a figure is not shown, in words a survivor understands (never "it would reveal hidden answers").
VOICE_REASONS = {
    "no_question": _("The survey asks nothing about this."),
    "fewer_answered": _("Fewer than %(min)s people answered this."),
    "withheld": _("Not shown: so few people gave some of the answers that someone could be recognised."),
}
ASSESSED_REASONS = {
    "fewer_assessed": _("Fewer than %(min)s people had two check-ups in this period."),
    "withheld": _("Not shown: so few people had some of the results that someone could be recognised."),
}


def reason_words(reasons, reason, min_cell):
    return str(reasons[reason]) % {"min": min_cell} if reason else ""


def _voice_answered(feedback, code):
    """How many answers (released) the domain's scale questions had, to tell "fewer answered" from
    "withheld by the audit"."""
    return sum(
        question["answered"] or 0
        for question in feedback["questions"]
        if question.get("domain") == code and question["type"] in NUMBER_CHOICES
    )


def released_domains(release, language=None):
    """[{code, name, voice_mean, voice_answers, voice_reason, assessed_n, assessed_latest_mean,
    assessed_first_mean, assessed_mean_change, assessed_reason, improved_pct, substantial_pct,
    restored_pct}] for every domain and the overall score: one stored release, with every withheld
    figure's reason in words."""
    report = released_program_report(release, language)
    feedback, outcomes = report["feedback"], report["outcomes"]
    rows = []
    for code in (*DOMAIN_CODES, OVERALL):
        assessed = outcomes["domains"][code]
        if code == OVERALL:
            voice = {"mean": None, "answers": None, "reason": None}
        else:
            voice = feedback["survivor_voice"].get(code) or {"mean": None, "answers": None, "reason": "no_question"}
        voice_reason = voice["reason"]
        if voice_reason == "fewer_answered" and _voice_answered(feedback, code) >= release.min_cell:
            voice_reason = "withheld"
        assessed_reason = assessed["withheld"]
        rows.append(
            {
                "code": code,
                "name": DOMAIN_NAMES.get(code, _("Overall")),
                "voice_mean": voice["mean"],
                "voice_answers": voice["answers"],
                "voice_reason": reason_words(VOICE_REASONS, voice_reason, release.min_cell),
                "assessed_n": assessed["n"],
                "assessed_first_mean": assessed["first_mean"],
                "assessed_latest_mean": assessed["latest_mean"],
                "assessed_mean_change": assessed["mean_change"],
                "assessed_reason": reason_words(ASSESSED_REASONS, assessed_reason, release.min_cell),
                "improved_pct": assessed.get("improved_pct"),
                "substantial_pct": assessed.get("substantial_pct"),
                "restored_pct": assessed.get("restored_pct"),
            }
        )
    return rows
