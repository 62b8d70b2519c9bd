"""Options shared by the report commands: a program code and an optional period."""

import datetime

from django.core.management.base import CommandError

from feedback.models import Program


def add_report_arguments(parser):
    parser.add_argument("--program", required=True, help="Program code.")
    parser.add_argument("--from", dest="date_from", type=_date, help="First day of the period, YYYY-MM-DD (inclusive).")
    parser.add_argument("--to", dest="date_to", type=_date, help="Last day of the period, YYYY-MM-DD (inclusive).")
    parser.add_argument("--format", choices=["json"], default="json")


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date in the form YYYY-MM-DD: {value}") from error


def program_from_options(options):
    try:
        return Program.objects.get(code=options["program"])
    except Program.DoesNotExist as error:
        raise CommandError(f"Unknown program: {options['program']}") from error
