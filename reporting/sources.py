"""Where released figures come from: each app that owns records registers a source here.

reporting imports no app that owns records (feedback and outcomes import reporting, never the other
way round); they register a `Source` in their AppConfig.ready. A source knows its records; reporting
knows periods, the perturbation table, the audit and storage.

A source's finest cells are named by strings ("total", "q.safe.v.4", "safety.n"). A *unit* is what
true counts are frozen for: a month (`per_month`, counts that add up across months) or the released
period itself (counts that do not, such as survivors with two assessments in the period).
"""

_SOURCES = {}


class Source:
    name = ""
    per_month = True
    # True when late records can only add to a cell (then a correction's counts are >= the first).
    monotone = True

    def collect(self, program, start, end):
        """({finest cell: [true count, cell key]}, meta) of the program's records in start..end."""
        raise NotImplementedError

    def first_day(self, program):
        """The day of the program's first record, or None."""
        raise NotImplementedError

    def merge_meta(self, metas):
        """The meta of a period from the metas of its units, newest unit last."""
        return metas[-1] if metas else {}

    def max_levels(self, meta):
        """{group: highest coarsening level}; level 0 shows the most, the highest shows nothing."""
        raise NotImplementedError

    def group_of(self, cell):
        raise NotImplementedError

    def released_cells(self, meta, levels):
        """{released cell: [finest cells it sums]} at the given coarsening levels."""
        raise NotImplementedError

    def structure(self, meta):
        """[({finest cell: coefficient}, low, high)]: what anyone knows holds inside one unit."""
        return []

    def facts(self, released, true_counts, meta, levels, minimum):
        """[(released cell, low, high)]: more an attacker learns from how figures are shown."""
        return []

    def tables(self, released, true_counts, meta, levels, minimum):
        """The published tables (JSON) from the released values."""
        raise NotImplementedError


def register(source):
    _SOURCES[source.name] = source


def sources():
    return list(_SOURCES.values())


def source(name):
    return _SOURCES[name]
