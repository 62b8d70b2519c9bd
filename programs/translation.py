from modeltranslation.translator import TranslationOptions, register

from .models import Program


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("name", "organisation", "description", "helpline")
