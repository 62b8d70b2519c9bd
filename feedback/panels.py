from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class FeedbackLinkPanel(Panel):
    """The program's feedback link and printable QR codes, on the program's edit screen."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Feedback link and QR code"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/admin/feedback_link_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["program"] = self.instance
            return context
