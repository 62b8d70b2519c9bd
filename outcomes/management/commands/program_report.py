import json

from django.core.management.base import BaseCommand

from feedback.report_options import add_report_arguments, period_from_options, program_from_options
from outcomes.reports import program_report


class Command(BaseCommand):
    help = "Print a program's report: survivor feedback beside the ASO outcome summary, domain by domain."

    def add_arguments(self, parser):
        add_report_arguments(parser)

    def handle(self, *args, **options):
        report = program_report(program_from_options(options), period_from_options(options))
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, default=str))
