"""Wagtail's chooser widgets redraw whatever id a refused form sent back. An id that is not a number
(or too large for the database) made them fail with a server error instead of showing the form's
own "Select a valid choice" message; here such an id redraws as nothing chosen. Their "chosen" views
(`/admin/images/chooser/chosen/<id>/` and the like) failed the same way on an id in the URL; there it
is a 404, as for an id that names nothing."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError

from gsn_site.ids import parse_pk


def _get_instance_tolerating_malformed_ids(wagtail_get_instance):
    def get_instance(self, value):
        try:
            return wagtail_get_instance(self, value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None

    get_instance.wagtail_get_instance = wagtail_get_instance
    return get_instance


def _get_object_refusing_malformed_ids(wagtail_get_object):
    def get_object(self, pk):
        parsed = parse_pk(self.model_class, pk)
        if parsed is None:
            # The views answer ObjectDoesNotExist with their own 404.
            raise ObjectDoesNotExist
        return wagtail_get_object(self, parsed)

    get_object.wagtail_get_object = wagtail_get_object
    return get_object


def tolerate_malformed_chooser_values():
    from wagtail.admin.views.generic.chooser import ChosenViewMixin
    from wagtail.admin.widgets import BaseChooser

    if not hasattr(BaseChooser.get_instance, "wagtail_get_instance"):
        BaseChooser.get_instance = _get_instance_tolerating_malformed_ids(BaseChooser.get_instance)
    if not hasattr(ChosenViewMixin.get_object, "wagtail_get_object"):
        ChosenViewMixin.get_object = _get_object_refusing_malformed_ids(ChosenViewMixin.get_object)
