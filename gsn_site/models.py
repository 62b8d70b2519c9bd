import os
import secrets

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .image_metadata import strip_image_metadata


def random_file_name(folder, filename):
    """A name that says nothing: a file called after a person must not publish their name in its URL."""
    extension = os.path.splitext(filename)[1].lower()
    return os.path.join(folder, secrets.token_urlsafe(16) + extension)


class SiteImage(AbstractImage):
    """The site's image model: the stored original never carries metadata (GPS, EXIF, XMP), and
    neither the original nor any rendition keeps the name the file was uploaded with."""

    admin_form_fields = Image.admin_form_fields

    def get_upload_to(self, filename):
        return random_file_name("original_images", filename)

    def delete_files(self):
        """Delete the stored original and every rendition now, not after the next background task."""
        for rendition in self.renditions.all():
            rendition.file.delete(save=False)
            rendition.delete()
        self.file.delete(save=False)

    def move_out_of_reach(self):
        """Every URL this image had stops working at once: renditions are deleted, the original renamed."""
        for rendition in self.renditions.all():
            rendition.file.delete(save=False)
            rendition.delete()
        storage = self.file.storage
        old_name = self.file.name
        with storage.open(old_name) as original:
            new_name = storage.save(self.get_upload_to(old_name), original)
        storage.delete(old_name)
        type(self).objects.filter(pk=self.pk).update(file=new_name)
        self.file.name = new_name

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            filename = os.path.basename(self.file.name)
            self.file = strip_image_metadata(self.file.file, filename)
            self._set_image_file_metadata()
        super().save(*args, **kwargs)


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    def get_upload_to(self, filename):
        return random_file_name("images", filename)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
