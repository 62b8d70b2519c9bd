import json

from django.core.management.base import BaseCommand

from feedback.release_tables import release_about
from outcomes.release_tables import released_program_report
from reporting.report_options import add_report_arguments, release_from_options


class Command(BaseCommand):
    help = "Print a program's released report: survivor feedback beside the ASO outcomes, domain by domain."

    def add_arguments(self, parser):
        add_report_arguments(parser)

    def handle(self, *args, **options):
        program, period, release = release_from_options(options)
        report = {**release_about(release, program, period), **released_program_report(release)}
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, default=str))
