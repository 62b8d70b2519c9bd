"""Remove every piece of metadata (EXIF, GPS, XMP, IPTC, comments, ICC) from an uploaded image.

Wagtail keeps the original upload untouched and only re-encodes renditions, so a photo taken on a
phone would otherwise keep the place it was taken. We re-encode the pixels alone into a new file.
"""

from io import BytesIO

from django.core.files.uploadedfile import InMemoryUploadedFile
from PIL import Image, ImageOps

SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def strip_image_metadata(uploaded_file, filename):
    """Return a new in-memory file holding only the pixels of `uploaded_file`, upright."""
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
    return InMemoryUploadedFile(
        output, "file", filename, CONTENT_TYPES[image_format], size, charset=None
    )
