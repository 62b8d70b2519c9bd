from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

PERCENT_KEYS = ("improved_measurable_pct", "improved_substantial_pct", "restored_pct")
CHANGE_KEYS = ("mean_change", "assessed_mean_change")
MEAN_KEYS = ("survivor_voice_mean", "first_mean", "latest_mean", "assessed_latest_mean")


@register.simple_tag
def released(value, reason, min_cell, key=""):
    """A released figure as shown to people, in their language's number format; for a withheld one,
    the reason in words (outcomes.release_tables.reason_words), or "no data"."""
    if value is None:
        return reason or _("no data")
    if key in PERCENT_KEYS:
        return f"{number_format(value, 1, use_l10n=True)} %"
    if key in CHANGE_KEYS:
        return f"{'+' if value > 0 else ''}{number_format(value, 1, use_l10n=True)}"
    if key in MEAN_KEYS or isinstance(value, float):
        return number_format(value, 1, use_l10n=True)
    return number_format(value, use_l10n=True, force_grouping=True)
