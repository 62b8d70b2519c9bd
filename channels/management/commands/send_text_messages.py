from django.core.management.base import BaseCommand

from channels.outbox import send_waiting


class Command(BaseCommand):
    help = "Send the outbound text messages still waiting (where the task backend cannot retry later by itself)."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {send_waiting()} messages.")
