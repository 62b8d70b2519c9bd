"""Wagtail's chooser widgets redraw whatever id a refused form sent back. An id that is not a number
(or too large for the database) made them fail with a server error instead of showing the form's
own "Select a valid choice" message; here such an id redraws as nothing chosen."""

from django.core.exceptions import ValidationError


def _get_instance_tolerating_malformed_ids(wagtail_get_instance):
    def get_instance(self, value):
        try:
            return wagtail_get_instance(self, value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None

    get_instance.wagtail_get_instance = wagtail_get_instance
    return get_instance


def tolerate_malformed_chooser_values():
    from wagtail.admin.widgets import BaseChooser

    if not hasattr(BaseChooser.get_instance, "wagtail_get_instance"):
        BaseChooser.get_instance = _get_instance_tolerating_malformed_ids(BaseChooser.get_instance)
