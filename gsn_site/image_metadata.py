"""Remove every piece of metadata (EXIF, GPS, XMP, IPTC, comments, ICC) from an uploaded image.

Wagtail keeps the original upload untouched and only re-encodes renditions, so a photo taken on a
phone would otherwise keep the place it was taken. We re-encode the pixels alone into a new file.
"""

import os
import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


# Pillow refuses to open (header only, before decoding) any image above twice this value. Every
# route that reads an image goes through Pillow, Wagtail's admin uploads included, so this one
# setting guards them all; Wagtail reports the refusal as "too many pixels".
Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 2


# Named as Wagtail's image field names its own figure, so that its admin forms can show this message.
TOO_MANY_PIXELS = _("This image has more than %(max_pixels_count)s pixels. Please choose a smaller photo.")


def declares_too_many_pixels(uploaded_file):
    """True when the image header declares more pixels than the site accepts.

    Only the header is read: nothing is decoded, whatever size the file claims. A file that is
    not an image is False here: the form field says so.
    """
    uploaded_file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # Not closed: closing would close the uploaded file too.
            Image.open(uploaded_file)
    except Image.DecompressionBombError:
        return True
    except OSError:
        return False
    finally:
        uploaded_file.seek(0)
    return False


NOT_A_PHOTO_FORMAT = _("Please choose a JPEG, PNG or WebP photo.")


def image_header(uploaded_file):
    """(format, width, height) read from the header alone, or None when Pillow cannot read one."""
    uploaded_file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # Not closed: closing would close the uploaded file too.
            image = Image.open(uploaded_file)
            return (image.format, *image.size)
    except (OSError, Image.DecompressionBombError):
        return None
    finally:
        uploaded_file.seek(0)


def refuse_unacceptable_photo(uploaded_file, max_pixels):
    """A member's photo: JPEG, PNG or WebP, at most `max_pixels`, judged from the header before decoding.

    Pillow's process-wide limit (above) stays behind this as the backstop for every other route.
    """
    refuse_too_many_pixels(uploaded_file)
    header = image_header(uploaded_file)
    if header is None:
        return  # not an image at all: the image field says so
    image_format, width, height = header
    if image_format not in SAVE_OPTIONS:
        raise ValidationError(NOT_A_PHOTO_FORMAT, code="invalid_image_format")
    if width * height > max_pixels:
        raise ValidationError(TOO_MANY_PIXELS, code="file_too_many_pixels", params={"max_pixels_count": max_pixels})


def refuse_too_many_pixels(uploaded_file):
    """Raise ValidationError when the image header declares more pixels than the site accepts."""
    if declares_too_many_pixels(uploaded_file):
        raise ValidationError(
            TOO_MANY_PIXELS,
            code="file_too_many_pixels",
            params={"max_pixels_count": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS},
        )


def strip_image_metadata(uploaded_file, filename):
    """Return a new in-memory file holding only the pixels of `uploaded_file`, upright."""
    refuse_too_many_pixels(uploaded_file)
    uploaded_file.seek(0)
    with Image.open(uploaded_file) as source:
        image_format = source.format if source.format in SAVE_OPTIONS else "PNG"
        # Apply the EXIF orientation to the pixels before the EXIF block is dropped.
        upright = ImageOps.exif_transpose(source)
        mode = upright.mode
        if image_format == "JPEG" and mode not in ("RGB", "L"):
            mode = "RGB"
        clean = Image.new(mode, upright.size)
        clean.paste(upright.convert(mode))
    output = BytesIO()
    clean.save(output, format=image_format, **SAVE_OPTIONS[image_format])
    size = output.tell()
    output.seek(0)
    # Named by what the file now is: a GIF re-encoded to PNG, or a JPEG uploaded as ".png", is not
    # served under a name that says otherwise.
    filename = os.path.splitext(filename)[0] + EXTENSIONS[image_format]
    return InMemoryUploadedFile(output, "file", filename, CONTENT_TYPES[image_format], size, charset=None)
