from django.core.management.base import BaseCommand

from feedback.notifications import notify_answers_due


class Command(BaseCommand):
    help = "Email program staff once for each ended quarter their program has not answered yet (run daily)."

    def handle(self, *args, **options):
        for program, periods, recipients in notify_answers_due():
            self.stdout.write(f"{program.code}: {len(periods)} quarter(s) due, {len(recipients)} recipient(s)")
