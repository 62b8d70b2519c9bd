"""Geometry of the program report chart, drawn as SVG by a template (readable without JavaScript)."""

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

SCALE_MIN, SCALE_MAX = 1, 4
# Colours with at least 3:1 contrast against white, told apart by pattern of position as well.
SERIES = [
    ("voice_mean", _("Survivor voice"), "#8a4b00"),
    ("assessed_first_mean", _("First assessment"), "#5f6670"),
    ("assessed_latest_mean", _("Latest assessment"), "#17456b"),
]


# The legend is one entry a line: a label's length differs by language (Swahili's are twice the
# English), so entries side by side would run into the next swatch.
LEGEND_LINE = 18


class _Mirror:
    """Positions along the x axis, measured from the left, or mirrored for a right-to-left language:
    bars then grow leftwards from the right edge and each text is anchored at its other end."""

    def __init__(self, width, rtl):
        self.width, self.rtl = width, rtl

    def box(self, x, width):
        return round(self.width - x - width, 1) if self.rtl else x

    def point(self, x):
        return round(self.width - x, 1) if self.rtl else x

    def anchor(self, anchor="start"):
        if not self.rtl or anchor == "middle":
            return anchor
        return "end" if anchor == "start" else "start"


def _legend(series, mirror, x0, y0):
    return [
        {
            "x": mirror.box(x0, 12),
            "y": y0 + index * LEGEND_LINE,
            "text_x": mirror.point(x0 + 18),
            "text_y": y0 + index * LEGEND_LINE + 11,
            "anchor": mirror.anchor(),
            "colour": colour,
            "label": label,
        }
        for index, (_key, label, colour) in enumerate(series)
    ]


def domain_chart(rows, width=800, label_width=300, bar_height=14, bar_gap=3, group_gap=18, right=60, rtl=False):
    """Bars on the 1-4 scale for each row's survivor voice, first and latest means (mirrored for a
    right-to-left language)."""
    plot_width = width - label_width - right
    mirror = _Mirror(width, rtl)
    legend = _legend(SERIES, mirror, label_width, 4)
    top = 4 + len(SERIES) * LEGEND_LINE + 18

    def x(value):
        return label_width + (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * plot_width

    groups, y = [], top
    group_height = len(SERIES) * (bar_height + bar_gap)
    for row in rows:
        bars = []
        for index, (key, label, colour) in enumerate(SERIES):
            value = row.get(key)
            bar_y = y + index * (bar_height + bar_gap)
            bar_width = round(x(value) - label_width, 1) if value is not None else 0
            bars.append(
                {
                    "y": bar_y,
                    "text_y": bar_y + bar_height - 3,
                    "x": mirror.box(label_width, bar_width),
                    "width": bar_width,
                    "height": bar_height,
                    "colour": colour,
                    "series": label,
                    "value": value,
                    "value_text": number_format(value, 1) if value is not None else "–",
                    "text_x": mirror.point(round(x(value) + 6, 1) if value is not None else label_width + 6),
                }
            )
        groups.append({"name": row["name"], "label_y": y + group_height / 2 + 4, "bars": bars})
        y += group_height + group_gap
    height = y + 10
    ticks = [{"x": mirror.point(round(x(value), 1)), "label": value} for value in range(SCALE_MIN, SCALE_MAX + 1)]
    return {
        "width": width,
        "height": height,
        "label_x": mirror.point(label_width - 8),
        "label_anchor": mirror.anchor("end"),
        "anchor": mirror.anchor(),
        "plot_top": top - 6,
        "plot_bottom": height - 10,
        "ticks": ticks,
        "groups": groups,
        "legend": legend,
    }


IMPACT_SERIES = [
    ("voice_mean", _("What survivors say"), "#8a4b00"),
    ("assessed_latest_mean", _("Latest assessment"), "#17456b"),
]


def impact_chart(domains, width=320, bar_height=14, bar_gap=4, label_height=18, group_gap=14, right=40, rtl=False):
    """Bars on the 1-4 scale for a phone screen: each domain's name on its own line, bars below it
    (mirrored for a right-to-left language)."""
    plot_width = width - right
    mirror = _Mirror(width, rtl)
    legend = _legend(IMPACT_SERIES, mirror, 0, 4)

    def bar_width(value):
        return round((value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * plot_width, 1)

    groups, y = [], 4 + len(IMPACT_SERIES) * LEGEND_LINE + 6
    for domain in domains:
        bars = []
        for index, (key, _label, colour) in enumerate(IMPACT_SERIES):
            value = domain.get(key)
            bar_y = y + label_height + index * (bar_height + bar_gap)
            width_value = bar_width(value) if value is not None else 0
            bars.append(
                {
                    "x": mirror.box(0, width_value),
                    "y": bar_y,
                    "text_y": bar_y + bar_height - 3,
                    "width": width_value,
                    "height": bar_height,
                    "colour": colour,
                    "value": value,
                    "value_text": number_format(value, 1) if value is not None else "–",
                    "text_x": mirror.point(width_value + 4),
                }
            )
        groups.append({"name": domain["name"], "label_y": y + 13, "bars": bars})
        y += label_height + len(IMPACT_SERIES) * (bar_height + bar_gap) + group_gap
    return {
        "width": width,
        "height": y,
        "groups": groups,
        "legend": legend,
        "label_x": mirror.point(0),
        "anchor": mirror.anchor(),
    }
