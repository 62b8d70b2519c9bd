from modeltranslation.translator import TranslationOptions, register

from .models import Program


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("name", "description", "helpline")
