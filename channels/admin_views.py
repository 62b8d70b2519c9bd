from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from programs.models import Program

from .ussd import menu_position, ussd_languages


class CardLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the card"), choices=settings.LANGUAGES)


def program_card(request, pk):
    """A card to print and hand out: how to answer the program's survey by SMS, USSD or WhatsApp.

    Only for the programs whose data the user may see; another program's card is a 404.
    """
    program = get_object_or_404(Program.objects.visible_to(request.user).exclude(keyword=""), pk=pk)
    form = CardLanguageForm(request.GET or None)
    language = (form.is_valid() and form.cleaned_data["language"]) or settings.LANGUAGE_CODE
    return TemplateResponse(
        request,
        "channels/admin/program_card.html",
        {
            "program": program,
            "form": form,
            "card_language": language,
            "sms_number": settings.CHANNELS_CARD_SMS_NUMBER,
            "ussd_code": settings.CHANNELS_CARD_USSD_CODE if language in ussd_languages() else "",
            "ussd_position": menu_position(program),
        },
    )
