import os
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Site

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


class CurrentSiteSetting(BaseSiteSetting):
    """A site setting that code outside a request (reports, commands, tasks) can read too."""

    class Meta:
        abstract = True

    @classmethod
    def current(cls, request=None):
        """The settings for the request's site, else the default site's; the defaults when there is no site."""
        if request is not None:
            return cls.for_request(request)
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls()


def _privacy_min_cell():
    return settings.PRIVACY_MIN_CELL


@register_setting(icon="lock")
class PrivacySettings(CurrentSiteSetting):
    """The one minimum cell size that every released aggregate follows: feedback reports, outcome
    reports and the public Impact page alike (gsn_site.privacy)."""

    min_cell_size = models.PositiveSmallIntegerField(
        _("minimum cell size"),
        default=_privacy_min_cell,
        help_text=_(
            "Aggregates over fewer survivors than this are never shown. It cannot be set below the platform minimum."
        ),
    )

    panels = [FieldPanel("min_cell_size")]

    class Meta:
        verbose_name = _("privacy settings")

    def clean(self):
        super().clean()
        if self.min_cell_size is not None and self.min_cell_size < settings.PRIVACY_MIN_CELL:
            raise ValidationError(
                {
                    "min_cell_size": _("The minimum cell size cannot be below %(min)s.")
                    % {"min": settings.PRIVACY_MIN_CELL}
                }
            )

    @property
    def effective_min_cell(self):
        """Never below the platform's own minimum, whatever was stored."""
        return max(self.min_cell_size or 0, settings.PRIVACY_MIN_CELL)
