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


def domain_chart(rows, width=800, label_width=300, bar_height=14, bar_gap=3, group_gap=18, top=40, right=60):
    """Bars on the 1-4 scale for each row's survivor voice, first and latest means."""
    plot_width = width - label_width - right

    def x(value):
        return label_width + (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * plot_width

    groups, y = [], top
    group_height = len(SERIES) * (bar_height + bar_gap)
    for row in rows:
        bars = []
        for index, (key, label, colour) in enumerate(SERIES):
            value = row.get(key)
            bar_y = y + index * (bar_height + bar_gap)
            bars.append(
                {
                    "y": bar_y,
                    "text_y": bar_y + bar_height - 3,
                    "x": label_width,
                    "width": round(x(value) - label_width, 1) if value is not None else 0,
                    "height": bar_height,
                    "colour": colour,
                    "series": label,
                    "value": value,
                    "value_text": number_format(value, 1) if value is not None else "–",
                    "text_x": round(x(value) + 6, 1) if value is not None else label_width + 6,
                }
            )
        groups.append({"name": row["name"], "label_y": y + group_height / 2 + 4, "bars": bars})
        y += group_height + group_gap
    height = y + 10
    ticks = [{"x": round(x(value), 1), "label": value} for value in range(SCALE_MIN, SCALE_MAX + 1)]
    legend = [
        {"x": label_width + index * 170, "text_x": label_width + index * 170 + 18, "colour": colour, "label": label}
        for index, (_key, label, colour) in enumerate(SERIES)
    ]
    return {
        "width": width,
        "height": height,
        "label_x": label_width - 8,
        "plot_top": top - 6,
        "plot_bottom": height - 10,
        "ticks": ticks,
        "groups": groups,
        "legend": legend,
        "legend_y": 12,
    }


IMPACT_SERIES = [
    ("voice_mean", _("What survivors say"), "#8a4b00"),
    ("assessed_latest_mean", _("Latest assessment"), "#17456b"),
]


def impact_chart(domains, width=320, bar_height=14, bar_gap=4, label_height=18, group_gap=14, right=40):
    """Bars on the 1-4 scale for a phone screen: each domain's name on its own line, bars below it."""
    plot_width = width - right

    def bar_width(value):
        return round((value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * plot_width, 1)

    groups, y = [], 28
    for domain in domains:
        bars = []
        for index, (key, _label, colour) in enumerate(IMPACT_SERIES):
            value = domain.get(key)
            bar_y = y + label_height + index * (bar_height + bar_gap)
            width_value = bar_width(value) if value is not None else 0
            bars.append(
                {
                    "y": bar_y,
                    "text_y": bar_y + bar_height - 3,
                    "width": width_value,
                    "height": bar_height,
                    "colour": colour,
                    "value": value,
                    "value_text": number_format(value, 1) if value is not None else "–",
                    "text_x": width_value + 4,
                }
            )
        groups.append({"name": domain["name"], "label_y": y + 13, "bars": bars})
        y += label_height + len(IMPACT_SERIES) * (bar_height + bar_gap) + group_gap
    legend = [
        {"x": index * 150, "text_x": index * 150 + 16, "colour": colour, "label": label}
        for index, (_key, label, colour) in enumerate(IMPACT_SERIES)
    ]
    return {"width": width, "height": y, "groups": groups, "legend": legend}
