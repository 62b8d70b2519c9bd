"""Which language a page's content is shown in, and whether that is a fallback.

Content fields are translated with modeltranslation. When the visitor's language has no
translation, the page is shown in the language it was written in, and says so.
"""

from django.conf import settings
from django.db import models
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from gsn_site.context_processors import language_name_in_own_script


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

    # --- Preview: one mode per language --------------------------------------------------------

    @property
    def preview_modes(self):
        """Each configured language, named as its readers write it: the editor previews the page as a
        reader of that language will see it (with the "written in" note where it is not translated)."""
        return [(code, language_name_in_own_script(code)) for code, _name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return self.original_language if self.original_language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

    def make_preview_request(self, original_request=None, preview_mode=None, extra_request_attrs=None):
        if preview_mode is None:
            preview_mode = self.default_preview_mode
        if preview_mode not in dict(self.preview_modes):
            # Said in the editor's admin language, which is still active here.
            return HttpResponseBadRequest(
                gettext("There is no preview in this language."), content_type="text/plain; charset=utf-8"
            )
        return super().make_preview_request(original_request, preview_mode, extra_request_attrs)

    def serve_preview(self, request, mode_name):
        return self.serve_preview_in_language(request, mode_name, super().serve_preview)

    def serve_preview_in_language(self, request, mode_name, serve_preview):
        """`serve_preview(request, mode_name)` rendered in the mode's language, and never stored by a cache.

        A page class whose other base also defines serve_preview (RoutablePageMixin) calls this
        from its own serve_preview, so that its preview is in the chosen language too.
        """
        with translation.override(mode_name):
            request.LANGUAGE_CODE = mode_name
            response = serve_preview(request, mode_name)
            # Rendered now, in this language: Wagtail would render it after the language is restored.
            if callable(getattr(response, "render", None)):
                response.render()
        response.headers["Content-Language"] = mode_name
        # A draft is nobody's public page: gsn_site.page_cache never stores a private page.
        response.private_page = True
        return response
