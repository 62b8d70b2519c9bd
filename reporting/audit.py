"""The automatic attacker: an integer program over every table released for a program.

Before a release is stored, and in the tests, `audit_program` plays an attacker who holds every
figure released for the program, in every period and version, the published perturbation table
(reporting.ptable) and the definition of every cell, and who wants one person's answer:

- **Variables**: the true count of every finest cell of every frozen unit (a month of feedback, a
  period of assessments), in every frozen version.
- **What each released figure says**: the true counts the perturbation table can release as that
  figure, whatever the cell key (a released 0 means 0 to N-1, a released N means 1 to N+D, a
  released r > N means max(N, r-D) to r+D). That set is an interval (tests check it), so the
  bounds are exact, not a hull.
- **Sums**: a released cell is the sum of its finest cells over the months of its period (months
  to quarters to the year), collapsed answers are sums of answers, languages and channels add up
  to the responses, answers to a single-answer question add up to the number who answered, nobody
  answers more than once, and a correction's counts are at least the first version's (late
  entries only add). Shown zeros are exact (they are a released 0). Means and shares are computed
  from released counts, so they add no constraint; a mean of assessed scores is shown only for at
  least N survivors, which is added as a fact.
- **The attack**: for every true count from 1 to N-1, and every late addition of 1 to N-1 people
  between two versions, whether it can take three values or more: seen two apart in feasible
  solutions (the true counts among them when the program admits them), or else its exact largest
  and then smallest value. If it is narrowed to one or two values the audit fails, and the release is coarsened (reporting.releases) until it
  passes. A solver that runs out of time (`RELEASE_AUDIT_TIMEOUT_SECONDS`) counts as a failure.

The solver is HiGHS through scipy's `milp`.
"""

import itertools
import time
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from .ptable import possible_true_counts
from .sources import source as source_named

# A count nobody can exceed: the solver needs finite bounds.
UPPER = 10**6
# Random directions tried before the exact solves (each finds values for every target at once).
WITNESS_ROUNDS = 12


@dataclass
class AuditResult:
    checked: int = 0
    narrowed: list = field(default_factory=list)
    timed_out: bool = False
    seconds: float = 0.0
    solves: int = 0

    @property
    def passed(self):
        return not self.narrowed and not self.timed_out

    def as_json(self):
        return {
            "passed": self.passed,
            "checked": self.checked,
            "narrowed": [list(item) for item in self.narrowed],
            "timed_out": self.timed_out,
            "seconds": round(self.seconds, 2),
            "solves": self.solves,
        }


class _Program:
    """The attacker's integer program: variables by (unit, cell), rows of coefficients and bounds."""

    def __init__(self):
        self.index = {}
        self.rows = []

    def var(self, unit, cell):
        return self.index.setdefault((unit, cell), len(self.index))

    def add(self, coefficients, low, high):
        row = {}
        for variable, coefficient in coefficients:
            row[variable] = row.get(variable, 0) + coefficient
        self.rows.append((row, -np.inf if low is None else low, np.inf if high is None else high))

    def compile(self):
        count = len(self.index)
        matrix = lil_matrix((len(self.rows), count))
        lows, highs = [], []
        for number, (row, low, high) in enumerate(self.rows):
            for variable, coefficient in row.items():
                matrix[number, variable] = coefficient
            lows.append(low)
            highs.append(high)
        self.constraints = LinearConstraint(matrix.tocsr(), lows, highs)
        self.bounds = Bounds(np.zeros(count), np.full(count, UPPER))
        self.integrality = np.ones(count)

    def solve_extreme(self, target, sign, deadline, result):
        """The smallest (sign 1) or largest (sign -1) value of a linear expression {variable:
        coefficient}, or None on timeout."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        objective = np.zeros(len(self.index))
        for variable, coefficient in target.items():
            objective[variable] = coefficient
        solution = milp(
            sign * objective,
            integrality=self.integrality,
            bounds=self.bounds,
            constraints=self.constraints,
            # HiGHS's presolve was seen to call a point short of the optimum optimal, which would
            # make a range look narrower than it is; without it the exact solves are exact.
            options={"time_limit": remaining, "disp": False, "presolve": False},
        )
        result.solves += 1
        if solution.status != 0:
            return None
        return round(sign * solution.fun)


def _value(target, solution):
    return round(sum(coefficient * solution[variable] for variable, coefficient in target.items()))


def _feasible(problem, solution):
    """Whether `solution` keeps every bound and constraint of the attacker's program."""
    values = problem.constraints.A @ solution
    return bool(
        np.all(solution >= 0)
        and np.all(solution <= UPPER)
        and np.all(values >= problem.constraints.lb - 1e-9)
        and np.all(values <= problem.constraints.ub + 1e-9)
    )


def _wide(span):
    return span is not None and span[1] - span[0] >= 2


def _witnessed_spans(problem, targets, truth, deadline, result, rounds=WITNESS_ROUNDS):
    """The smallest and largest value each target takes in a few feasible solutions (the truth, and
    solutions pushing random targets up and down), as [low, high] pairs, None before any: a target
    already seen at two values at least 2 apart cannot be narrowed to one or two values, and needs
    no exact solve."""
    count = len(problem.index)
    solution = np.zeros(count)
    for variable, value in truth.items():
        solution[variable] = value
    # The true counts are a witness only if the program admits them: where the records broke what
    # the attacker assumes (a count that fell between versions), they prove nothing.
    if _feasible(problem, solution):
        spans = [[_value(target, solution)] * 2 for target, _key in targets]
    else:
        spans = [None] * len(targets)
    rng = np.random.default_rng(0)
    for _round in range(rounds):
        # Only the targets not yet shown wide enough steer the next direction; once none is left,
        # further rounds would find nothing the audit needs.
        open_targets = [target for (target, _key), span in zip(targets, spans, strict=True) if not _wide(span)]
        if not open_targets or time.monotonic() >= deadline:
            break
        objective = np.zeros(count)
        for target in open_targets:
            sign = rng.choice((-1.0, 1.0))
            for variable, coefficient in target.items():
                objective[variable] += sign * coefficient
        found = milp(
            objective,
            integrality=problem.integrality,
            bounds=problem.bounds,
            constraints=problem.constraints,
            options={"time_limit": max(deadline - time.monotonic(), 0.01), "disp": False},
        )
        result.solves += 1
        if found.status != 0:
            break
        for number, (target, _key) in enumerate(targets):
            value = _value(target, found.x)
            span = spans[number] or [value, value]
            spans[number] = [min(span[0], value), max(span[1], value)]
    return spans


def _unit_id(kind, start, version):
    return f"{kind}:{start}:v{version}"


def audit_source(program, name, releases, frozen, minimum, timeout=None):
    """Audit one source's figures in `releases` (dicts with "cells" for the source) against the
    true counts in `frozen` ({(kind, start, version): FrozenCounts-like with counts and meta})."""
    source = source_named(name)
    timeout = timeout if timeout is not None else settings.RELEASE_AUDIT_TIMEOUT_SECONDS
    started = time.monotonic()
    deadline = started + timeout
    result = AuditResult()
    problem = _Program()
    truth = {}
    for (kind, start, version), unit in frozen.items():
        unit_id = _unit_id(kind, start, version)
        for cell, (count, _key) in unit.counts.items():
            truth[problem.var(unit_id, cell)] = count
        for coefficients, low, high in source.structure(unit.meta):
            problem.add([(problem.var(unit_id, cell), value) for cell, value in coefficients.items()], low, high)
    if source.monotone:
        by_unit = {}
        for kind, start, version in frozen:
            by_unit.setdefault((kind, start), []).append(version)
        for (kind, start), versions in by_unit.items():
            versions.sort()
            for earlier, later in itertools.pairwise(versions):
                for (unit_id, cell), variable in list(problem.index.items()):
                    if unit_id == _unit_id(kind, start, earlier):
                        problem.add([(problem.var(_unit_id(kind, start, later), cell), 1), (variable, -1)], 0, None)
    for release in releases:
        entry = release.get(name)
        if not entry:
            continue
        units = [_unit_id(*unit) for unit in entry["units"]]
        bounds = {}
        for cell, (value, _parts) in entry["cells"].items():
            bounds[cell] = list(possible_true_counts(value, minimum))
        for cell, low, high in entry.get("facts", []):
            if low is not None:
                bounds[cell][0] = max(bounds[cell][0], low)
            if high is not None:
                bounds[cell][1] = min(bounds[cell][1], high)
        for cell, (_value, parts) in entry["cells"].items():
            low, high = bounds[cell]
            problem.add([(problem.var(unit, part), 1) for unit in units for part in parts], low, high)

    targets = [({variable: 1}, key) for key, variable in problem.index.items() if 0 < truth.get(variable, 0) < minimum]
    if source.monotone:
        for kind, start, version in frozen:
            earlier = (kind, start, version - 1)
            if earlier not in frozen:
                continue
            for (unit_id, cell), variable in problem.index.items():
                if unit_id != _unit_id(kind, start, version):
                    continue
                before = problem.index.get((_unit_id(*earlier), cell))
                added = truth.get(variable, 0) - truth.get(before, 0)
                if before is not None and 0 < added < minimum:
                    targets.append(({variable: 1, before: -1}, (unit_id, cell + " (added)")))
    problem.compile()
    spans = _witnessed_spans(problem, targets, truth, deadline, result)
    for (target, (unit_id, cell)), span in zip(targets, spans, strict=True):
        result.checked += 1
        # The exact largest value first (small true counts can rarely fall far), then, only if the
        # range is still under 3 wide, the exact smallest: a range of one or two values fails.
        for sign in (-1, 1):
            if _wide(span):
                break
            extreme = problem.solve_extreme(target, sign, deadline, result)
            if extreme is None:
                result.timed_out = True
                break
            # A point already seen is feasible: it bounds the extreme even if the solver stopped short.
            low, high = span or (extreme, extreme)
            span = [low, max(high, extreme)] if sign == -1 else [min(low, extreme), high]
        if result.timed_out:
            break
        if span[1] - span[0] + 1 <= 2:
            result.narrowed.append((unit_id, cell, *span))
    result.seconds = time.monotonic() - started
    return result
