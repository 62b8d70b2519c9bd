from modeltranslation.translator import TranslationOptions, register

from .models import ChapterPage, HomePage, NetworkIndexPage, SafetySettings, StandardPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "feedback_heading", "feedback_text")


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(NetworkIndexPage)
class NetworkIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ChapterPage)
class ChapterPageTranslation(TranslationOptions):
    fields = ("country", "region", "languages", "focus_areas", "description")


@register(SafetySettings)
class SafetySettingsTranslation(TranslationOptions):
    fields = ("safety_notice", "footer_text")
