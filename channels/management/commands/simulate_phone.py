from django.core.management.base import BaseCommand

from channels.adapters import adapter_for
from channels.adapters.simulator import PhoneSimulator
from channels.conversations import receive
from channels.models import OutboxMessage
from channels.outbox import deliver
from programs.models import Program


class Command(BaseCommand):
    help = (
        "Walk the text-message survey in the terminal, as a survivor's phone: the same engine, limits, "
        "outbox and submission as SMS. Type a program's keyword to start; an empty line or Ctrl-D ends."
    )

    def add_arguments(self, parser):
        parser.add_argument("--number", default="+254700000001", help="The simulated phone's number (never stored).")
        parser.add_argument("--script", nargs="*", help="Replies to send one after the other instead of typing them.")

    def handle(self, *args, number, script, **options):
        adapter = adapter_for(PhoneSimulator.name)
        keywords = ", ".join(Program.objects.active().exclude(keyword="").values_list("keyword", flat=True))
        self.stdout.write(f"Keywords: {keywords or 'none (set one on a program)'}")
        replies = iter(script) if script is not None else None
        while True:
            text = next(replies, None) if replies is not None else self._typed()
            if not text:
                return
            self.stdout.write(f"> {text}")
            receive(adapter, number, text)
            # Whatever the task backend, the simulated phone gets its messages now.
            for pk in OutboxMessage.objects.waiting().filter(channel=adapter.name).values_list("pk", flat=True):
                deliver(pk)
            while PhoneSimulator.received:
                self.stdout.write(PhoneSimulator.received.pop(0))
                self.stdout.write("")

    def _typed(self):
        try:
            return input("> ").strip()
        except EOFError:
            return ""
