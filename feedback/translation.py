from modeltranslation.translator import TranslationOptions, register

from .models import FeedbackSurvey, ProgramReply, SurveyQuestion, SurvivorLeadersView


@register(FeedbackSurvey)
class FeedbackSurveyTranslation(TranslationOptions):
    fields = ("intro", "thank_you")


@register(SurveyQuestion)
class SurveyQuestionTranslation(TranslationOptions):
    fields = ("text", "help_text", "options")


@register(ProgramReply)
class ProgramReplyTranslation(TranslationOptions):
    fields = ("you_said", "we_did", "next_steps")


@register(SurvivorLeadersView)
class SurvivorLeadersViewTranslation(TranslationOptions):
    fields = ("text",)
