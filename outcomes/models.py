import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting

from gsn_site.models import CurrentSiteSetting
from gsn_site.sanitize import plain_text
from programs.outcome_domains import DOMAIN_NAMES
from reporting.keys import new_record_key


class OutcomeDomain(models.Model):
    """One of the six ASO domains, as assessments and sub-domain labels refer to them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("outcome domain")
        verbose_name_plural = _("outcome domains")

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        return DOMAIN_NAMES.get(self.code, self.code)


class Occasion(models.IntegerChoices):
    """When an assessment was made. The stored number is also the tie order on the same date."""

    INTAKE = 1, _("Intake")
    SIX_MONTH = 2, _("Six months")
    ANNUAL = 3, _("Annual")
    AD_HOC = 4, _("Ad hoc")
    CLOSURE = 5, _("Closure")

    @classmethod
    def from_code(cls, code):
        """The occasion for a file's code (`intake`, `six_month` …), or None."""
        return OCCASION_CODES.get(str(code or "").strip().lower())


OCCASION_CODES = {occasion.name.lower(): occasion for occasion in Occasion}


class AsoAssessment(models.Model):
    """One de-identified ASO assessment of one survivor (a keyed hash of the case reference, never the reference)."""

    # A record, not content: no usage screen lists assessments (see feedback's records).
    wagtail_reference_index_ignore = True

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="aso_assessments"
    )
    case_hash = models.CharField(_("case (keyed hash)"), max_length=64, editable=False)
    assessed_on = models.DateField(_("assessed on"))
    occasion = models.PositiveSmallIntegerField(_("occasion"), choices=Occasion.choices)
    # The cell key method's secret record key (reporting.ptable): never shown, never exported.
    record_key = models.PositiveSmallIntegerField(default=new_record_key, editable=False)
    # One column per domain, named by the domain code; empty when the domain was not assessed.
    safety = models.FloatField(_("Safety"), null=True, blank=True)
    legal_protection = models.FloatField(_("Legal Protection"), null=True, blank=True)
    mental_wellbeing = models.FloatField(_("Mental Wellbeing"), null=True, blank=True)
    economic_empowerment_education = models.FloatField(_("Economic Empowerment and Education"), null=True, blank=True)
    social_support = models.FloatField(_("Social Support"), null=True, blank=True)
    physical_wellbeing = models.FloatField(_("Physical Wellbeing"), null=True, blank=True)
    # Sub-domain scores by code ({"safety.1": 3, …}); their wording belongs to IJM and is not stored.
    subdomain_scores = models.JSONField(_("sub-domain scores"), default=dict, blank=True)

    class Meta:
        verbose_name = _("ASO assessment")
        verbose_name_plural = _("ASO assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "case_hash", "assessed_on", "occasion"], name="outcomes_one_assessment_per_occasion"
            )
        ]
        indexes = [models.Index(fields=["program", "assessed_on"], name="outcomes_program_date")]

    def __str__(self):
        return f"{self.program.code} {self.assessed_on} {self.get_occasion_display()}"


class SubdomainLabel(models.Model):
    """An organisation's own label for a sub-domain code such as `safety.1` (IJM's wording is not shipped)."""

    domain = models.ForeignKey(
        OutcomeDomain, verbose_name=_("domain"), on_delete=models.CASCADE, related_name="subdomain_labels"
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    label = models.CharField(_("label"), max_length=200)

    class Meta:
        ordering = ["domain__position", "number"]
        verbose_name = _("sub-domain label")
        verbose_name_plural = _("sub-domain labels")
        constraints = [models.UniqueConstraint(fields=["domain", "number"], name="outcomes_one_label_per_subdomain")]

    def __str__(self):
        return f"{self.code} {self.label}"

    def save(self, *args, **kwargs):
        self.label = plain_text(self.label)
        super().save(*args, **kwargs)

    @property
    def code(self):
        return f"{self.domain.code}.{self.number}"


@register_setting(icon="form")
class OutcomeSettings(CurrentSiteSetting):
    """The organisation's outcome rules. The ASO does not publish them; these are documented defaults."""

    restoration_threshold = models.DecimalField(
        _("restoration threshold"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("3.00"),
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("4"))],
        help_text=_("A survivor counts as restored when the latest overall score reaches this value (1-4)."),
    )
    measurable_improvement = models.DecimalField(
        _("measurable improvement"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("3"))],
        help_text=_("Change from first to latest score that counts as a measurable improvement."),
    )
    substantial_improvement = models.DecimalField(
        _("substantial improvement"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("3"))],
        help_text=_("Change from first to latest score that counts as a substantial improvement."),
    )
    panels = [
        FieldPanel("restoration_threshold"),
        FieldPanel("measurable_improvement"),
        FieldPanel("substantial_improvement"),
    ]

    class Meta:
        verbose_name = _("outcome settings")

    def clean(self):
        super().clean()
        if self.substantial_improvement is not None and self.measurable_improvement is not None:
            if self.substantial_improvement < self.measurable_improvement:
                raise ValidationError(
                    {"substantial_improvement": _("A substantial improvement cannot be smaller than a measurable one.")}
                )


class ImportBatch(models.Model):
    """An uploaded ASO file between its check and its import.

    The file itself is never kept: it is read from memory as it is checked, and only hashed rows
    (StagedAssessment) are stored, until the import, a cancellation or the expiry deletes them.
    Everything about the batch is in the database, so any node can show, confirm or import it.
    """

    class Status(models.TextChoices):
        CHECKING = "checking", _("Checking the file")
        INVALID = "invalid", _("The file has errors")
        READY = "ready", _("Ready to import")
        QUEUED = "queued", _("Waiting to be imported")
        IMPORTING = "importing", _("Importing")
        IMPORTED = "imported", _("Imported")
        FAILED = "failed", _("Not imported")
        CANCELLED = "cancelled", _("Cancelled")

    PENDING = (Status.CHECKING, Status.INVALID, Status.READY)
    FINISHED = (Status.IMPORTED, Status.FAILED, Status.CANCELLED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # A hash of the uploader's session: the preview, the import and the progress belong to it alone.
    session_hash = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CHECKING)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    progress_percent = models.PositiveSmallIntegerField(_("percent done"), null=True, blank=True)
    new = models.PositiveIntegerField(_("new"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    # [[row, column, message], …]: messages in English, translated when shown; never a cell's value.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    failure = models.CharField(_("why it was not imported"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("ASO import")
        verbose_name_plural = _("ASO imports")
        indexes = [models.Index(fields=["uploaded_by", "session_hash", "created_at"], name="outcomes_import_owner")]

    def __str__(self):
        return f"{self.get_status_display()} {self.created_at:%Y-%m-%d %H:%M}"


class StagedAssessment(models.Model):
    """One checked row of an ImportBatch: a keyed hash of the case reference, never the reference."""

    # A staged row, not content (see AsoAssessment).
    wagtail_reference_index_ignore = True

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="staged_rows")
    row_number = models.PositiveIntegerField()
    program = models.ForeignKey("programs.Program", on_delete=models.CASCADE, related_name="+")
    case_hash = models.CharField(max_length=64)
    assessed_on = models.DateField()
    occasion = models.PositiveSmallIntegerField(choices=Occasion.choices)
    scores = models.JSONField(default=dict)
    subdomain_scores = models.JSONField(default=dict)

    class Meta:
        indexes = [models.Index(fields=["batch", "row_number"], name="outcomes_staged_row")]

    def __str__(self):
        return f"row {self.row_number}"
