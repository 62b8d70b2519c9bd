"""Rounding shared by every released figure (privacy rule 5).

What is released, and how it is protected, is the business of the `reporting` app: cell key
perturbation, the integer-program audit and frozen releases (docs/release-method.md).
"""

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value, places):
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))
