from django.core.management.base import BaseCommand, CommandError

from programs.models import Program
from reporting.models import FrozenCounts
from reporting.releases import make_releases


class Command(BaseCommand):
    help = "Build every release that is due (each closed month, quarter and year, per program); safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--program", help="Only this program code.")
        parser.add_argument(
            "--corrections", action="store_true", help="Also store correction releases where late records arrived."
        )

    def handle(self, *args, **options):
        programs = None
        if options["program"]:
            programs = list(Program.objects.filter(code=options["program"]))
            if not programs:
                raise CommandError(f"Unknown program: {options['program']}")
        built = make_releases(programs, corrections=options["corrections"])
        purged = FrozenCounts.purge_expired()
        self.stdout.write(f"{len(built)} releases stored; {purged} expired true counts deleted.")
