"""Question types: their answer scales, their form fields, and the one rule that maps answers
onto the ASO's 1-4 scale."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import QuestionType, localised

LIKERT_CHOICES = [
    (5, _("Strongly agree")),
    (4, _("Agree")),
    (3, _("Neither agree nor disagree")),
    (2, _("Disagree")),
    (1, _("Strongly disagree")),
]
YES_NO_UNSURE_CHOICES = [(2, _("Yes")), (1, _("Not sure")), (0, _("No"))]
# The ends of the 0-10 scale say what they mean on the scale itself, not only in the help text.
SCALE_CHOICES = [
    (0, _("0 · not at all")),
    *((number, str(number)) for number in range(1, 10)),
    (10, _("10 · completely")),
]

NUMBER_CHOICES = {
    QuestionType.LIKERT: LIKERT_CHOICES,
    QuestionType.YES_NO_UNSURE: YES_NO_UNSURE_CHOICES,
    QuestionType.SCALE: SCALE_CHOICES,
}
# The lowest and highest stored number of each scale question type.
NUMBER_RANGES = {
    question_type: (min(c[0] for c in choices), max(c[0] for c in choices))
    for question_type, choices in NUMBER_CHOICES.items()
}
CHOICE_TYPES = (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE)

OUTCOME_SCALE_LOW, OUTCOME_SCALE_HIGH = 1.0, 4.0
SKIP = ""


def to_outcome_scale(question_type, number, reverse_scored=False):
    """Map an answer onto the ASO scale (1 = most vulnerable, 4 = least): the one conversion rule.

    Each scale is stretched linearly: Likert 1-5 -> 1 + (v-1)*3/4; no/not sure/yes (0/1/2) -> 1/2.5/4;
    0-10 -> 1 + v*3/10. A reverse-scored question is mirrored (5 - score). Other types give None.
    """
    if question_type not in NUMBER_RANGES or number is None:
        return None
    low, high = NUMBER_RANGES[question_type]
    score = OUTCOME_SCALE_LOW + (number - low) * (OUTCOME_SCALE_HIGH - OUTCOME_SCALE_LOW) / (high - low)
    return OUTCOME_SCALE_LOW + OUTCOME_SCALE_HIGH - score if reverse_scored else score


def number_label(question_type, number):
    return str(dict(NUMBER_CHOICES.get(question_type, [])).get(number, "" if number is None else number))


def option_choices(question, language=None):
    return [(option["key"], localised(option["label"], language)) for option in question["options"]]


def answer_choices(question, language=None):
    """(value, label) for every possible answer, in the order the form shows them."""
    if question["type"] in NUMBER_CHOICES:
        return [(str(value), label) for value, label in NUMBER_CHOICES[question["type"]]]
    return option_choices(question, language)


class UnansweredRadioSelect(forms.RadioSelect):
    """Radio buttons with none ticked until the survivor ticks one (never pre-answered, rule 3).

    Django ticks the choice whose value is "" when a field has no value, which here is "Skip this
    question": that choice stays, to take back an answer, but is ticked only when chosen.
    """

    def format_value(self, value):
        return [] if value is None else super().format_value(value)


def form_field(question, language=None):
    """The form field for one question of a survey version. Every question may be skipped."""
    common = {
        "label": localised(question["text"], language),
        "help_text": localised(question["help"], language) if question["help"] else "",
        "required": False,
    }
    question_type = question["type"]
    if question_type == QuestionType.FREE_TEXT:
        return forms.CharField(
            max_length=settings.FEEDBACK_TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5}), **common
        )
    if question_type == QuestionType.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=option_choices(question, language), widget=forms.CheckboxSelectMultiple, **common
        )
    choices = [*answer_choices(question, language), (SKIP, _("Skip this question"))]
    if question_type in NUMBER_CHOICES:
        return forms.TypedChoiceField(
            choices=choices, coerce=int, empty_value=None, widget=UnansweredRadioSelect, **common
        )
    return forms.ChoiceField(choices=choices, widget=UnansweredRadioSelect, **common)
