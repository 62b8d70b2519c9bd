from django.conf import settings
from django.core.management.base import BaseCommand

from channels import engine
from channels.segments import count_segments
from feedback.models import FeedbackSurvey

SAMPLE_RECEIPT = "7K2M-Q9XD-4HTB"


def conversation_messages(questions, language):
    """Every message the site sends in a conversation that answers every question and asks for the receipt."""
    return [
        engine.language_menu(),
        engine.welcome(language),
        *(engine.question_prompt(questions, index, language) for index in range(len(questions))),
        engine.confirm_prompt(language),
        engine.finished_message(language, SAMPLE_RECEIPT, send_receipt=True),
    ]


class Command(BaseCommand):
    help = "Print the SMS parts one whole conversation costs, per live survey and language (what a program budgets)."

    def handle(self, *args, **options):
        for survey in FeedbackSurvey.objects.live().order_by("pk"):
            questions = survey.current_version().questions
            self.stdout.write(f"{survey.title} ({len(questions)} questions)")
            self.stdout.write(f"  {'language':<9}{'messages':>9}{'parts':>7}  encodings")
            for code, _name in settings.LANGUAGES:
                counts = [count_segments(message) for message in conversation_messages(questions, code)]
                encodings = sorted({count.encoding for count in counts})
                self.stdout.write(
                    f"  {code:<9}{len(counts):>9}{sum(count.parts for count in counts):>7}  {', '.join(encodings)}"
                )
