"""The disclosure-control rules, one by one, with figures worked out by hand."""

import pytest

from gsn_site.privacy import (
    BESIDE_HIDDEN_ANSWERS,
    FEWER_THAN_MIN_CELL,
    GROUP_FEWER_THAN_MIN_CELL,
    PROTECTS_HIDDEN_CELL,
    DisclosureControl,
    reason_text,
)

CONTROL = DisclosureControl(min_cell=5)


@pytest.mark.parametrize("count,small", [(0, False), (1, True), (4, True), (5, False), (50, False)])
def test_small_cells_are_one_to_four_people(count, small):
    assert CONTROL.is_small(count) is small


@pytest.mark.parametrize("count,released", [(0, 0), (3, None), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (240, 240)])
def test_counts_are_hidden_when_small_and_otherwise_rounded_to_five(count, released):
    assert CONTROL.count(count) == released


def test_the_minimum_never_falls_below_the_platform_minimum(settings):
    settings.PRIVACY_MIN_CELL = 5
    assert DisclosureControl.with_minimum(3).min_cell == 5
    assert DisclosureControl.with_minimum(8).min_cell == 8


def test_a_single_small_cell_takes_the_smallest_non_zero_cell_with_it():
    row, total_hidden, suppressed = CONTROL.table({"en": 5, "es": 0, "sw": 1, "ar": 0}, "lang", total=6)
    assert row == {"en": None, "es": 0, "sw": None, "ar": 0}
    assert total_hidden is False
    assert suppressed == [
        {"cell": "lang.sw", "reason": FEWER_THAN_MIN_CELL},
        {"cell": "lang.en", "reason": PROTECTS_HIDDEN_CELL},
    ]


def test_the_choice_of_second_cell_does_not_depend_on_which_cell_is_small():
    # Whether the small cell is sw or ar, the same shown cells are hidden with it and zeros stay shown.
    first, _hidden, _entries = CONTROL.table({"en": 5, "sw": 1, "ar": 0, "es": 0}, "lang", total=6)
    second, _hidden, _entries = CONTROL.table({"en": 5, "sw": 0, "ar": 1, "es": 0}, "lang", total=6)
    assert [label for label, value in first.items() if value is None] == ["en", "sw"]
    assert [label for label, value in second.items() if value is None] == ["en", "ar"]
    assert first["es"] == second["es"] == 0


def test_second_cells_are_added_until_each_hidden_cell_spans_the_minimum():
    # Two small cells (1 + 1): 2 - 2 + 1 = 1 possible value each; with 6 more: 8 - 3 + 1 = 6.
    row, _hidden, suppressed = CONTROL.table({"yes": 20, "unsure": 1, "no": 1, "maybe": 6}, "q", total=28)
    assert row == {"yes": 20, "unsure": None, "no": None, "maybe": None}
    assert [entry["reason"] for entry in suppressed] == [FEWER_THAN_MIN_CELL, FEWER_THAN_MIN_CELL, PROTECTS_HIDDEN_CELL]


def test_when_nothing_else_can_be_hidden_the_total_is_hidden():
    row, total_hidden, suppressed = CONTROL.table({"a": 1, "b": 2, "c": 2, "d": 0}, "q", total=5)
    assert row == {"a": None, "b": None, "c": None, "d": 0}
    assert total_hidden is True
    assert suppressed[-1] == {"cell": "q.total", "reason": PROTECTS_HIDDEN_CELL}


def test_no_small_cells_nothing_hidden_and_counts_rounded():
    row, total_hidden, suppressed = CONTROL.table({"a": 6, "b": 0, "c": 9}, "q", total=15)
    assert (row, total_hidden, suppressed) == ({"a": 5, "b": 0, "c": 10}, False, [])


def test_a_small_total_hides_the_whole_row():
    row, _hidden, suppressed = CONTROL.table({"a": 3, "b": 1}, "q", total=4)
    assert row == {"a": None, "b": None}
    assert {entry["reason"] for entry in suppressed} == {GROUP_FEWER_THAN_MIN_CELL}


def test_means_need_the_minimum_and_no_hidden_answers_beside_them():
    assert CONTROL.mean(3.38, 6) == (3.4, None)
    assert CONTROL.mean(3.25, 4) == (None, GROUP_FEWER_THAN_MIN_CELL)
    assert CONTROL.mean(3.38, 6, beside_hidden_answers=True) == (None, BESIDE_HIDDEN_ANSWERS)
    assert CONTROL.mean(None, 0) == (None, None)


def test_a_percentage_is_hidden_when_the_people_it_counts_or_the_rest_are_few():
    assert CONTROL.percentage(1, 6) == (None, FEWER_THAN_MIN_CELL)
    assert CONTROL.percentage(5, 6) == (None, FEWER_THAN_MIN_CELL)
    assert CONTROL.percentage(6, 6) == (100.0, None)
    assert CONTROL.percentage(0, 6) == (0.0, None)
    assert CONTROL.percentage(5, 15) == (33.3, None)
    assert CONTROL.percentage(2, 3) == (None, GROUP_FEWER_THAN_MIN_CELL)


def test_each_reason_has_a_short_note():
    assert reason_text(FEWER_THAN_MIN_CELL, 5) == "fewer than 5 people"
    assert reason_text(None, 5) == ""
