from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    """A list of choice codes stored as JSON (works on SQLite and PostgreSQL), edited as checkboxes."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        allowed = {code for code, _label in self.item_choices}
        unknown = [item for item in (value or []) if item not in allowed]
        if unknown:
            raise ValidationError(_("Unknown choice: %(value)s"), params={"value": ", ".join(map(str, unknown))})
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
