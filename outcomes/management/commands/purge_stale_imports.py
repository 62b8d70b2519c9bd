from django.core.management.base import BaseCommand

from outcomes.importer import purge_stale_imports


class Command(BaseCommand):
    help = (
        "Delete ASO uploads (their hashed rows) that were neither imported nor cancelled before they expired, "
        "and mark imports still running at their expiry as failed. Run it every few minutes (cron or a worker)."
    )

    def handle(self, *args, **options):
        deleted, failed = purge_stale_imports()
        self.stdout.write(f"{deleted} expired uploads deleted, {failed} interrupted imports marked failed.")
