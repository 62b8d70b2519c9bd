"""Rotating CASE_REF_KEY: a case already stored under the old key keeps linking its assessments."""

import hashlib
import hmac

import pytest

from outcomes.models import AsoAssessment

from .helpers import make_program
from .test_importer import csv_file, run

pytestmark = pytest.mark.django_db

OLD_KEY = "old-case-ref-key-0123456789abcdefghij"
NEW_KEY = "new-case-ref-key-9876543210zyxwvutsrq"
INTAKE = "ke-test,CASE-1,2024-01-05,intake,2,2,2,2,2,2"
SIX_MONTHS = "ke-test,CASE-1,2024-07-05,six_month,3,3,3,3,3,3"


def under(key, reference):
    return hmac.new(key.encode(), f"ke-test\x1f{reference}".encode(), hashlib.sha256).hexdigest()


@pytest.fixture
def program(settings):
    settings.CASE_REF_KEY, settings.CASE_REF_KEY_FALLBACKS = OLD_KEY, []
    return make_program("ke-test")


def rotate(settings, fallbacks):
    settings.CASE_REF_KEY, settings.CASE_REF_KEY_FALLBACKS = NEW_KEY, fallbacks


def test_a_known_case_keeps_its_series_after_the_key_is_rotated(program, settings):
    assert run(csv_file(INTAKE)).new == 1
    rotate(settings, [OLD_KEY])

    result = run(csv_file(INTAKE, SIX_MONTHS))

    assert (result.new, result.updated, result.unchanged) == (1, 0, 1)
    assert list(AsoAssessment.objects.order_by("assessed_on").values_list("case_hash", flat=True)) == [
        under(OLD_KEY, "CASE-1"),
        under(OLD_KEY, "CASE-1"),
    ]


def test_a_case_first_seen_after_the_rotation_is_stored_under_the_new_key(program, settings):
    run(csv_file(INTAKE))
    rotate(settings, [OLD_KEY])
    run(csv_file("ke-test,CASE-2,2024-01-05,intake,2,2,2,2,2,2"))
    assert AsoAssessment.objects.filter(case_hash=under(NEW_KEY, "CASE-2")).count() == 1


def test_without_the_old_key_among_the_fallbacks_the_case_starts_a_new_series(program, settings):
    run(csv_file(INTAKE))
    rotate(settings, [])
    result = run(csv_file(INTAKE, SIX_MONTHS))
    assert (result.new, result.unchanged) == (2, 0)
    assert set(AsoAssessment.objects.values_list("case_hash", flat=True)) == {
        under(OLD_KEY, "CASE-1"),
        under(NEW_KEY, "CASE-1"),
    }


def test_a_hash_made_with_an_unknown_key_is_never_linked(program, settings):
    AsoAssessment.objects.create(
        program=program,
        case_hash=under("someone-elses-key-0123456789abcdef", "CASE-1"),
        assessed_on="2024-01-05",
        occasion=1,
    )
    rotate(settings, [OLD_KEY])
    run(csv_file(SIX_MONTHS))
    assert AsoAssessment.objects.filter(case_hash=under(NEW_KEY, "CASE-1")).count() == 1
