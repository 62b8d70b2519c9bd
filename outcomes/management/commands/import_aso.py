import sys
import time

from django.core.management.base import BaseCommand, CommandError

from outcomes.importer import import_assessments


class ProgressBar:
    """A one-line progress bar, drawn only on a terminal."""

    def __init__(self, stream, width=30):
        self.stream, self.width, self.started = stream, width, time.monotonic()

    def __call__(self, rows, fraction):
        seconds = time.monotonic() - self.started
        if fraction is None:
            self.stream.write(f"\r{rows} rows  {seconds:.0f}s")
        else:
            filled = int(self.width * fraction)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r[{bar}] {fraction:4.0%}  {rows} rows  {seconds:.0f}s")
        self.stream.flush()

    def close(self):
        self.stream.write("\n")


class Command(BaseCommand):
    help = "Import de-identified ASO assessments from a CSV or XLSX file. All-or-nothing; re-importing is safe."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and count rows; save nothing.")

    def handle(self, *args, **options):
        path = options["file"]
        progress = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
        try:
            with open(path, "rb") as binary:
                result = import_assessments(binary, path, dry_run=options["dry_run"], progress=progress)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        if progress:
            progress.close()
        for error in result.errors:
            self.stderr.write(str(error))
        if result.errors:
            raise CommandError(f"{len(result.errors)} errors in {result.rows} rows: nothing was imported.")
        summary = f"{result.rows} rows: {result.new} new, {result.updated} updated, {result.unchanged} unchanged."
        if result.dry_run:
            self.stdout.write(f"Dry run, nothing saved. {summary}")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {summary}"))
