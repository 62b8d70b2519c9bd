"""Casework types of the network: what a program works on, and what a story is about."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseworkType(models.TextChoices):
    SEX_TRAFFICKING = "sex_trafficking", _("Sex trafficking")
    FORCED_LABOUR = "forced_labour", _("Forced labour")
    BONDED_LABOUR = "bonded_labour", _("Bonded labour")
    OSEC = "osec", _("Online sexual exploitation of children")
    VAWC = "vawc", _("Violence against women and children")
    POLICE_ABUSE = "police_abuse", _("Police abuse of power")
    PROPERTY_GRABBING = "property_grabbing", _("Property grabbing")
    OTHER = "other", _("Other")
