from django.conf import settings
from django.core.management.base import BaseCommand

from home.models import ChapterMessage


class Command(BaseCommand):
    help = (
        "Apply the retention rule to chapter contact messages: redact personal data and drop the reply "
        "details after CHAPTER_MESSAGE_REDACT_DAYS, delete after CHAPTER_MESSAGE_DELETE_DAYS. Run daily."
    )

    def handle(self, *args, **options):
        redacted, deleted = ChapterMessage.objects.purge()
        self.stdout.write(
            f"Chapter messages: {redacted} redacted (older than {settings.CHAPTER_MESSAGE_REDACT_DAYS} days), "
            f"{deleted} deleted (older than {settings.CHAPTER_MESSAGE_DELETE_DAYS} days)."
        )
