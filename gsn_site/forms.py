"""What every public form shares."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gsn_site.ids import parse_id

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


class IdChoiceField(forms.ModelChoiceField):
    """A choice of a record by its numeric id: anything else, a number too long for the database
    included, is an invalid choice (a 400 with the form's message), never a database error."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = parse_id(value)
        if value is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


def choose_by_id(field):
    """Make a model choice field that a library built (a formset's id, Wagtail's chooser) refuse a
    malformed or too-long id as IdChoiceField does, instead of failing in the database."""
    if not isinstance(field, IdChoiceField):
        field.__class__ = type(f"IdChoice{type(field).__name__}", (IdChoiceField, type(field)), {})
    return field


class IdChoiceFilter(django_filters.ModelChoiceFilter):
    """A list filter choosing a record by id, refusing a malformed or too-long id as IdChoiceField does."""

    field_class = type("IdChoiceFilterField", (IdChoiceField, django_filters.fields.ModelChoiceField), {})


def error_summary(forms):
    """Each error of `forms` with the id of the field it belongs to, for the summary above a form."""
    summary = []
    for form in forms:
        for name, errors in form.errors.items():
            field = form[name] if name in form.fields else None
            for message in errors:
                summary.append(
                    {
                        "target": field.id_for_label if field else "",
                        "label": field.label if field else "",
                        "message": message,
                    }
                )
    return summary
