"""What a malformed or too-large id gets, in one place: a 404 (or an invalid choice in a form),
never a database error. No id is wider than 64 bits; SQLite cannot even compare a wider number."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

ID_RANGE = range(-(2**63), 2**63)


def parse_id(raw):
    """The integer id `raw` names, or None for anything else (letters, signs of a float, 2**64)."""
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return value if value in ID_RANGE else None


def parse_pk(model, raw):
    """`raw` as a primary key of `model` (an integer or, say, a UUID), or None when it cannot be one."""
    field = model._meta.pk
    while field.is_relation:  # a page type's key is its link to wagtailcore.Page's integer id
        field = field.target_field
    if isinstance(field, models.IntegerField):
        return parse_id(raw)
    try:
        return field.to_python(raw)
    except (ValidationError, TypeError, ValueError):
        return None


def object_or_404(queryset, raw):
    """The object of `queryset` whose primary key is `raw`, or 404 for anything that is not one."""
    pk = parse_pk(queryset.model, raw)
    if pk is None:
        raise Http404
    return get_object_or_404(queryset, pk=pk)
