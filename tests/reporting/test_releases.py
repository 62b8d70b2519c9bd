"""Releases are built once a period's answers can no longer be withdrawn, stored, and never changed."""

import datetime

import pytest

from reporting.models import FrozenCounts, Release, ReleaseIsFrozen
from reporting.periods import Period
from reporting.ptable import cell_key, perturb
from reporting.releases import NotYetReleased, build_release, make_releases, release_day
from tests.feedback.factories import ProgramFactory, make_response, make_survey

pytestmark = pytest.mark.django_db

MARCH = Period("month", datetime.date(2026, 3, 1))


@pytest.fixture
def program(db):
    survey = make_survey()
    program = ProgramFactory(survey=survey)
    for day in range(1, 8):
        make_response(program, survey, submitted_on=datetime.date(2026, 3, day), feel_safe=4)
    return program


def test_a_period_is_released_only_after_its_answers_can_no_longer_be_withdrawn(program, settings):
    settings.FEEDBACK_WITHDRAWAL_DAYS = 30
    settings.RELEASE_PAPER_GRACE_DAYS = 0
    assert release_day("month", MARCH.start) == datetime.date(2026, 5, 1)
    with pytest.raises(NotYetReleased) as refused:
        build_release(program, MARCH, today=datetime.date(2026, 4, 30))
    assert str(refused.value) == (
        "Figures for March 2026 are released on 1 May 2026, once the time to withdraw an answer has passed."
    )
    assert not Release.objects.exists() and not FrozenCounts.objects.exists()
    assert build_release(program, MARCH, today=datetime.date(2026, 5, 1)).version == 1


def test_the_paper_grace_delays_the_release(program, settings):
    settings.RELEASE_PAPER_GRACE_DAYS = 14
    with pytest.raises(NotYetReleased):
        build_release(program, MARCH, today=datetime.date(2026, 5, 14))
    assert build_release(program, MARCH, today=datetime.date(2026, 5, 15))


def test_a_release_is_stored_once_and_the_same_figures_come_back(program):
    first = build_release(program, MARCH)
    again = build_release(program, MARCH)
    assert again.pk == first.pk
    keys = list(program.responses.values_list("record_key", flat=True))
    assert first.tables["feedback"]["responses"]["total"] == perturb(7, cell_key(keys), 5)
    built = make_releases([program], today=datetime.date(2026, 6, 1))
    assert sorted(release.label for release in built) == ["2026-04", "2026-Q1"]
    assert make_releases([program], today=datetime.date(2026, 6, 1)) == []
    assert Release.objects.filter(program=program, kind="month", start=MARCH.start).count() == 1


def test_a_stored_release_cannot_be_changed(program):
    release = build_release(program, MARCH)
    release.tables = {}
    with pytest.raises(ReleaseIsFrozen):
        release.save()
    with pytest.raises(ReleaseIsFrozen):
        Release.objects.filter(pk=release.pk).update(version=2)
    with pytest.raises(ReleaseIsFrozen):
        FrozenCounts.objects.filter(program=program).update(counts={})
    assert Release.objects.get(pk=release.pk).tables["feedback"]["responses"]["total"] is not None


def test_every_response_and_assessment_gets_its_own_random_record_key(program):
    keys = list(program.responses.values_list("record_key", flat=True))
    assert all(0 <= key < 256 for key in keys)
    assert len(set(keys)) > 1
