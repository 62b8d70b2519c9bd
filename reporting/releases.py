"""Building releases: once per program and closed period, after every withdrawal is honoured.

- `build_release(program, period)` refuses until the period's last day plus
  `FEEDBACK_WITHDRAWAL_DAYS` plus `RELEASE_PAPER_GRACE_DAYS` (time for paper forms to be typed in,
  default 0) has passed, so every withdrawal a survivor can still make is in. It freezes the true
  counts of each unit (feedback: each month, once; assessments: the period), sums them into the
  period's cells, perturbs them with the cell key method (reporting.ptable), and runs the attacker
  (reporting.audit) over this release and every release of the program it shares a month with. A
  failing release is coarsened, group by group (the groups of the narrowed cells first, everything
  one step when the solver runs out of time), until the audit passes; then it is stored. A second
  call returns the stored release.
- Quarters and years are sums of frozen months: a response that arrives after a month was frozen
  never reaches the quarter or year built from it.
- `build_correction(program, period)` is the only way late paper entries and late imports reach
  figures: a version 2 (3 …) at the same coarsening as the version before, stored only if the audit
  passes with every earlier version included; otherwise nothing is stored.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gsn_site.page_cache import purge_public_page_cache

from .audit import audit_source
from .models import FrozenCounts, Release
from .periods import Period, PeriodKind, end_of, months_in, start_of
from .ptable import min_cell, perturb
from .sources import sources

MAX_COARSENING_STEPS = 200


class NotYetReleased(ValueError):
    """The period's withdrawal window (and paper grace) has not passed yet."""


class AuditFailed(ValueError):
    """No coarsening let the audit pass (or a correction did not pass at its version's coarsening)."""


def _days_before_release():
    return settings.FEEDBACK_WITHDRAWAL_DAYS + settings.RELEASE_PAPER_GRACE_DAYS


def release_day(kind, start):
    """The first day a period may be released."""
    return end_of(kind, start) + datetime.timedelta(days=_days_before_release() + 1)


def last_releasable_day(today=None):
    """Periods that ended on or before this day may be released today."""
    return (today or datetime.date.today()) - datetime.timedelta(days=_days_before_release() + 1)


def is_releasable(kind, start, today=None):
    return (today or datetime.date.today()) >= release_day(kind, start)


def not_released_sentence(kind, start):
    """What a page says of a period that is not released yet."""
    return _("Figures for %(period)s are released on %(day)s, once the time to withdraw an answer has passed.") % {
        "period": period_name(kind, start),
        "day": date_format(release_day(kind, start), "j F Y"),
    }


def period_name(kind, start):
    if kind == PeriodKind.QUARTER:
        # Translators: a quarter of a year, such as "2026 Q3"; write it as your readers say it.
        return _("%(year)s Q%(quarter)s") % {"year": start.year, "quarter": (start.month - 1) // 3 + 1}
    if kind == PeriodKind.MONTH:
        return date_format(start, "F Y")
    return str(start.year)


def latest_release(program, kind, start):
    return Release.objects.filter(program=program, kind=kind, start=start).order_by("-version").first()


def _unit_periods(source, kind, start):
    if source.per_month:
        return [(PeriodKind.MONTH, month) for month in months_in(kind, start)]
    return [(kind, start)]


def _frozen(program, source, unit_kind, unit_start, version=None):
    units = FrozenCounts.objects.filter(program=program, source=source.name, kind=unit_kind, start=unit_start)
    if version is not None:
        return units.filter(version=version).first()
    return units.order_by("-version").first()


def _freeze(program, source, unit_kind, unit_start, version=1):
    counts, meta = source.collect(program, unit_start, end_of(unit_kind, unit_start))
    return FrozenCounts.objects.create(
        program=program,
        source=source.name,
        kind=unit_kind,
        start=unit_start,
        end=end_of(unit_kind, unit_start),
        version=version,
        counts=counts,
        meta=meta,
    )


def _sum_units(units):
    totals = {}
    for unit in units:
        for cell, (count, key) in unit.counts.items():
            entry = totals.setdefault(cell, [0, 0])
            entry[0] += count
            entry[1] = (entry[1] + key) % 256
    return totals


def _unit_key(unit):
    return (unit.kind, unit.start.isoformat(), unit.version)


def _related_entries(program, name, unit_periods):
    """The source's entries of every stored release of the program sharing a unit with `unit_periods`,
    closed over shared units (a month links its quarter, the quarter its year)."""
    # Only the cells: the tables and audits of every earlier release are not needed to link them.
    stored = Release.objects.filter(program=program).values_list("cells", flat=True)
    entries = [cells[name] for cells in stored if name in cells]
    linked, wanted, changed = [], {tuple(period) for period in unit_periods}, True
    while changed:
        changed = False
        for entry in entries:
            periods = {(kind, start) for kind, start, _version in entry["units"]}
            if entry not in linked and periods & wanted:
                linked.append(entry)
                wanted |= periods
                changed = True
    return linked


def _frozen_for(program, name, entries):
    keys = {tuple(unit) for entry in entries for unit in entry["units"]}
    frozen = {}
    for unit in FrozenCounts.objects.filter(program=program, source=name):
        if _unit_key(unit) in keys:
            frozen[_unit_key(unit)] = unit
    return frozen


def _entry(source, units, meta, levels, minimum):
    totals = _sum_units(units)
    true_counts = {cell: count for cell, (count, _key) in totals.items()}
    cells, released = {}, {}
    for cell, parts in source.released_cells(meta, levels).items():
        count = sum(totals.get(part, [0, 0])[0] for part in parts)
        key = sum(totals.get(part, [0, 0])[1] for part in parts)
        released[cell] = perturb(count, key, minimum)
        cells[cell] = [released[cell], parts]
    entry = {
        "units": [list(_unit_key(unit)) for unit in units],
        "cells": cells,
        "facts": [list(fact) for fact in source.facts(released, true_counts, meta, levels, minimum)],
        "levels": levels,
    }
    return entry, released, true_counts


def _coarser(levels, maxima, groups):
    levels = dict(levels)
    raised = False
    for group in groups:
        if levels.get(group, 0) < maxima.get(group, 0):
            levels[group] += 1
            raised = True
    if not raised:
        for group in levels:
            if levels[group] < maxima[group]:
                levels[group] += 1
                raised = True
    return levels if raised else None


def _release_source(program, source, units, minimum, levels=None, coarsen=True):
    """(entry, tables, audit) of one source, coarsened until the audit passes; AuditFailed if it cannot."""
    meta = source.merge_meta([unit.meta for unit in units])
    maxima = source.max_levels(meta)
    levels = {**dict.fromkeys(maxima, 0), **(levels or {})}
    unit_periods = [(unit.kind, unit.start.isoformat()) for unit in units]
    others = _related_entries(program, source.name, unit_periods)
    for _step in range(MAX_COARSENING_STEPS):
        entry, released, true_counts = _entry(source, units, meta, levels, minimum)
        frozen = _frozen_for(program, source.name, [*others, entry])
        frozen.update({_unit_key(unit): unit for unit in units})
        result = audit_source(program, source.name, [{source.name: e} for e in [*others, entry]], frozen, minimum)
        if result.passed:
            tables = source.tables(released, true_counts, meta, levels, minimum)
            return entry, tables, result.as_json()
        if not coarsen:
            break
        narrowed = {source.group_of(cell.removesuffix(" (added)")) for _unit, cell, _low, _high in result.narrowed}
        levels = _coarser(levels, maxima, [] if result.timed_out else sorted(narrowed))
        if levels is None:
            break
    raise AuditFailed(f"{program.code} {source.name}: {result.as_json()}")


def _store(program, kind, start, version, units_by_source, levels_by_source=None, coarsen=True, minimum=None):
    minimum = minimum or min_cell()
    tables, cells, audit = {}, {}, {}
    for source in sources():
        levels = (levels_by_source or {}).get(source.name)
        entry, tables[source.name], audit[source.name] = _release_source(
            program, source, units_by_source[source.name], minimum, levels, coarsen
        )
        cells[source.name] = entry
    # The public Impact page shows stored releases: a cached copy must not hide a new one.
    transaction.on_commit(purge_public_page_cache)
    return Release.objects.create(
        program=program,
        kind=kind,
        start=start,
        end=end_of(kind, start),
        version=version,
        min_cell=minimum,
        tables=tables,
        cells=cells,
        audit=audit,
    )


def build_release(program, period, today=None):
    """The program's release of a closed period (version 1), built and stored on first call."""
    kind, start = period.kind, start_of(period.kind, period.start)
    if not is_releasable(kind, start, today):
        raise NotYetReleased(not_released_sentence(kind, start))
    existing = latest_release(program, kind, start)
    if existing:
        return existing
    with transaction.atomic():
        units = {}
        for source in sources():
            units[source.name] = [
                _frozen(program, source, unit_kind, unit_start) or _freeze(program, source, unit_kind, unit_start)
                for unit_kind, unit_start in _unit_periods(source, kind, start)
            ]
        return _store(program, kind, start, 1, units)


def build_correction(program, period, today=None):
    """A correction release when records arrived after the latest version; None when nothing changed
    or the audit does not pass with every earlier version included (then nothing is stored)."""
    kind, start = period.kind, start_of(period.kind, period.start)
    latest = latest_release(program, kind, start)
    if latest is None:
        return build_release(program, period, today)
    try:
        with transaction.atomic():
            units, changed = {}, False
            for source in sources():
                units[source.name] = []
                for unit_kind, unit_start in _unit_periods(source, kind, start):
                    frozen = _frozen(program, source, unit_kind, unit_start)
                    counts, _meta = source.collect(program, unit_start, end_of(unit_kind, unit_start))
                    if frozen is not None and counts != frozen.counts:
                        frozen = _freeze(program, source, unit_kind, unit_start, version=frozen.version + 1)
                        changed = True
                    elif frozen is None:
                        frozen = _freeze(program, source, unit_kind, unit_start)
                        changed = True
                    units[source.name].append(frozen)
            uses_newer = changed or any(
                list(_unit_key(unit)) not in latest.cells[name]["units"]
                for name, frozen_units in units.items()
                for unit in frozen_units
            )
            if not uses_newer:
                return None
            levels = {name: entry["levels"] for name, entry in latest.cells.items()}
            # A correction keeps its version's minimum: the audit compares like with like.
            return _store(
                program, kind, start, latest.version + 1, units, levels, coarsen=False, minimum=latest.min_cell
            )
    except AuditFailed:
        return None


def releasable_periods(first_day, today=None):
    """Every (kind, start) from the month of `first_day` on that may be released today: months,
    then quarters, then years, oldest first (a quarter's audit sees its months' releases)."""
    today = today or datetime.date.today()
    periods = []
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
        start = start_of(kind, first_day)
        while is_releasable(kind, start, today):
            periods.append((kind, start))
            start = end_of(kind, start) + datetime.timedelta(days=1)
    return periods


def first_record_day(program):
    days = [day for day in (source.first_day(program) for source in sources()) if day]
    return min(days) if days else None


def make_releases(programs=None, today=None, corrections=False):
    """Build every releasable period of every program (months, quarters, years); idempotent.

    Returns the releases built or corrected by this call. With `corrections`, periods already
    released are given a correction release where late records arrived and the audit allows it.
    """
    from programs.models import Program

    built = []
    every_program = programs is None
    for program in programs or Program.objects.order_by("code"):
        first = first_record_day(program)
        if first is None:
            continue
        for kind, start in releasable_periods(first, today):
            period = Period(kind, start)
            existing = latest_release(program, kind, start)
            if existing is None:
                built.append(build_release(program, period, today))
            elif corrections:
                correction = build_correction(program, period, today)
                if correction is not None:
                    built.append(correction)
    if every_program:
        built.extend(make_network_releases())
    return built


def make_network_releases():
    """The whole network's year figures (a Release with no program) for every year some program has a
    year release and the network none yet; returns those built.

    They are sums of the programs' released (perturbed) year figures, never their own cells: a sum
    of released figures tells nothing the program releases do not, so it needs no audit of its own,
    whereas network tables with their own cells would link every program's tables in one integer
    program, which takes far longer to audit than one program's. Only years are released for the
    network: a month or a quarter of the whole network adds nothing a reader needs.
    """
    built = []
    years = Release.objects.filter(program__isnull=False, kind=PeriodKind.YEAR).values_list("start", flat=True)
    for start in sorted(set(years)):
        if Release.objects.filter(program__isnull=True, kind=PeriodKind.YEAR, start=start).exists():
            continue
        if _programs_awaiting_year(start):
            # Stored once, never recomputed: wait until every program's year is released, or a
            # program released later would be missing from the network's figures for good.
            continue
        built.append(build_network_release(start))
    return built


def _programs_awaiting_year(start, today=None):
    """Programs with records in the year starting on `start` whose year release is not stored yet."""
    from programs.models import Program

    released = set(
        Release.objects.filter(program__isnull=False, kind=PeriodKind.YEAR, start=start).values_list(
            "program_id", flat=True
        )
    )
    awaiting = []
    for program in Program.objects.exclude(pk__in=released).order_by("code"):
        first = first_record_day(program)
        if (
            first is not None
            and first <= end_of(PeriodKind.YEAR, start)
            and is_releasable(PeriodKind.YEAR, start, today)
        ):
            awaiting.append(program)
    return awaiting


def _latest_program_years(start):
    latest = {}
    for release in Release.objects.filter(program__isnull=False, kind=PeriodKind.YEAR, start=start).order_by(
        "program_id", "version"
    ):
        latest[release.program_id] = release
    return list(latest.values())


def build_network_release(start):
    """Store the network's release of the year starting on `start` from its programs' latest year releases."""
    releases = _latest_program_years(start)
    network = {"programs": len(releases), "responses": 0, "survivors": 0}
    for release in releases:
        network["responses"] += release.tables["feedback"]["responses"]["total"] or 0
        network["survivors"] += release.tables["outcomes"]["survivors"] or 0
    transaction.on_commit(purge_public_page_cache)
    return Release.objects.create(
        program=None,
        kind=PeriodKind.YEAR,
        start=start,
        end=end_of(PeriodKind.YEAR, start),
        version=1,
        min_cell=min_cell(),
        tables={"network": network},
        cells={},
        audit={"network": {"method": "sum of released program figures", "programs": [r.pk for r in releases]}},
    )


def published_release(program, period, today=None):
    """The release every surface shows for a period: the latest stored version, built on first
    reading once the period may be released; NotYetReleased before that."""
    kind, start = period.kind, start_of(period.kind, period.start)
    return latest_release(program, kind, start) or build_release(program, Period(kind, start), today)


def release_note(minimum):
    """The line above every released table: what was done to the figures, in plain words."""
    return _(
        "To protect survivors, every figure has a little noise added, and a group of 1 to %(below)s people "
        "is shown as 0 or %(min)s. Answers are grouped, or only the number who answered is shown, where "
        "fewer than %(min)s people gave an answer."
    ) % {"below": minimum - 1, "min": minimum}
