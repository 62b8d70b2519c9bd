import pytest

from gsn_site.privacy import is_small_cell, suppress_small_cells, suppressed_total


@pytest.mark.parametrize("count,small", [(0, False), (1, True), (4, True), (5, False), (50, False)])
def test_small_cells_are_one_to_four_people(count, small):
    assert is_small_cell(count, 5) is small


def test_a_single_small_cell_takes_the_next_smallest_with_it():
    counts = {"yes": 20, "unsure": 6, "no": 3}
    assert suppress_small_cells(counts, 5, total=29) == {"yes": 20, "unsure": None, "no": None}


def test_two_small_cells_protect_each_other():
    counts = {"yes": 20, "unsure": 2, "no": 3}
    assert suppress_small_cells(counts, 5, total=25) == {"yes": 20, "unsure": None, "no": None}


def test_a_zero_cell_is_also_hidden_when_it_would_reveal_the_other():
    counts = {"yes": 12, "unsure": 0, "no": 2}
    assert suppress_small_cells(counts, 5, total=14) == {"yes": 12, "unsure": None, "no": None}


def test_no_small_cells_nothing_hidden():
    counts = {"a": 5, "b": 0, "c": 9}
    assert suppress_small_cells(counts, 5, total=14) == counts


def test_a_small_total_hides_the_whole_row():
    assert suppress_small_cells({"a": 3, "b": 1}, 5, total=4) == {"a": None, "b": None}
    assert suppressed_total(4, 5) is None
    assert suppressed_total(5, 5) == 5
