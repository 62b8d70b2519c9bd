"""The program report: what survivors say beside what the assessments measured, domain by domain."""

from django.utils.translation import gettext_lazy as _

from gsn_site.privacy import is_small_cell

from .models import DOMAIN_CODES, DOMAIN_NAMES
from .scoring import ScoringRules, aso_summary, round_half_up


def _feedback_reports():
    """The feedback app's reports module, imported when needed (it is built beside this app)."""
    try:
        from feedback import reports
    except ImportError:
        return None
    return reports


def feedback_summary(program, date_from=None, date_to=None):
    reports = _feedback_reports()
    if reports is None or not hasattr(reports, "feedback_summary"):
        return None
    return reports.feedback_summary(program, date_from=date_from, date_to=date_to)


def survivor_voice(program, date_from=None, date_to=None):
    """{domain code: {"mean", "n"}}: answers to questions mapped to a domain, on the 1-4 scale.

    The feedback app converts the answers (feedback.reports.survivor_voice_summary); n is the
    number of people who answered in the domain.
    """
    reports = _feedback_reports()
    function = getattr(reports, "survivor_voice_summary", None) if reports else None
    if function is None:
        return {}
    summary = function(program, date_from=date_from, date_to=date_to) or {}
    return {code: {"mean": values.get("mean"), "n": values.get("respondents")} for code, values in summary.items()}


def _voice_cell(voice, min_cell):
    mean, n = voice.get("mean"), voice.get("n") or 0
    if mean is None or n == 0 or is_small_cell(n, min_cell):
        return None, None
    return round_half_up(mean, 2), n


def _domains_beside(outcomes, voices, min_cell):
    domains = {}
    for code in DOMAIN_CODES:
        voice_mean, voice_n = _voice_cell(voices.get(code) or {}, min_cell)
        assessed = outcomes["domains"][code]
        domains[code] = {
            "survivor_voice_mean": voice_mean,
            "survivor_voice_n": voice_n,
            "assessed_latest_mean": assessed["latest_mean"],
            "assessed_mean_change": assessed["mean_change"],
        }
    return domains


def program_report(program, date_from=None, date_to=None, rules=None):
    """The report in the shape `program_report --format json` prints."""
    rules = rules or ScoringRules.from_settings()
    outcomes = aso_summary(program, date_from, date_to, rules=rules)
    voices = survivor_voice(program, date_from, date_to)
    return {
        "program": program.code,
        "period": outcomes["period"],
        "feedback": feedback_summary(program, date_from, date_to),
        "outcomes": outcomes,
        "domains": _domains_beside(outcomes, voices, rules.min_cell),
    }


def public_impact(program, rules):
    """What the public Impact page may show of a program: survivors and the per-domain aggregates."""
    outcomes = aso_summary(program, rules=rules)
    domains = _domains_beside(outcomes, survivor_voice(program), rules.min_cell)
    return {
        "program": program,
        "survivors": outcomes["survivors"],
        "too_few_survivors": "survivors" in outcomes["suppressed"],
        "domains": [{"code": code, "name": DOMAIN_NAMES[code], **values} for code, values in domains.items()],
    }


def report_rows(report):
    """One row per domain and one for the overall score, for the admin table, the chart and exports."""
    rows = []
    outcomes = report["outcomes"]
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
                "suppressed": code in outcomes["suppressed"],
            }
        )
    rows.append(
        {
            "code": "overall",
            "name": _("Overall"),
            "survivor_voice_mean": None,
            "survivor_voice_n": None,
            **outcomes["overall"],
            "suppressed": "overall" in outcomes["suppressed"],
        }
    )
    return rows


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
