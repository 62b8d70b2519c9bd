import os

from django.db import models

from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .image_metadata import strip_image_metadata


class SiteImage(AbstractImage):
    """The site's image model: the stored original never carries metadata (GPS, EXIF, XMP)."""

    admin_form_fields = Image.admin_form_fields

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            filename = os.path.basename(self.file.name)
            self.file = strip_image_metadata(self.file.file, filename)
            self._set_image_file_metadata()
        super().save(*args, **kwargs)


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
