"""The six ASO domains: the words that survey questions (feedback) and assessments (outcomes) share.

A survey question names its domain by code, so feedback needs nothing from the outcomes app.
Their names are published by IJM; sub-domain wording is not shipped.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeDomainCode(models.TextChoices):
    SAFETY = "safety", _("Safety")
    LEGAL_PROTECTION = "legal_protection", _("Legal Protection")
    MENTAL_WELLBEING = "mental_wellbeing", _("Mental Wellbeing")
    ECONOMIC_EMPOWERMENT_EDUCATION = "economic_empowerment_education", _("Economic Empowerment and Education")
    SOCIAL_SUPPORT = "social_support", _("Social Support")
    PHYSICAL_WELLBEING = "physical_wellbeing", _("Physical Wellbeing")


DOMAIN_NAMES = dict(OutcomeDomainCode.choices)
DOMAIN_CODES = tuple(OutcomeDomainCode.values)
