"""The program report: what survivors say beside what the assessments measured, domain by domain."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from feedback.reports import feedback_summary, survivor_voice_summary
from gsn_site.privacy import NO_DATA, suppression
from programs.outcome_domains import DOMAIN_CODES, DOMAIN_NAMES

from .scoring import ScoringRules, aso_summary


def survivor_voice(program, period, control, summary=None):
    """{domain code: {"mean", "n", "reason"}}: answers to questions mapped to a domain, on the 1-4 scale.

    The feedback app converts the answers and applies disclosure control
    (feedback.reports.survivor_voice_summary); n is the number of people who answered in the domain.
    """
    voices = survivor_voice_summary(program, period, control, summary=summary)
    return {
        code: {"mean": values.get("mean"), "n": values.get("respondents"), "reason": values.get("reason")}
        for code, values in voices.items()
    }


def _domains_beside(outcomes, voices):
    domains = {}
    for code in DOMAIN_CODES:
        voice = voices.get(code) or {}
        assessed = outcomes["domains"][code]
        domains[code] = {
            "survivor_voice_mean": voice.get("mean"),
            "survivor_voice_n": voice.get("n") if voice.get("mean") is not None else None,
            "assessed_latest_mean": assessed["latest_mean"],
            "assessed_mean_change": assessed["mean_change"],
        }
    return domains


def _reasons(outcomes, voices):
    """{code: reason} for each hidden block, and {code: reason} for each hidden survivor voice."""
    blocks = {entry["cell"]: entry["reason"] for entry in outcomes["suppressed"]}
    voice = {
        code: (voices.get(code) or {}).get("reason") or (None if code in voices else NO_DATA) for code in DOMAIN_CODES
    }
    return blocks, voice


def program_report(program, period, rules=None):
    """The report in the shape `program_report --format json` prints."""
    rules = rules or ScoringRules.from_settings()
    control = rules.disclosure
    outcomes = aso_summary(program, period, rules=rules)
    feedback = feedback_summary(program, period, control)
    voices = survivor_voice(program, period, control, summary=feedback)
    block_reasons, voice_reasons = _reasons(outcomes, voices)
    suppressed = [
        suppression(f"domains.{code}.survivor_voice_mean", reason) for code, reason in voice_reasons.items() if reason
    ]
    return {
        "program": program.code,
        "period": outcomes["period"],
        "feedback": feedback,
        "outcomes": outcomes,
        "domains": _domains_beside(outcomes, voices),
        "suppressed": suppressed,
    }


def program_names(program):
    """The program's name in every language, for a snapshot that outlives later renames."""
    return {code: getattr(program, f"name_{code}", None) or program.name for code, _name in settings.LANGUAGES}


def impact_figures(programs, period, rules):
    """What the public Impact page shows of a closed period: JSON stored in an ImpactSnapshot."""
    control = rules.disclosure
    figures = {"period": period.as_json(), "min_cell": control.min_cell, "programs": []}
    for program in programs:
        outcomes = aso_summary(program, period, rules=rules)
        voices = survivor_voice(program, period, control)
        block_reasons, voice_reasons = _reasons(outcomes, voices)
        domains = _domains_beside(outcomes, voices)
        figures["programs"].append(
            {
                "code": program.code,
                "name": program_names(program),
                "survivors": outcomes["survivors"],
                "survivors_reason": block_reasons.get("survivors"),
                "domains": [
                    {
                        "code": code,
                        **values,
                        "assessed_n": outcomes["domains"][code]["n"],
                        "assessed_reason": block_reasons.get("survivors") or block_reasons.get(code),
                        "voice_reason": voice_reasons[code],
                    }
                    for code, values in domains.items()
                ],
            }
        )
    return figures


def report_rows(report):
    """One row per domain and one for the overall score, for the admin table, the chart and exports.

    `reason` says why a row's assessed figures are empty, `voice_reason` why its survivor voice is.
    """
    rows = []
    outcomes = report["outcomes"]
    reasons = {entry["cell"]: entry["reason"] for entry in outcomes["suppressed"]}
    voice_reasons = {entry["cell"].split(".")[1]: entry["reason"] for entry in report.get("suppressed", [])}
    for code in DOMAIN_CODES:
        assessed = outcomes["domains"][code]
        rows.append(
            {
                "code": code,
                "name": DOMAIN_NAMES[code],
                "survivor_voice_mean": report["domains"][code]["survivor_voice_mean"],
                "survivor_voice_n": report["domains"][code]["survivor_voice_n"],
                **assessed,
                "restored_pct": None,
                "suppressed": code in reasons,
                "reason": reasons.get("survivors") or reasons.get(code),
                "voice_reason": voice_reasons.get(code),
                "share_reasons": {key: reasons.get(f"{code}.{key}") for key in SHARE_KEYS},
            }
        )
    rows.append(
        {
            "code": "overall",
            "name": _("Overall"),
            "survivor_voice_mean": None,
            "survivor_voice_n": None,
            **outcomes["overall"],
            "suppressed": "overall" in reasons,
            "reason": reasons.get("survivors") or reasons.get("overall"),
            "voice_reason": None,
            "share_reasons": {key: reasons.get(f"overall.{key}") for key in (*SHARE_KEYS, "restored_pct")},
        }
    )
    return rows


SHARE_KEYS = ("improved_measurable_pct", "improved_substantial_pct")

EXPORT_COLUMNS = [
    ("name", _("Domain")),
    ("survivor_voice_mean", _("Survivor voice mean (1-4)")),
    ("survivor_voice_n", _("Survivor voice n")),
    ("n", _("Assessed n (paired)")),
    ("first_mean", _("First assessment mean")),
    ("latest_mean", _("Latest assessment mean")),
    ("mean_change", _("Mean change")),
    ("improved_measurable_pct", _("Improved measurably (%)")),
    ("improved_substantial_pct", _("Improved substantially (%)")),
    ("restored_pct", _("Restored (%)")),
]
