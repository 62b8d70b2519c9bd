"""What every public form shares."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class HoneypotInput(forms.TextInput):
    """Never shows back what was typed: a person whose browser filled the field in sends an empty one next time."""

    def format_value(self, value):
        return None


class HoneypotMixin:
    """A field a person never sees (templates/includes/honeypot.html hides it); only bots fill it in.

    A filled-in field makes the form invalid, so nothing is saved and the form comes back with
    the same translated message on every public form.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False, widget=HoneypotInput(attrs={"tabindex": "-1", "autocomplete": "off"})
        )

    def clean(self):
        cleaned_data = super().clean()
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("This form could not be sent. Please try again."), code="honeypot")
        return cleaned_data
