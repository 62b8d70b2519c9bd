import json

from django.core.management.base import BaseCommand

from feedback.release_tables import release_about, released_feedback
from reporting.report_options import add_report_arguments, release_from_options


class Command(BaseCommand):
    help = "Print a program's released feedback figures for a closed period (the stored release, as every surface shows it)."

    def add_arguments(self, parser):
        add_report_arguments(parser)

    def handle(self, *args, **options):
        program, period, release = release_from_options(options)
        summary = {**release_about(release, program, period), **released_feedback(release)}
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
