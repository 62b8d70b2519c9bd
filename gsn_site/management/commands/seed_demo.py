import json
import os
from contextlib import nullcontext

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string

from gsn_site.demo import throwaway_secrets


def demo_seeders():
    """Each app names its own seeder in its AppConfig (`demo_seed`); they run in INSTALLED_APPS order,
    so an app's seeder finds the content of the apps it builds on. No app imports another for this."""
    return [import_string(config.demo_seed) for config in apps.get_app_configs() if getattr(config, "demo_seed", None)]


class Command(BaseCommand):
    help = "Load the fictional demo content. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed a database run with the production settings (a smoke test), with throwaway secrets.",
        )
        parser.add_argument(
            "--secrets-file",
            help="With --allow-production: write the throwaway passwords and two-step secrets here as JSON, "
            "keyed by the published values they replace, for a test to sign in with.",
        )

    def handle(self, *args, allow_production=False, secrets_file=None, **options):
        production = settings.PRODUCTION_SETTINGS
        if production and not allow_production:
            # README publishes the demo's passwords and two-step secrets: never on a real site by accident.
            raise CommandError(
                "These are the production settings: the demo would add accounts to a real site. "
                "Pass --allow-production to seed a throwaway production database (its logins get random secrets)."
            )
        with (
            throwaway_secrets() if production else nullcontext({}) as throwaway,
            translation.override("en"),
            transaction.atomic(),
        ):
            for seed in demo_seeders():
                seed(self.stdout)
        if secrets_file:
            descriptor = os.open(secrets_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(descriptor, "w") as output:
                json.dump(throwaway, output)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
