from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gsn_site.forms import HoneypotMixin
from gsn_site.image_metadata import refuse_unacceptable_photo
from gsn_site.sanitize import plain_text
from programs.casework import CaseworkType

from .models import ReportReason, StoryConsent, StoryTheme

MAX_IMAGE_BYTES = 5 * 1024 * 1024


class PhotoField(forms.ImageField):
    """A member's photo: JPEG, PNG or WebP of at most MEMBER_PHOTO_MAX_PIXELS, judged from the file's
    header before anything else (a file of a few hundred bytes can declare 36 million pixels)."""

    def to_python(self, data):
        if data and hasattr(data, "seek"):
            refuse_unacceptable_photo(data, settings.MEMBER_PHOTO_MAX_PIXELS)
        return super().to_python(data)


class ConsentForm(forms.ModelForm):
    class Meta:
        model = StoryConsent
        fields = ["publish", "translate", "quote", "images", "expires_on"]
        widgets = {"expires_on": forms.DateInput(attrs={"type": "date"})}
        labels = {"quote": StoryConsent.QUOTE_LABEL}
        help_texts = {
            "publish": _("Without this, the story is never shown on the site."),
            "translate": _("Volunteers may translate your story. Withdraw this to show only your own words."),
            "expires_on": _("After this date the story is taken down. Leave empty to decide later."),
        }


class StoryForm(HoneypotMixin, forms.Form):
    """What a member writes. Every text field is reduced to plain text; paragraphs are kept."""

    title = forms.CharField(label=_("Title"), max_length=120)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences shown in the list of stories."),
    )
    body = forms.CharField(
        label=_("Your story"),
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Leave an empty line between paragraphs. Do not include names, places or dates that could identify anyone."
        ),
    )
    original_language = forms.ChoiceField(label=_("Language of your story"), choices=settings.LANGUAGES)
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=StoryTheme.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    casework_type = forms.ChoiceField(
        label=_("Casework type"), choices=[("", _("Not stated"))] + list(CaseworkType.choices), required=False
    )
    country = forms.CharField(
        label=_("Country"), max_length=100, required=False, help_text=_("Country only, never a town.")
    )
    content_notes = forms.CharField(
        label=_("Content notes"),
        max_length=300,
        required=False,
        help_text=_("Tell readers what to expect, for example: violence, abuse of a child."),
    )
    image = PhotoField(
        label=_("Image"),
        required=False,
        help_text=_("Optional. Location and camera details are removed from the file."),
    )
    image_caption = forms.CharField(label=_("Image caption"), max_length=250, required=False)

    PLAIN_FIELDS = ("title", "summary", "country", "content_notes", "image_caption")

    def __init__(self, *args, current_image=None, **kwargs):
        super().__init__(*args, **kwargs)
        if current_image is not None:
            self.fields["image"].label = _("Replace the image")
            self.fields["remove_image"] = forms.BooleanField(label=_("Remove the current image"), required=False)
            order = [name for name in self.fields if name != "remove_image"]
            order.insert(order.index("image") + 1, "remove_image")
            self.order_fields(order)

    def clean(self):
        cleaned = super().clean()
        for name in self.PLAIN_FIELDS:
            if name in cleaned:
                cleaned[name] = plain_text(cleaned[name])
        if "title" in cleaned and not cleaned["title"]:
            self.add_error("title", _("Please give your story a title."))
        if "body" in cleaned and not plain_text(cleaned["body"]):
            self.add_error("body", _("Please write your story."))
        image = cleaned.get("image")
        if image and image.size > MAX_IMAGE_BYTES:
            self.add_error("image", _("The image is too large (5 MB at most)."))
        return cleaned


class StoryConsentFields(forms.Form):
    """The consent questions asked with a new story."""

    consent_publish = forms.BooleanField(
        label=_("I agree that this story is published on this site under my pseudonym."),
        required=True,
        error_messages={
            "required": _(
                "Tick this box to have your story published on this site. Without it the story cannot be sent."
            )
        },
    )
    consent_translate = forms.BooleanField(
        label=_("I agree that it is translated into other languages."), required=False
    )
    consent_quote = forms.BooleanField(
        label=_(
            "I agree that International Justice Mission (IJM) and the Global Survivor Network (GSN) quote it in "
            "their materials."
        ),
        required=False,
    )
    consent_images = forms.BooleanField(label=_("I agree that my image is used with it."), required=False)

    def consent_values(self):
        return {scope: self.cleaned_data[f"consent_{scope}"] for scope in StoryConsent.SCOPES}


class StoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search stories"), max_length=200, required=False)
    theme = forms.ChoiceField(
        label=_("Theme"), choices=[("", _("All themes"))] + list(StoryTheme.choices), required=False
    )
    casework_type = forms.ChoiceField(
        label=_("Casework type"), choices=[("", _("All casework types"))] + list(CaseworkType.choices), required=False
    )
    country = forms.CharField(label=_("Country"), max_length=100, required=False)
    my_language = forms.BooleanField(label=_("Only stories available in my language"), required=False)

    def clean_q(self):
        return plain_text(self.cleaned_data["q"])

    def clean_country(self):
        return plain_text(self.cleaned_data["country"])


class ContentReportForm(HoneypotMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this story?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything else moderators should know"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Please do not include your name or contact details."),
    )


class AuthorNoteForm(forms.Form):
    note = forms.CharField(label=_("Note to the author"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000)
