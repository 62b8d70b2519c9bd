from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from gsn_site.privacy import reason_text

register = template.Library()

PERCENT_KEYS = ("improved_measurable_pct", "improved_substantial_pct", "restored_pct")
CHANGE_KEYS = ("mean_change", "assessed_mean_change")
MEAN_KEYS = ("survivor_voice_mean", "first_mean", "latest_mean", "assessed_latest_mean")


@register.simple_tag
def released(value, reason, min_cell, key=""):
    """A released figure as shown to people, in their language's number format; for a hidden one,
    the short reason ("fewer than 5 people"), or "no data" where nobody is in the group."""
    if value is None:
        return reason_text(reason, min_cell) if reason else _("no data")
    if key in PERCENT_KEYS:
        return f"{number_format(value, 1, use_l10n=True)} %"
    if key in CHANGE_KEYS:
        return f"{'+' if value > 0 else ''}{number_format(value, 1, use_l10n=True)}"
    if key in MEAN_KEYS or isinstance(value, float):
        return number_format(value, 1, use_l10n=True)
    return number_format(value, use_l10n=True, force_grouping=True)


@register.simple_tag
def outcome_cell(row, key, min_cell):
    """A program report cell: its value, or why it is empty."""
    if key in ("survivor_voice_mean", "survivor_voice_n"):
        reason = row.get("voice_reason")
    elif key in PERCENT_KEYS:
        reason = row.get("reason") or (row.get("share_reasons") or {}).get(key)
    else:
        reason = row.get("reason")
    return released(row.get(key), reason, min_cell, key)
