import json

from django.core.management.base import BaseCommand

from feedback.release_tables import release_about
from outcomes.release_tables import released_outcomes
from reporting.report_options import add_report_arguments, release_from_options


class Command(BaseCommand):
    help = "Print a program's released outcome figures (ASO) for a closed period, from the stored release."

    def add_arguments(self, parser):
        add_report_arguments(parser)

    def handle(self, *args, **options):
        program, period, release = release_from_options(options)
        summary = {**release_about(release, program, period), **released_outcomes(release)}
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
