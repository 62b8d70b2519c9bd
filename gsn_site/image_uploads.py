"""Wagtail admin image uploads: an image with too many pixels is refused with 400 and the site's message.

Wagtail's image field already refuses such a file before decoding it: it asks Willow for the size,
which opens the file with Pillow, and Pillow reads only the header and raises DecompressionBombError
above the site's limit (gsn_site.image_metadata). Its views then answer 200 with the form (or JSON
for the multiple upload and the chooser). Here the form shows the site's translated message, and
the answer becomes 400, as every refused form of the site answers: on the add and edit pages, the
multiple upload and the chooser's upload alike.
"""

from wagtail.images.forms import BaseImageForm

from .image_metadata import TOO_MANY_PIXELS, declares_too_many_pixels

# Every admin image view; only those that take a file ever carry one.
IMAGE_ADMIN_NAMESPACES = ("wagtailimages", "wagtailimages_chooser")


class SiteImageForm(BaseImageForm):
    """The base of every admin image form (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages["file_too_many_pixels"] = TOO_MANY_PIXELS


class RefuseTooManyPixelsMiddleware:
    """Answer 400 instead of 200 when an admin image upload carried an image with too many pixels."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "image_has_too_many_pixels", False) and response.status_code == 200:
            response.status_code = 400
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method == "POST" and request.resolver_match.namespace in IMAGE_ADMIN_NAMESPACES:
            request.image_has_too_many_pixels = any(
                declares_too_many_pixels(upload) for name in request.FILES for upload in request.FILES.getlist(name)
            )
