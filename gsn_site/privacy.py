"""Small-cell suppression: the one rule for every aggregate shown to people (privacy rule 5).

A count of people below the minimum cell size is never shown. When one value in a row is hidden,
a second one is hidden too (complementary suppression), so that the hidden value cannot be worked
out by subtracting the shown values from a shown total.
"""

from django.conf import settings


def min_cell_size():
    return settings.PRIVACY_MIN_CELL


def is_small_cell(count, min_cell=None):
    """True for a count of 1 to min_cell - 1: too few people to show. Zero is not identifying."""
    min_cell = min_cell_size() if min_cell is None else min_cell
    return 0 < count < min_cell


def suppress_small_cells(counts, min_cell=None, total=None):
    """Return a copy of `counts` (a dict of label to number of people) with hidden cells set to None.

    `total` is the number of people the row adds up to when it is shown next to the row (it may
    be larger than the sum of the cells when people could skip the question). When the total
    itself is small, every cell is hidden.
    """
    min_cell = min_cell_size() if min_cell is None else min_cell
    if total is not None and is_small_cell(total, min_cell):
        return {label: None for label in counts}
    hidden = {label for label, count in counts.items() if is_small_cell(count, min_cell)}
    if len(hidden) == 1:
        # One hidden cell could be derived from the others and the total: hide the next smallest
        # cell too. Zero cells are included: "0" plus a total would also reveal the hidden value.
        candidates = sorted((count, label) for label, count in counts.items() if label not in hidden)
        if candidates:
            hidden.add(candidates[0][1])
    return {label: (None if label in hidden else count) for label, count in counts.items()}


def suppressed_total(total, min_cell=None):
    """A total of people, or None when it is itself a small cell."""
    return None if is_small_cell(total, min_cell) else total
