from django.core.management.base import BaseCommand, CommandError

from programs.models import Program
from reporting.audit import audit_source
from reporting.models import FrozenCounts, Release
from reporting.ptable import min_cell
from reporting.sources import sources


def small_counts_moved(releases, name, frozen, minimum):
    """(shown as 0, shown as the minimum) among released cells whose true count is 1 to minimum - 1:
    what the perturbation table costs in usefulness (read from the admin-only true counts)."""
    to_zero = to_minimum = 0
    for release in releases:
        entry = release.cells.get(name)
        if not entry:
            continue
        units = [frozen.get(tuple(unit)) for unit in entry["units"]]
        if None in units:
            continue  # the true counts are past their retention
        for value, parts in entry["cells"].values():
            true = sum(unit.counts.get(part, [0, 0])[0] for unit in units for part in parts)
            if 0 < true < minimum:
                to_zero += value == 0
                to_minimum += value == minimum
    return to_zero, to_minimum


class Command(BaseCommand):
    help = "Run the attacker (an integer program) over every release of a program and print what it finds."

    def add_arguments(self, parser):
        parser.add_argument("--program", required=True, help="Program code.")

    def handle(self, *args, **options):
        try:
            program = Program.objects.get(code=options["program"])
        except Program.DoesNotExist as error:
            raise CommandError(f"Unknown program: {options['program']}") from error
        releases = list(Release.objects.filter(program=program).order_by("start", "kind", "version"))
        self.stdout.write(f"{program.code}: {len(releases)} releases")
        # The minimum the releases were built with (a later change of the privacy settings applies
        # to releases built afterwards).
        minimum = releases[-1].min_cell if releases else min_cell()
        failed = False
        for source in sources():
            frozen = {
                (unit.kind, unit.start.isoformat(), unit.version): unit
                for unit in FrozenCounts.objects.filter(program=program, source=source.name)
            }
            result = audit_source(program, source.name, [release.cells for release in releases], frozen, minimum)
            shown = sum(len(release.cells.get(source.name, {}).get("cells", {})) for release in releases)
            zeros = sum(
                1
                for release in releases
                for value, _parts in release.cells.get(source.name, {}).get("cells", {}).values()
                if value == 0
            )
            to_zero, to_minimum = small_counts_moved(releases, source.name, frozen, minimum)
            self.stdout.write(
                f"  {source.name}: {shown} released cells ({zeros} shown as 0; of the true counts of 1 to "
                f"{minimum - 1}, {to_zero} shown as 0 and {to_minimum} as {minimum}); {result.checked} small true counts "
                f"checked in {result.solves} solves, {result.seconds:.1f} s; "
                + ("passed" if result.passed else "FAILED")
            )
            for unit, cell, low, high in result.narrowed:
                self.stdout.write(f"    narrowed: {unit} {cell} to {low}..{high}")
            if result.timed_out:
                self.stdout.write("    the solver ran out of time")
            failed = failed or not result.passed
        if failed:
            raise CommandError("The audit failed.")
