from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

PERCENT_KEYS = ("improved_measurable_pct", "improved_substantial_pct", "restored_pct")


@register.simple_tag
def outcome_cell(row, key, min_cell, suppressed=None):
    """A report value as shown to people: a number, "fewer than N" when hidden, or "no data"."""
    value = row.get(key)
    suppressed = row.get("suppressed") if suppressed is None else suppressed
    if value is None:
        if suppressed:
            return _("fewer than %(min)s") % {"min": min_cell}
        return _("no data")
    if key in PERCENT_KEYS:
        return f"{number_format(value, 1)} %"
    if key == "mean_change" or key == "assessed_mean_change":
        return f"{'+' if value > 0 else ''}{number_format(value, 2)}"
    if isinstance(value, float):
        return number_format(value, 2)
    return number_format(value)
