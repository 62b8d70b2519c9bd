from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from gsn_site.casework import CaseworkType
from gsn_site.fields import MultipleChoiceField


class ProgramQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def visible_to(self, user):
        """Programs whose data `user` may see: all for administrators, their own for program staff."""
        if user.is_superuser or user.has_perm("feedback.view_all_programs"):
            return self
        return self.filter(staff=user)


class Program(index.Indexed, models.Model):
    """An aftercare program that survivors give feedback on."""

    code = models.SlugField(
        _("code"), max_length=32, unique=True, help_text=_("Short code used in the feedback link, e.g. ke-nairobi-aftercare.")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    casework_types = MultipleChoiceField(_("casework types"), item_choices=CaseworkType.choices)
    active = models.BooleanField(_("active"), default=True)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("program staff"),
        blank=True,
        related_name="staffed_programs",
        help_text=_("Staff who may see this program's feedback and reports."),
    )
    staff_may_read_free_text = models.BooleanField(
        _("program staff may read free-text answers"),
        default=False,
        help_text=_("Only an administrator may allow this."),
    )
    publish_impact = models.BooleanField(
        _("show on the public Impact page"), default=False, help_text=_("Only aggregates above the minimum cell size are shown.")
    )

    objects = ProgramQuerySet.as_manager()

    panels = [
        MultiFieldPanel([FieldPanel("code"), FieldPanel("name"), FieldPanel("description")], heading=_("Program")),
        MultiFieldPanel([FieldPanel("organisation"), FieldPanel("country"), FieldPanel("casework_types"), FieldPanel("active")], heading=_("Details")),
        MultiFieldPanel([FieldPanel("staff"), FieldPanel("staff_may_read_free_text"), FieldPanel("publish_impact")], heading=_("Access")),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("code"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        permissions = [("view_all_programs", _("Can see every program's feedback and reports"))]

    def __str__(self):
        return f"{self.name} ({self.code})"
