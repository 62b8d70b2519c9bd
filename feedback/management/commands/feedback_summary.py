import json

from django.core.management.base import BaseCommand

from feedback.report_options import add_report_arguments, period_from_options, program_from_options
from feedback.reports import feedback_summary


class Command(BaseCommand):
    help = "Print a program's aggregate feedback report (small cells suppressed), the same numbers as the admin report."

    def add_arguments(self, parser):
        add_report_arguments(parser)

    def handle(self, *args, **options):
        summary = feedback_summary(program_from_options(options), period_from_options(options))
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
