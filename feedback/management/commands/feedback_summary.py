import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from feedback.models import Program
from feedback.reports import feedback_summary


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Print a program's aggregate feedback report (small cells suppressed), the same numbers as the admin report."

    def add_arguments(self, parser):
        parser.add_argument("--program", required=True, help="Program code")
        parser.add_argument("--from", dest="date_from", type=iso_date, help="First day, YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", type=iso_date, help="Last day, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, program, date_from, date_to, **options):
        found = Program.objects.filter(code=program).first()
        if found is None:
            raise CommandError(f"No program with code {program!r}")
        summary = feedback_summary(found, date_from, date_to)
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
