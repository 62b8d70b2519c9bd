"""The audit's verdict on one small count, where the exact range is known by hand.

One unit holds two finest cells: `a`, a true count of 1 (the count an attacker wants), and `b`,
a true count of 10. Two figures are released: the total and `b`; the "facts" (what an attacker
learns from how figures are shown) pin them, so `a` lies exactly in total - b. The audit must
fail a range of one or two values, with its exact ends, and pass a range of three.
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
    name = "two-cells"

    def structure(self, meta):
        return []


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
