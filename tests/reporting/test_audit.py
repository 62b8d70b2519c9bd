"""The audit's verdict on one small count, where the exact range is known by hand.

One unit holds two finest cells: `a`, a true count of 1 (the count an attacker wants), and `b`,
a true count of 10. Two figures are released: the total and `b`; the "facts" (what an attacker
learns from how figures are shown) pin them, so `a` lies exactly in total - b. The audit must
fail a range of one or two values, with its exact ends, and pass a range of three. Two more cases
came from an outside review: a true count the figures rule out, and a range the solver cut short.
"""

from dataclasses import dataclass

import pytest

from reporting import sources
from reporting.audit import audit_source

MINIMUM = 5
UNIT = ("month", "2026-01-01", 1)


@dataclass
class Unit:
    counts: dict
    meta: dict


class TwoCells(sources.Source):
    """A source whose units hold the given sums (what anyone knows holds inside a unit)."""

    name = "two-cells"

    def __init__(self, rows=()):
        self.rows = list(rows)

    def structure(self, meta):
        return self.rows


@pytest.fixture(autouse=True)
def two_cells(monkeypatch):
    monkeypatch.setitem(sources._SOURCES, TwoCells.name, TwoCells())


def audit(total, b):
    """The audit of a release whose total lies in `total` and whose `b` lies in `b` ((low, high) each)."""
    entry = {
        "units": [list(UNIT)],
        "cells": {"total": [11, ["a", "b"]], "b": [10, ["b"]]},
        "facts": [["total", *total], ["b", *b]],
    }
    frozen = {UNIT: Unit(counts={"a": [1, 0], "b": [10, 0]}, meta={})}
    return audit_source(None, TwoCells.name, [{TwoCells.name: entry}], frozen, MINIMUM, timeout=30)


@pytest.mark.parametrize(
    ("total", "b", "narrowed"),
    [
        ((11, 11), (10, 10), [("month:2026-01-01:v1", "a", 1, 1)]),
        ((11, 11), (9, 10), [("month:2026-01-01:v1", "a", 1, 2)]),
        ((10, 11), (10, 10), [("month:2026-01-01:v1", "a", 0, 1)]),
        ((11, 11), (8, 10), []),
        ((10, 12), (10, 10), []),
    ],
)
def test_a_small_count_narrowed_to_one_or_two_values_fails_the_audit_and_three_pass(total, b, narrowed):
    result = audit(total, b)
    assert result.checked == 1
    assert result.narrowed == narrowed
    assert result.passed is (narrowed == [])
    assert result.timed_out is False


def test_true_counts_the_attacker_rules_out_are_no_witness(monkeypatch):
    """Answers deleted between two versions (free text redacted) leave a later count below the first,
    which the audit's attacker takes to be impossible: that true count must not be counted as one of
    the values a count can take. Here the figures leave only 4 for the second version's `a`."""
    first, second = ("month", "2024-01-01", 1), ("month", "2024-01-01", 2)
    frozen = {
        first: Unit(counts={"a": [6, 0], "b": [9, 0], "total": [15, 0]}, meta={}),
        second: Unit(counts={"a": [2, 0], "b": [9, 0], "total": [11, 0]}, meta={}),
    }
    releases = [
        {TwoCells.name: {"units": [list(first)], "cells": {"total": [15, ["total"]], "b": [7, ["b"]]}, "facts": []}},
        {TwoCells.name: {"units": [list(second)], "cells": {"a": [0, ["a"]]}, "facts": []}},
    ]
    monkeypatch.setitem(sources._SOURCES, TwoCells.name, TwoCells([({"a": 1, "b": 1, "total": -1}, 0, 0)]))
    result = audit_source(None, TwoCells.name, releases, frozen, MINIMUM, timeout=30)
    assert result.narrowed == [("month:2024-01-01:v2", "a", 4, 4)]
    assert result.passed is False


def test_an_exact_range_is_not_cut_short_by_the_solver(monkeypatch):
    """Two months of three answers and their total, in two versions each: HiGHS with its presolve
    called a point short of the optimum optimal here, and three counts looked narrowed to two values
    (0-1, 0-1, 4-5) that really range over 0-3, 0-4 and 1-5."""
    months = [("month", "2024-01-01", version) for version in (1, 2)] + [
        ("month", "2024-02-01", version) for version in (1, 2)
    ]
    counts = [(1, 3, 6), (1, 5, 6), (1, 4, 0), (3, 4, 0)]
    frozen = {
        unit: Unit(counts={"c0": [c0, 0], "c1": [c1, 0], "c2": [c2, 0], "total": [c0 + c1 + c2, 0]}, meta={})
        for unit, (c0, c1, c2) in zip(months, counts, strict=True)
    }
    jan1, jan2, feb1, feb2 = (list(unit) for unit in months)
    releases = [
        {"units": [jan1], "cells": {"c0": [0, ["c0"]], "c1+c2": [8, ["c1", "c2"]], "c0+c1": [0, ["c0", "c1"]]}},
        {
            "units": [jan2],
            "cells": {"total": [14, ["total"]], "c0+c1+c2": [13, ["c0", "c1", "c2"]], "c0": [0, ["c0"]]},
            "facts": [["total", 11, None]],
        },
        {
            "units": [feb1],
            "cells": {"c0+c1+c2": [6, ["c0", "c1", "c2"]], "c1+c2": [5, ["c1", "c2"]]},
            "facts": [["c0+c1+c2", None, 5]],
        },
        {"units": [feb2], "cells": {"total": [8, ["total"]], "c0+c1+c2": [6, ["c0", "c1", "c2"]]}},
        {
            "units": [jan1, feb1],
            "cells": {"c0+c1+c2": [13, ["c0", "c1", "c2"]], "c0+c2": [6, ["c0", "c2"]], "total": [15, ["total"]]},
            "facts": [["c0+c2", 7, None]],
        },
    ]
    monkeypatch.setitem(sources._SOURCES, TwoCells.name, TwoCells([({"c0": 1, "c1": 1, "c2": 1, "total": -1}, 0, 0)]))
    result = audit_source(None, TwoCells.name, [{TwoCells.name: entry} for entry in releases], frozen, MINIMUM, 30)
    assert result.narrowed == []
    assert result.passed is True
