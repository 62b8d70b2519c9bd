from django.core.management.base import BaseCommand, CommandError

from programs.models import Program
from reporting.models import FrozenCounts
from reporting.releases import make_releases
from reporting.tasks import queue_releases


class Command(BaseCommand):
    help = "Build every release that is due (each closed month, quarter and year, per program); safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--program", help="Only this program code.")
        parser.add_argument(
            "--corrections", action="store_true", help="Also store correction releases where late records arrived."
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the work for the task workers (one task per program, then the network) instead of doing it here.",
        )

    def handle(self, *args, **options):
        if options["queue"]:
            if options["program"] or options["corrections"]:
                raise CommandError(
                    "--queue builds the releases that are due for every program; run --program or --corrections without it."
                )
            queued = queue_releases()
            purged = FrozenCounts.purge_expired()
            self.stdout.write(f"{queued} release tasks queued for the workers; {purged} expired true counts deleted.")
            return
        programs = None
        if options["program"]:
            programs = list(Program.objects.filter(code=options["program"]))
            if not programs:
                raise CommandError(f"Unknown program: {options['program']}")
        built = make_releases(programs, corrections=options["corrections"])
        purged = FrozenCounts.purge_expired()
        self.stdout.write(f"{len(built)} releases stored; {purged} expired true counts deleted.")
