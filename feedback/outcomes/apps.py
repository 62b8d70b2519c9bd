from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "feedback.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes (ASO)"
    demo_seed = "feedback.outcomes.demo.seed"
