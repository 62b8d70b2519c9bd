import datetime

from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.models import FeedbackAnswer, FeedbackResponse, QuestionType


class Command(BaseCommand):
    help = "Remove free-text answers older than the retention period; structured answers are kept."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-days",
            type=int,
            default=settings.FEEDBACK_TEXT_RETENTION_DAYS,
            help="Default: FEEDBACK_TEXT_RETENTION_DAYS (%(default)s)",
        )

    def handle(self, *args, older_than_days, **options):
        cutoff = datetime.date.today() - datetime.timedelta(days=older_than_days)
        deleted, _details = FeedbackAnswer.objects.filter(
            question_type=QuestionType.FREE_TEXT, response__submitted_on__lt=cutoff
        ).delete()
        # Receipt codes are useless once the withdrawal period is over: forget their hashes too.
        FeedbackResponse.objects.past_withdrawal().filter(receipt_hash__isnull=False).update(receipt_hash=None)
        self.stdout.write(f"Removed {deleted} free-text answers from responses before {cutoff.isoformat()}.")
