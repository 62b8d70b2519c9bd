from django.db import models
from django.utils.translation import gettext_lazy as _

# The six ASO domains. Their names are published by IJM; sub-domain wording is not shipped.
DOMAIN_NAMES = {
    "safety": _("Safety"),
    "legal_protection": _("Legal Protection"),
    "mental_wellbeing": _("Mental Wellbeing"),
    "economic_empowerment_education": _("Economic Empowerment and Education"),
    "social_support": _("Social Support"),
    "physical_wellbeing": _("Physical Wellbeing"),
}
DOMAIN_CODES = tuple(DOMAIN_NAMES)


class OutcomeDomain(models.Model):
    """One of the six ASO domains, shared by survey questions and assessments."""

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
