"""Admin additions of the site itself."""

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponseBadRequest
from django.templatetags.static import static
from django.urls import re_path
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.models import Page
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction
from wagtail.users.views import bulk_actions as user_bulk_actions
from wagtail_modeltranslation.wagtail_hooks import return_translation_target_field_rendered_html

from gsn_site.admin_scoping import on_visible_items
from gsn_site.ids import object_or_404


@hooks.register("insert_global_admin_css")
def accessible_admin_styles():
    """Contrast and target sizes where Wagtail's or a library's styles fall short (gsn/css/admin.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("gsn/css/admin.css"))


@hooks.register("insert_global_admin_js")
def rich_text_boxes_named_by_their_labels():
    return format_html('<script src="{}"></script>', static("gsn/js/admin-rich-text-names.js"))


@hooks.register("insert_global_admin_js")
def folded_minimap_scrolls_by_keyboard():
    return format_html('<script src="{}"></script>', static("gsn/js/admin-minimap-focus.js"))


@hooks.register("insert_global_admin_js")
def image_upload_refusals():
    """Wagtail's upload scripts show a refused image's message, not a server error (gsn_site.image_uploads)."""
    return format_html('<script src="{}"></script>', static("gsn/js/admin-image-upload.js"))


# After wagtail-modeltranslation's language buttons (its hooks register first, and this order is later).
@hooks.register("insert_editor_js", order=100)
def editor_opens_on_the_pages_own_language():
    """The editor shows the fields of the page's original language first (a Swahili story in Swahili)."""
    return format_html('<script src="{}"></script>', static("gsn/js/admin-own-language.js"))


# Wagtail's own bulk actions, replaced (registered after Wagtail's, so the registry keeps these) by
# the same actions naming only the items the user may see (gsn_site.admin_scoping).
for action_class in [
    page_bulk_actions.DeleteBulkAction,
    page_bulk_actions.MoveBulkAction,
    page_bulk_actions.PublishBulkAction,
    page_bulk_actions.UnpublishBulkAction,
    SnippetDeleteBulkAction,
    user_bulk_actions.AssignRoleBulkAction,
    user_bulk_actions.DeleteBulkAction,
    user_bulk_actions.SetActiveStateBulkAction,
    image_bulk_actions.AddTagsBulkAction,
    image_bulk_actions.AddToCollectionBulkAction,
    image_bulk_actions.DeleteBulkAction,
    document_bulk_actions.AddTagsBulkAction,
    document_bulk_actions.AddToCollectionBulkAction,
    document_bulk_actions.DeleteBulkAction,
]:
    hooks.register("register_bulk_action", on_visible_items(action_class), order=100)


@require_POST
def copy_translation_content(request, page_id):
    """wagtail-modeltranslation's "copy to another language" call for a page's StreamField, kept to what
    its editor sends: a POST with the CSRF token, from someone who may edit that page. Its own view takes
    any request from anyone with admin access, without the token, and fails with a server error on a
    GET or on a page that does not exist."""
    page = object_or_404(Page.objects.all(), page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.headers.get("X-Requested-With") != "XMLHttpRequest":
        raise PermissionDenied
    try:
        return return_translation_target_field_rendered_html.__wrapped__(request, page_id)
    except (FieldDoesNotExist, AttributeError, KeyError, TypeError, ValueError):
        # A field name or serialised field its editor would not send.
        return HttpResponseBadRequest()


@hooks.register("register_admin_urls", order=-100)
def translation_copy_url():
    # Registered before wagtail-modeltranslation's own pattern, so that this one answers.
    return [
        re_path(r"pages/(?P<page_id>\d+)/edit/copy_translation_content/$", copy_translation_content),
    ]
