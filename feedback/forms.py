from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from gsn_site.forms import HoneypotMixin, IdChoiceField
from programs.models import Program

from .models import Channel, FeedbackResponse
from .questions import form_field


class SurveyQuestionsForm(forms.Form):
    """The questions of one survey version. Field names are `q_<question key>`."""

    submission_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, version, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        for question in version.questions:
            self.fields[f"q_{question['key']}"] = form_field(question, language)

    def question_fields(self):
        return [self[f"q_{question['key']}"] for question in self.version.questions]

    def clean(self):
        """A response with no answer at all says nothing, yet it would count as one more response
        in every released figure: it is not stored."""
        cleaned_data = super().clean()
        answers = [cleaned_data.get(field.name) for field in self.question_fields()]
        if not self.errors and all(answer in (None, "", []) for answer in answers):
            raise ValidationError(
                _(
                    "No question has an answer, so nothing was sent. Answer at least one question, or leave this page if you do not want to send anything."
                ),
                code="nothing_answered",
            )
        return cleaned_data

    @property
    def nothing_answered(self):
        return self.has_error(NON_FIELD_ERRORS, "nothing_answered")

    def numbered_questions(self):
        """(number, total, field) for each question, so the page can say "Question 3 of 8" without JavaScript."""
        fields = self.question_fields()
        return [(number, len(fields), field) for number, field in enumerate(fields, start=1)]


class SurveyForm(HoneypotMixin, SurveyQuestionsForm):
    """The survey as survivors answer it on the site."""


class AssistedEntryForm(SurveyQuestionsForm):
    """Staff type in a paper response or one given with their help."""

    program = IdChoiceField(label=_("Program"), queryset=Program.objects.none())
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[(Channel.PAPER, Channel.PAPER.label), (Channel.ASSISTED, Channel.ASSISTED.label)]
    )
    language = forms.ChoiceField(
        label=_("Language the survivor answered in"), choices=FeedbackResponse._meta.get_field("language").choices
    )
    submitted_on = forms.DateField(label=_("Date on the form"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, programs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = programs


class WithdrawalForm(HoneypotMixin, forms.Form):
    receipt_code = forms.CharField(
        label=_("Your receipt code"),
        max_length=40,
        help_text=_("The code you were shown after sending your answers, for example 7K2M-Q9XD-4HTB."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class WithdrawalConfirmForm(WithdrawalForm):
    """The second step of withdrawal: the code travels in a hidden field, the button confirms."""

    confirm = forms.CharField(widget=forms.HiddenInput, initial="yes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receipt_code"].widget = forms.HiddenInput()
