"""Admin additions of the site itself."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction
from wagtail.users.views import bulk_actions as user_bulk_actions

from gsn_site.admin_scoping import on_visible_items


@hooks.register("insert_global_admin_js")
def image_upload_refusals():
    """Wagtail's upload scripts show a refused image's message, not a server error (gsn_site.image_uploads)."""
    return format_html('<script src="{}"></script>', static("gsn/js/admin-image-upload.js"))


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
