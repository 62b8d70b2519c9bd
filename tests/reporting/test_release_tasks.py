"""The releases as the task workers build them: one task per program, then the network's year,
which is stored only once every program with records that year has its own year released."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from reporting.models import Release
from reporting.periods import Period, PeriodKind
from reporting.releases import build_release, make_network_releases, release_note
from tests.feedback.factories import ProgramFactory, make_response, make_survey
from tests.reporting.helpers import YEAR

pytestmark = pytest.mark.django_db
THE_YEAR = Period(PeriodKind.YEAR, datetime.date(YEAR, 1, 1))


def small_program(code):
    survey = make_survey(slug=f"survey-{code.lower()}")
    program = ProgramFactory(code=code, survey=survey)
    for day in range(1, 7):
        make_response(program, survey, submitted_on=datetime.date(YEAR, 11, day), feel_safe="4")
    return program


def test_the_network_year_waits_until_every_program_with_records_has_its_year():
    first, second = small_program("FIRST"), small_program("SECOND")
    build_release(first, THE_YEAR)
    # Stored once and never recomputed: built now, it would leave the second program out for good.
    assert make_network_releases() == []
    assert not Release.objects.filter(program__isnull=True).exists()
    build_release(second, THE_YEAR)
    (network,) = make_network_releases()
    assert network.tables["network"]["programs"] == 2


def test_a_program_without_records_that_year_does_not_hold_the_network_back():
    first = small_program("FIRST")
    ProgramFactory(code="NEWCOMER", survey=make_survey(slug="survey-newcomer"))
    build_release(first, THE_YEAR)
    (network,) = make_network_releases()
    assert network.tables["network"]["programs"] == 1


def test_the_daily_run_queues_one_task_per_program_then_the_network(capsys):
    first, second = small_program("FIRST"), small_program("SECOND")
    call_command("make_releases", "--queue")
    assert capsys.readouterr().out == "3 release tasks queued for the workers; 0 expired true counts deleted.\n"
    # Tests run tasks at once, in the order queued: each program's year, then the network's.
    for program in (first, second):
        assert Release.objects.filter(program=program, kind=PeriodKind.YEAR, start=THE_YEAR.start).count() == 1
    network = Release.objects.get(program__isnull=True, kind=PeriodKind.YEAR, start=THE_YEAR.start)
    assert network.tables["network"]["programs"] == 2


def test_queueing_refuses_a_single_program_or_corrections():
    with pytest.raises(CommandError, match="--queue builds the releases that are due for every program"):
        call_command("make_releases", "--queue", "--program", "FIRST")


def test_the_privacy_settings_minimum_is_the_one_releases_are_built_with():
    from wagtail.models import Site

    from gsn_site.models import PrivacySettings

    settings_ = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
    settings_.min_cell_size = 8
    settings_.save()
    program = small_program("STRICT")
    release = build_release(program, THE_YEAR)
    assert release.min_cell == 8
    shown = [value for value, _parts in release.cells["feedback"]["cells"].values()]
    # Six people answered: never shown as 1 to 7.
    assert shown and all(value == 0 or value >= 8 for value in shown)
    assert "a group of 1 to 7 people is shown as 0 or 8" in release_note(release.min_cell)
