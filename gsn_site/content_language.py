"""Which language a page's content is shown in, and whether that is a fallback.

Content fields are translated with modeltranslation. When the visitor's language has no
translation, the page is shown in the language it was written in, and says so.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ContentLanguageMixin(models.Model):
    original_language = models.CharField(
        _("original language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language this content was first written in."),
    )

    # A translated field that is always filled in when a translation exists.
    translation_marker_field = "title"

    class Meta:
        abstract = True

    def has_translation(self, language_code):
        if language_code == self.original_language:
            return True
        return bool(getattr(self, f"{self.translation_marker_field}_{language_code}", ""))

    @property
    def content_language(self):
        """The language the content is shown in for the current request."""
        current = get_language() or settings.LANGUAGE_CODE
        return current if self.has_translation(current) else self.original_language

    @property
    def is_translation_fallback(self):
        return self.content_language != (get_language() or settings.LANGUAGE_CODE)
