"""Admin additions of the site itself."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def image_upload_refusals():
    """Wagtail's upload scripts show a refused image's message, not a server error (gsn_site.image_uploads)."""
    return format_html('<script src="{}"></script>', static("gsn/js/admin-image-upload.js"))
