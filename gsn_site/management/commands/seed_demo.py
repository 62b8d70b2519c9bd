from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string


def demo_seeders():
    """Each app names its own seeder in its AppConfig (`demo_seed`); they run in INSTALLED_APPS order,
    so an app's seeder finds the content of the apps it builds on. No app imports another for this."""
    return [import_string(config.demo_seed) for config in apps.get_app_configs() if getattr(config, "demo_seed", None)]


class Command(BaseCommand):
    help = "Load the fictional demo content. Running it again changes nothing."

    def handle(self, *args, **options):
        with translation.override("en"), transaction.atomic():
            for seed in demo_seeders():
                seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
