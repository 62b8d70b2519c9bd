from django.core.management.base import BaseCommand, CommandError

from programs.models import Program
from reporting.audit import audit_source
from reporting.models import FrozenCounts, Release
from reporting.ptable import min_cell
from reporting.sources import sources


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
        failed = False
        for source in sources():
            frozen = {
                (unit.kind, unit.start.isoformat(), unit.version): unit
                for unit in FrozenCounts.objects.filter(program=program, source=source.name)
            }
            result = audit_source(program, source.name, [release.cells for release in releases], frozen, min_cell())
            shown = sum(len(release.cells.get(source.name, {}).get("cells", {})) for release in releases)
            zeros = sum(
                1
                for release in releases
                for value, _parts in release.cells.get(source.name, {}).get("cells", {}).values()
                if value == 0
            )
            self.stdout.write(
                f"  {source.name}: {shown} released cells ({zeros} shown as 0); {result.checked} small true counts "
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
