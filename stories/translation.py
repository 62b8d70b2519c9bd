from modeltranslation.translator import TranslationOptions, register

from .models import StoryIndexPage, StoryPage


@register(StoryIndexPage)
class StoryIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(StoryPage)
class StoryPageTranslation(TranslationOptions):
    fields = ("summary", "content_notes", "body")
