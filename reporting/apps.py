from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = "Releases of aggregate figures"
    default_auto_field = "django.db.models.BigAutoField"
