import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from gsn_site.forms import HoneypotMixin
from gsn_site.pages import SitePage
from gsn_site.ratelimits import address_limit_exceeded
from gsn_site.sanitize import plain_text, redact_personal_data

from .blocks import RICH_TEXT_FEATURES, StandardBodyBlock

HOME_PAGE_CONTEXT_HOOK = "home_page_context"


class HomePage(SitePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    feedback_heading = models.CharField(_("feedback heading"), max_length=120, blank=True)
    feedback_text = models.TextField(_("feedback invitation"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("feedback_heading"), FieldPanel("feedback_text")], heading=_("Call to share feedback")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sections are looked up only when the template renders them: it keeps them as one
        # cached fragment, so a home page whose fragment is warm reads none of these lists.
        network = SimpleLazyObject(lambda: NetworkIndexPage.objects.live().public().descendant_of(self).first())
        context["network_page"] = network
        context["chapters"] = SimpleLazyObject(
            lambda: (
                list(ChapterPage.objects.live().public().child_of(network).select_related("photo")[:8])
                if network
                else []
            )
        )
        # Which stories may be shown changes with the day (a consent that expires), not only with a
        # publication: the fragment is kept per day.
        context["today"] = timezone.localdate()
        # Other apps add their sections (featured stories) through this hook, so that the home page
        # needs no import of them; what they add should be lazy too.
        for add_context in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            context.update(add_context(self, request))
        return context


class StandardPage(SitePage):
    """About, safety information, statement of principles."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(StandardBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class NetworkIndexPage(SitePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["home.ChapterPage"]
    max_count = 1

    class Meta:
        verbose_name = _("network index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = ChapterPage.objects.live().public().child_of(self).select_related("photo")
        return context


class ChapterContactForm(HoneypotMixin, forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Staff of this chapter will read it. Do not include anything you would not want them to see."),
    )
    reply_to = forms.CharField(
        label=_("How can we reply? (optional)"),
        max_length=200,
        required=False,
        help_text=_("A phone number, an email address or a safe time to call. Leave empty to stay anonymous."),
    )


class ChapterPage(SitePage):
    country = models.CharField(_("country"), max_length=100)
    region = models.CharField(_("region"), max_length=100, blank=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("Languages the chapter works in.")
    )
    founded = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    focus_areas = models.CharField(_("focus areas"), max_length=300, blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_sample = models.BooleanField(
        _("sample content"), default=False, help_text=_("Shown with a notice that this chapter is fictional.")
    )
    staff_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("chapter staff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Members of this group read and delete the messages sent through this chapter's contact form."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("region"),
                FieldPanel("languages"),
                FieldPanel("founded"),
                FieldPanel("focus_areas"),
            ],
            heading=_("About the chapter"),
        ),
        FieldPanel("description"),
        FieldPanel("photo"),
        FieldPanel("is_sample"),
    ]
    settings_panels = SitePage.settings_panels + [FieldPanel("staff_group")]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("country"),
        index.FilterField("country"),
    ]
    parent_page_types = ["home.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("chapter page")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = ChapterContactForm(request.POST)
            if address_limit_exceeded(request, "chapter-message", settings.CHAPTER_MESSAGES_PER_HOUR):
                form.add_error(
                    None,
                    _(
                        "Several messages have been sent from here in a short time, so yours was not sent yet. It is still below: please try again in an hour."
                    ),
                )
                context = self.get_context(request, *args, **kwargs)
                context["contact_form"] = form
                return TemplateResponse(request, self.get_template(request), context, status=429)
            if form.is_valid():
                ChapterMessage.objects.create(
                    chapter=self,
                    message=plain_text(form.cleaned_data["message"]),
                    reply_to=plain_text(form.cleaned_data["reply_to"]),
                )
                return redirect(f"{self.url}?sent=1#contact")
            context = self.get_context(request, *args, **kwargs)
            context["contact_form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=400)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("contact_form", ChapterContactForm())
        context["contact_sent"] = request.GET.get("sent") == "1"
        return context


class ChapterMessageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Messages of the chapters whose staff group `user` is in; every message for administrators."""
        if user.is_superuser:
            return self
        return self.filter(chapter__staff_group__in=user.groups.all())

    def purge(self, today=None):
        """Apply the retention rule. Returns (redacted, deleted).

        After CHAPTER_MESSAGE_REDACT_DAYS a message has had its answer: the reply details go and
        the text keeps only what the feedback redaction rule keeps. After CHAPTER_MESSAGE_DELETE_DAYS
        it is deleted.
        """
        today = today or datetime.date.today()
        deleted, _details = self.filter(
            received_on__lte=today - datetime.timedelta(days=settings.CHAPTER_MESSAGE_DELETE_DAYS)
        ).delete()
        redacted = 0
        for message in self.filter(
            redacted=False, received_on__lte=today - datetime.timedelta(days=settings.CHAPTER_MESSAGE_REDACT_DAYS)
        ):
            message.message = redact_personal_data(message.message)
            message.reply_to = ""
            message.redacted = True
            message.save(update_fields=["message", "reply_to", "redacted"])
            redacted += 1
        return redacted, deleted


class ChapterMessage(models.Model):
    """A message sent through a chapter page: the chapter's staff read it in the admin; no address is exposed."""

    chapter = models.ForeignKey(
        ChapterPage, on_delete=models.CASCADE, related_name="messages", verbose_name=_("chapter")
    )
    message = models.TextField(_("message"))
    reply_to = models.CharField(_("reply to"), max_length=200, blank=True)
    received_on = models.DateField(_("received on"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)
    redacted = models.BooleanField(_("redacted"), default=False, editable=False)

    objects = ChapterMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("chapter message")
        verbose_name_plural = _("chapter messages")
        ordering = ["handled", "-received_on", "-pk"]

    def __str__(self):
        return f"{self.chapter} · {self.received_on}"


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    quick_exit_url = models.URLField(
        _("quick exit target"),
        default="https://www.bbc.com/weather",
        help_text=_("A neutral site that the quick exit button opens."),
    )
    safety_notice = models.TextField(
        _("safety notice"),
        blank=True,
        help_text=_("Shown at the top of every public page."),
    )
    footer_text = models.TextField(_("footer text"), blank=True)

    panels = [FieldPanel("quick_exit_url"), FieldPanel("safety_notice"), FieldPanel("footer_text")]

    class Meta:
        verbose_name = _("safety and footer")
