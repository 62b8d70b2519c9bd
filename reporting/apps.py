from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Releases of aggregate figures"
    default_auto_field = "django.db.models.BigAutoField"
    # Runs after the feedback and outcomes seeders (INSTALLED_APPS order): releases of their records.
    demo_seed = "reporting.demo.seed"
