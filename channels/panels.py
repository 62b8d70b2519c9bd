from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class TextChannelsPanel(Panel):
    """A program's keyword, its number in the USSD menu, and what a whole SMS survey costs per language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("SMS, USSD and WhatsApp"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "channels/admin/text_channels_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from feedback.models import program_survey

            from .management.commands.sms_segments import conversation_messages
            from .segments import count_segments
            from .ussd import menu_position, ussd_languages

            context = super().get_context_data(parent_context)
            program = self.instance
            survey = program_survey(program) if program.keyword else None
            rows = []
            if survey is not None:
                questions = survey.current_version().questions
                for code, name in settings.LANGUAGES:
                    counts = [count_segments(message) for message in conversation_messages(questions, code)]
                    rows.append(
                        {
                            "name": name,
                            "parts": sum(count.parts for count in counts),
                            "encodings": ", ".join(sorted({count.encoding for count in counts})),
                            "ussd": code in ussd_languages(),
                        }
                    )
            context.update(
                program=program,
                ussd_position=menu_position(program) if program.keyword and program.active else None,
                rows=rows,
            )
            return context
