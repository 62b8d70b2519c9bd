"""Wagtail's chooser widgets redraw whatever id a refused form sent back. An id that is not a number
(or too large for the database) made them fail with a server error instead of showing the form's
own "Select a valid choice" message; here such an id redraws as nothing chosen. Their "chosen" views
(`/admin/images/chooser/chosen/<id>/` and the like) failed the same way on an id in the URL; there it
is a 404, as for an id that names nothing; their "chosen multiple" views leave such ids out.

The page chooser's "chosen multiple" view answered the title of any page whose id was in the address,
members' drafts included, to anyone with admin access: it now names only pages the user may explore,
as the page chooser's listing does (stories.wagtail_hooks)."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError

from gsn_site.ids import parse_id, parse_pk


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


def _chosen_multiple_leaving_out_malformed_ids(wagtail_get):
    def get(self, request, *args, **kwargs):
        ids = [pk for pk in (parse_pk(self.model_class, raw) for raw in request.GET.getlist("id")) if pk is not None]
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in ids])
        return wagtail_get(self, request, *args, **kwargs)

    get.wagtail_get = wagtail_get
    return get


def _chosen_pages_the_user_may_explore(wagtail_get):
    def get(self, request):
        from wagtail.permission_policies.pages import PagePermissionPolicy

        ids = [pk for pk in (parse_id(raw) for raw in request.GET.getlist("id")) if pk is not None]
        explorable = PagePermissionPolicy().explorable_instances(request.user).filter(pk__in=ids)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in explorable.values_list("pk", flat=True)])
        return wagtail_get(self, request)

    get.wagtail_get = wagtail_get
    return get


def tolerate_malformed_chooser_values():
    from wagtail.admin.views.chooser import ChosenMultipleView as PageChosenMultipleView
    from wagtail.admin.views.generic.chooser import ChosenMultipleViewMixin, ChosenViewMixin
    from wagtail.admin.widgets import BaseChooser

    if not hasattr(BaseChooser.get_instance, "wagtail_get_instance"):
        BaseChooser.get_instance = _get_instance_tolerating_malformed_ids(BaseChooser.get_instance)
    if not hasattr(ChosenViewMixin.get_object, "wagtail_get_object"):
        ChosenViewMixin.get_object = _get_object_refusing_malformed_ids(ChosenViewMixin.get_object)
    if not hasattr(ChosenMultipleViewMixin.get, "wagtail_get"):
        ChosenMultipleViewMixin.get = _chosen_multiple_leaving_out_malformed_ids(ChosenMultipleViewMixin.get)
    if not hasattr(PageChosenMultipleView.get, "wagtail_get"):
        PageChosenMultipleView.get = _chosen_pages_the_user_may_explore(PageChosenMultipleView.get)
