from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "outcomes"
    label = "outcomes"
    verbose_name = "Outcomes (ASO)"
    demo_seed = "outcomes.demo.seed"

    def ready(self):
        from . import release_tables  # noqa: F401 (registers the outcomes' source of released figures)
