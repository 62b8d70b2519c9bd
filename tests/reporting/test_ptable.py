"""The published perturbation table keeps the promises its docstring makes."""

import pytest

from reporting.ptable import KEY_RANGE, MAX_NOISE, perturb, perturbation_table, possible_true_counts


@pytest.mark.parametrize("minimum", [3, 5, 10])
def test_no_released_figure_is_ever_one_to_n_minus_one(minimum):
    for count in range(0, 30):
        for key in range(KEY_RANGE):
            assert not 0 < perturb(count, key, minimum) < minimum


@pytest.mark.parametrize("minimum", [3, 5, 10])
def test_small_counts_are_released_as_zero_or_n_and_larger_counts_within_the_noise(minimum):
    for key in range(KEY_RANGE):
        assert perturb(0, key, minimum) == 0
        for count in range(1, minimum):
            assert perturb(count, key, minimum) in (0, minimum)
        for count in range(minimum, 40):
            released = perturb(count, key, minimum)
            assert abs(released - count) <= MAX_NOISE
            assert released >= minimum


def test_the_same_cell_always_gets_the_same_value():
    assert [perturb(17, key, 5) for key in range(KEY_RANGE)] == [perturb(17, key, 5) for key in range(KEY_RANGE)]
    # Rows from N + D up are one row: the noise depends on the cell key only.
    table = perturbation_table(5)
    assert max(table) == 5 + MAX_NOISE
    assert perturb(100, 42, 5) - 100 == perturb(1000, 42, 5) - 1000 == table[7][42]


def test_a_small_count_is_released_as_n_in_proportion_to_its_size():
    # On average the released value is the true count: a count of 2 shows as 5 for 2/5 of the keys.
    assert sum(perturb(2, key, 5) == 5 for key in range(KEY_RANGE)) == round(KEY_RANGE * 2 / 5)


def test_what_a_released_figure_says_is_an_interval_of_true_counts():
    minimum = 5
    assert possible_true_counts(0, minimum) == (0, 4)
    assert possible_true_counts(5, minimum) == (1, 7)
    assert possible_true_counts(6, minimum) == (5, 8)
    assert possible_true_counts(20, minimum) == (18, 22)
    for released in [0, *range(minimum, 25)]:
        low, high = possible_true_counts(released, minimum)
        producing = {
            count
            for count in range(0, high + 10)
            for key in range(KEY_RANGE)
            if perturb(count, key, minimum) == released
        }
        assert producing == set(range(low, high + 1))
