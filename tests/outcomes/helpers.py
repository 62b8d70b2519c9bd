"""Small factories for the outcome tests."""

import datetime
import itertools

from django.contrib.auth import get_user_model

from outcomes.case_refs import hash_case_ref
from outcomes.models import AsoAssessment, Occasion
from programs.models import Program
from programs.outcome_domains import DOMAIN_CODES
from tests.conftest import give_totp_authenticator

_numbers = itertools.count(1)


def make_program(code=None, **fields):
    code = code or f"test-program-{next(_numbers)}"
    defaults = {"name": f"Program {code}", "organisation": "Sample organisation", "country": "Kenya"}
    defaults.update(fields)
    return Program.objects.create(code=code, **defaults)


def make_staff(username=None, programs=(), **fields):
    user = get_user_model().objects.create_user(
        username=username or f"staff{next(_numbers)}", password="a-long-password-123", is_staff=True, **fields
    )
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for program in programs:
        program.staff.add(user)
    return give_totp_authenticator(user)


def assess(program, case_ref, assessed_on, occasion="intake", score=None, **scores):
    """An assessment; `score` fills every domain not given in `scores`."""
    values = {code: scores.get(code, score) for code in DOMAIN_CODES}
    return AsoAssessment.objects.create(
        program=program,
        case_hash=hash_case_ref(program.code, case_ref),
        assessed_on=datetime.date.fromisoformat(assessed_on),
        occasion=Occasion.from_code(occasion),
        **values,
    )
