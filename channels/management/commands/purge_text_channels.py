from django.core.management.base import BaseCommand

from channels.conversations import purge_expired


class Command(BaseCommand):
    help = "Delete text conversations and outbound messages older than CHANNELS_CONVERSATION_MAX_HOURS (run hourly)."

    def handle(self, *args, **options):
        conversations, messages = purge_expired()
        self.stdout.write(f"Deleted {conversations} conversations and {messages} outbound messages.")
