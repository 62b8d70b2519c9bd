from django.conf import settings
from django.contrib import admin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.search import index

from gsn_site.fields import MultipleChoiceField
from gsn_site.lists import list_text

from .casework import CaseworkType

# The one permission that lifts program scoping: administrators and the network's reviewers hold it.
VIEW_ALL_PROGRAMS = "programs.view_all_programs"


def sees_every_program(user):
    """The network's reviewers (and administrators) see every program; program staff only their own."""
    return user.is_superuser or user.has_perm(VIEW_ALL_PROGRAMS)


class ProgramQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def with_keyword(self, keyword):
        """The active program whose text-message keyword is `keyword`, in any case; None if there is none."""
        keyword = (keyword or "").strip()
        if not keyword:
            return None
        return self.active().filter(keyword=keyword.upper()).first()

    def visible_to(self, user):
        """Programs whose data `user` may see: all for reviewers and administrators, their own for staff."""
        if sees_every_program(user):
            return self
        if not user.is_authenticated:
            return self.none()
        # By id rather than through the staff relation, so that search backends can filter on it.
        return self.filter(pk__in=list(user.staffed_programs.values_list("pk", flat=True)))


class Program(index.Indexed, ClusterableModel):
    """An aftercare program: who runs it, who on its staff may see its data, and what it agrees to share.

    Feedback and outcomes hang their own records on a program; the program knows neither of them.
    """

    code = models.SlugField(
        _("code"),
        max_length=32,
        unique=True,
        help_text=_("Short code used in the feedback link, e.g. ke-nairobi-aftercare."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    casework_types = MultipleChoiceField(_("casework types"), item_choices=CaseworkType.choices)
    active = models.BooleanField(_("active"), default=True)
    keyword = models.CharField(
        _("text-message keyword"),
        max_length=20,
        blank=True,
        help_text=_(
            "The word survivors text to start this program's survey by SMS, e.g. SAUTI. Letters and digits only; the same word in capitals or small letters is the same keyword. Leave empty for no text-message survey."
        ),
        validators=[RegexValidator(r"^[^\W_]+$", _("Use letters and digits only, without spaces."))],
    )
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
        _("show on the public Impact page"),
        default=False,
        help_text=_("Only aggregates above the minimum cell size are shown."),
    )
    is_sample = models.BooleanField(_("sample content"), default=False, help_text=_("Fictional demo program."))
    helpline = models.CharField(
        _("helpline"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where survivors of this program can find someone to talk to, e.g. a helpline name and number. Shown on the survey only when set; keep it current."
        ),
    )

    objects = ProgramQuerySet.as_manager()

    # The filters let a chooser search within the programs a user may see (`visible_to`, `active`).
    search_fields = [
        index.SearchField("name"),
        index.SearchField("code"),
        index.AutocompleteField("name"),
        index.FilterField("id"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        permissions = [("view_all_programs", _("Can see every program's feedback and reports"))]
        constraints = [
            # Case-insensitive: a phone keyboard capitalises the first letter or not.
            models.UniqueConstraint(
                Upper("keyword"),
                condition=~models.Q(keyword=""),
                name="programs_unique_keyword_any_case",
                violation_error_message=_("Another program already uses this keyword."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs):
        self.keyword = self.keyword.strip().upper()
        super().save(*args, **kwargs)

    # The fields a reader sees in their language; English is required, the other languages optional.
    translated_fields = ("name", "organisation", "description", "helpline")

    def missing_languages(self):
        """The codes of the languages in which a field filled in English is still empty, in the
        order of settings.LANGUAGES: where survivors would read this program in English instead."""
        filled = [field for field in self.translated_fields if getattr(self, f"{field}_en", "")]
        return [
            code
            for code, _name in settings.LANGUAGES
            if code != "en" and any(not getattr(self, f"{field}_{code}", "") for field in filled)
        ]

    @admin.display(description=_("languages missing"))
    def missing_languages_text(self):
        """For staff: the languages to translate this program into, named in the admin's language."""
        missing = self.missing_languages()
        if not missing:
            return gettext("none")
        return list_text(get_language_info(code)["name_translated"] for code in missing)

    def may_read_free_text(self, user):
        """Whether `user` may ever read what this program's survivors wrote in their own words."""
        return sees_every_program(user) or self.staff_may_read_free_text
