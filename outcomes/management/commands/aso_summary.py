import json

from django.core.management.base import BaseCommand

from feedback.report_options import add_report_arguments, period_from_options, program_from_options
from outcomes.scoring import aso_summary


class Command(BaseCommand):
    help = "Print the outcome summary of a program's ASO assessments (small cells suppressed)."

    def add_arguments(self, parser):
        add_report_arguments(parser)

    def handle(self, *args, **options):
        summary = aso_summary(program_from_options(options), period_from_options(options))
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
