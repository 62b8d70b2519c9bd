from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Program feedback"
    demo_seed = "feedback.demo.seed"

    def ready(self):
        from wagtail.signals import task_rejected

        from . import release_tables  # noqa: F401 (registers feedback's source of released figures)
        from .notifications import notify_changes_requested

        task_rejected.connect(notify_changes_requested, dispatch_uid="feedback-answer-changes-requested")
