from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from feedback import demo as feedback_demo
from feedback.outcomes import demo as outcomes_demo
from home import demo as home_demo
from stories import demo as stories_demo

# Each app adds its own seeder here; they run in order and each is idempotent.
SEEDERS = [home_demo.seed, stories_demo.seed, feedback_demo.seed, outcomes_demo.seed]


class Command(BaseCommand):
    help = "Load the fictional demo content. Running it again changes nothing."

    def handle(self, *args, **options):
        with translation.override("en"), transaction.atomic():
            for seed in SEEDERS:
                seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
