"""The six ASO domains: the words that survey questions (feedback) and assessments (outcomes) share.

A survey question names its domain by code, so feedback needs nothing from the outcomes app.
Their names are published by IJM; sub-domain wording is not shipped.
"""

from django.db import models
from django.db.models import Case, IntegerField, Value, When
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


def domain_position(field):
    """An expression for ordering rows by the ASO's own order of the domain code in `field`."""
    return Case(
        *(When(**{field: code}, then=Value(position)) for position, code in enumerate(DOMAIN_CODES)),
        default=Value(len(DOMAIN_CODES)),
        output_field=IntegerField(),
    )
