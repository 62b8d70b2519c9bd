"""Releases: the only aggregates anyone sees, computed once for a closed period and never changed.

A `Release` holds the published tables of one program (or of the whole network) for one closed
calendar period, in one version (2 and up are correction releases). Its figures are cell-key
perturbed (reporting.ptable) and passed the automatic attacker (reporting.audit) together with
every other release of the same program before it was stored.

`FrozenCounts` holds the true counts behind them, admin-only: per month for feedback (quarters and
years are sums of frozen months, never of today's rows), per released period for assessments
(a survivor's first and latest assessment in a period do not add up across months). They are
deleted `RELEASE_TRUE_COUNTS_RETENTION_DAYS` after they were frozen; after that a period can no
longer be corrected.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .periods import PeriodKind, label_for


class ReleaseIsFrozen(ValueError):
    """A stored release or its frozen counts were about to change."""


class FrozenQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ReleaseIsFrozen("A stored release is never changed.")


class Release(models.Model):
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="releases",
        help_text=_("Empty for the whole network."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    min_cell = models.PositiveSmallIntegerField(_("minimum cell size"))
    # {source name: published tables}: what every surface shows.
    tables = models.JSONField(_("tables"), default=dict, editable=False)
    # {source name: {"units": {unit label: frozen version}, "levels": {...},
    #  "cells": {cell: [released value, [parts]]}, "facts": [...]}}: the released cells as the
    # attacker sees them (nothing here is secret: the parts are the public definition of each cell).
    cells = models.JSONField(_("released cells"), default=dict, editable=False)
    audit = models.JSONField(_("audit"), default=dict, editable=False)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        ordering = ["-start", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["program", "kind", "start", "version"], name="reporting_one_release")
        ]

    def __str__(self):
        scope = self.program.code if self.program_id else "network"
        return f"{scope} {self.label} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ReleaseIsFrozen("A stored release is never changed.")
        super().save(*args, **kwargs)

    @property
    def label(self):
        return label_for(self.kind, self.start)


class FrozenCounts(models.Model):
    """True counts and cell keys of one unit (a month of feedback, a period of assessments). Admin-only."""

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="+"
    )
    source = models.CharField(_("source"), max_length=20)
    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    # {cell: [true count, cell key]}
    counts = models.JSONField(editable=False)
    # What the cells are (questions, their options; true means of assessments).
    meta = models.JSONField(default=dict, editable=False)
    frozen_at = models.DateTimeField(_("frozen at"), auto_now_add=True)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = _("frozen true counts")
        verbose_name_plural = _("frozen true counts")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "source", "kind", "start", "version"], name="reporting_one_frozen_unit"
            )
        ]

    def __str__(self):
        return f"{self.source} {label_for(self.kind, self.start)} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ReleaseIsFrozen("Frozen counts are never changed.")
        super().save(*args, **kwargs)

    @property
    def label(self):
        return label_for(self.kind, self.start)

    @classmethod
    def purge_expired(cls, now=None):
        """Delete true counts older than the retention; returns how many went."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.RELEASE_TRUE_COUNTS_RETENTION_DAYS)
        deleted, _rows = cls.objects.filter(frozen_at__lt=cutoff).delete()
        return deleted
