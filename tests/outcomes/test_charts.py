"""The charts read the way their language reads: in Arabic the bars grow from the right edge and
every text is anchored at its right end; the legend has one entry a line, so a long label (Swahili's)
never runs into the next swatch."""

from outcomes.charts import domain_chart, impact_chart

DOMAINS = [
    {"name": "Safety", "voice_mean": 3.0, "assessed_latest_mean": 2.5},
    {"name": "Legal protection", "voice_mean": 4.0, "assessed_latest_mean": None},
]
ROWS = [{"name": "Safety", "voice_mean": 3.0, "assessed_first_mean": 1.0, "assessed_latest_mean": 4.0}]


def test_the_impact_chart_grows_from_the_left_in_english():
    chart = impact_chart(DOMAINS)
    bars = [bar for group in chart["groups"] for bar in group["bars"] if bar["value"] is not None]
    assert [bar["x"] for bar in bars] == [0, 0, 0]
    assert [bar["width"] for bar in bars] == [186.7, 140.0, 280.0]
    assert (chart["label_x"], chart["anchor"]) == (0, "start")
    assert [(item["x"], item["text_x"], item["anchor"]) for item in chart["legend"]] == [
        (0, 18, "start"),
        (0, 18, "start"),
    ]


def test_the_impact_chart_is_mirrored_in_arabic():
    chart = impact_chart(DOMAINS, rtl=True)
    bars = [bar for group in chart["groups"] for bar in group["bars"] if bar["value"] is not None]
    assert [round(bar["x"] + bar["width"], 1) for bar in bars] == [320, 320, 320]
    assert [bar["text_x"] for bar in bars] == [129.3, 176.0, 36.0]
    assert (chart["label_x"], chart["anchor"]) == (320, "end")
    assert [(item["x"], item["text_x"], item["anchor"]) for item in chart["legend"]] == [
        (308, 302, "end"),
        (308, 302, "end"),
    ]


def test_each_legend_entry_has_its_own_line_above_the_bars():
    for chart in (impact_chart(DOMAINS), domain_chart(ROWS)):
        lines = [item["y"] for item in chart["legend"]]
        assert lines == sorted(set(lines))
        assert all(later - earlier >= 16 for earlier, later in zip(lines, lines[1:], strict=False))
        first_bar = min(bar["y"] for group in chart["groups"] for bar in group["bars"])
        assert first_bar > lines[-1] + 12


def test_the_program_report_chart_is_mirrored_in_arabic():
    chart = domain_chart(ROWS, rtl=True)
    bars = chart["groups"][0]["bars"]
    # The scale starts at the right edge of the plot (the labels' column is on the right).
    assert [round(bar["x"] + bar["width"], 1) for bar in bars] == [500, 500, 500]
    assert [tick["x"] for tick in chart["ticks"]] == [500, 353.3, 206.7, 60]
    assert (chart["label_x"], chart["label_anchor"], chart["anchor"]) == (508, "start", "end")
