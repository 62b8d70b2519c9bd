from modeltranslation.translator import TranslationOptions, register

from .models import FeedbackSurvey, Program, SurveyQuestion


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("name", "description", "helpline")


@register(FeedbackSurvey)
class FeedbackSurveyTranslation(TranslationOptions):
    fields = ("intro", "thank_you")


@register(SurveyQuestion)
class SurveyQuestionTranslation(TranslationOptions):
    fields = ("text", "help_text", "options")
