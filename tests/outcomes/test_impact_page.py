"""The public Impact page reads stored releases only: for every program that chose to publish, its
latest released year, survivor voice beside the assessed outcome in every domain the survey maps.

An attacker who saves the page, then adds late paper answers, imports late assessments or has
responses deleted after the release, must find not one figure moved.
"""

import datetime
import re

import pytest
from django.utils import translation
from django.utils.formats import number_format

from feedback.models import FeedbackResponse
from programs.outcome_domains import DOMAIN_CODES, DOMAIN_NAMES
from reporting.models import Release
from reporting.periods import Period, PeriodKind
from reporting.releases import build_release, make_network_releases
from tests.feedback.factories import make_response, make_survey
from tests.outcomes.helpers import assess, make_program
from tests.reporting.helpers import YEAR, program_year

pytestmark = pytest.mark.django_db

THE_YEAR = Period(PeriodKind.YEAR, datetime.date(YEAR, 1, 1))
MAPPED = ("safety", "legal_protection", "economic_empowerment_education")


@pytest.fixture
def program(db):
    program, _survey = program_year()
    program.publish_impact = True
    program.name = "Impact program"
    program.save()
    return program


def main_of(client, url="/en/impact/"):
    response = client.get(url)
    assert response.status_code == 200
    return re.search(r"<main.*?</main>", response.text, re.S).group(0)


def test_a_program_shows_survivor_voice_beside_the_outcome_in_every_mapped_domain(client, program):
    release = build_release(program, THE_YEAR)
    text = main_of(client)
    voice = release.tables["feedback"]["voice"]
    domains = release.tables["outcomes"]["domains"]
    for code in MAPPED:
        assert voice[code]["mean"] is not None
        row = re.search(rf"<th scope=\"row\">{DOMAIN_NAMES[code]}</th>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>", text)
        assert row, code
        assert row.group(1) == number_format(voice[code]["mean"], 1)
        assert row.group(2) == number_format(domains[code]["latest_mean"], 1)
    # A domain the survey asks nothing about says so, in plain words.
    assert "The survey asks nothing about this." in text
    assert "would reveal" not in text, text[text.index("would reveal") - 400 :]


def test_only_opted_in_programs_appear_and_one_without_a_release_says_so(client, program):
    build_release(program, THE_YEAR)
    hidden = make_program("hidden", name="Hidden program")
    assess(hidden, "X", f"{YEAR}-01-01", "intake", score=2.0)
    make_program("waiting", name="Waiting program", publish_impact=True)
    text = main_of(client)
    assert "Hidden program" not in text
    assert "Waiting program" in text and "No year has been released for this program yet." in text
    assert "Impact program" in text


def test_a_withheld_figure_says_why_in_words_a_survivor_understands(client):
    survey = make_survey(slug="few")
    small = make_program("small", name="Small program", publish_impact=True)
    small.feedback_links.create(survey=survey)
    for day in (3, 4, 5):
        make_response(small, survey, submitted_on=datetime.date(YEAR, 3, day), feel_safe="4")
    for number in range(3):
        assess(small, f"S{number}", f"{YEAR}-01-01", "intake", score=2.0)
        assess(small, f"S{number}", f"{YEAR}-07-01", "six_month", score=3.0)
    build_release(small, THE_YEAR)
    text = main_of(client)
    assert "Fewer than 5 people answered this." in text
    assert "Fewer than 5 people had two check-ups in this period." in text
    assert "would reveal" not in text


def test_the_page_opens_with_the_network_and_a_link_to_each_program(client, program):
    other, _survey = program_year(seed=11)
    other.publish_impact, other.name = True, "Second program"
    other.save()
    first, second = build_release(program, THE_YEAR), build_release(other, THE_YEAR)
    (network,) = make_network_releases()
    assert network.program is None and network.kind == PeriodKind.YEAR
    assert network.tables["network"] == {
        "programs": 2,
        "responses": first.tables["feedback"]["responses"]["total"] + second.tables["feedback"]["responses"]["total"],
        "survivors": first.tables["outcomes"]["survivors"] + second.tables["outcomes"]["survivors"],
    }
    text = main_of(client)
    assert text.index(f"The network in {YEAR}") < text.index('<nav aria-label="Programs on this page">')
    for code in (program.code, other.code):
        assert f'href="#program-{code.lower()}"' in text and f'id="program-{code.lower()}"' in text
    # Each program's details are folded; every landmark has its own name.
    assert text.count('<details class="impact-details">') == 2
    names = re.findall(r'aria-labelledby="([^"]+)"', text)
    assert len(names) == len(set(names))
    # The network release is built once.
    assert make_network_releases() == []


def test_late_entries_imports_and_deletions_after_the_release_change_no_figure(client, program):
    build_release(program, THE_YEAR)
    make_network_releases()
    before = main_of(client)
    survey = program.feedback_links.first().survey
    for day in range(1, 6):
        make_response(program, survey, submitted_on=datetime.date(YEAR, 10, day), channel="paper", feel_safe="1")
    for case in range(5):
        assess(program, f"late-{case}", f"{YEAR}-02-01", "intake", score=1.0)
        assess(program, f"late-{case}", f"{YEAR}-11-01", "six_month", score=4.0)
    for response in list(FeedbackResponse.objects.filter(program=program, submitted_on__month=6)[:3]):
        response.delete()
    assert main_of(client) == before
    # Nothing in the request reaches live figures.
    assert main_of(client, f"/en/impact/?period={YEAR}&program={program.code}") == before


def test_a_correction_release_replaces_the_figures_only_once_stored(client, program):
    first = build_release(program, THE_YEAR)
    Release.objects.create(
        program=program,
        kind=first.kind,
        start=first.start,
        end=first.end,
        version=2,
        min_cell=first.min_cell,
        tables={**first.tables, "outcomes": {**first.tables["outcomes"], "survivors": 9999}},
        cells=first.cells,
        audit=first.audit,
    )
    assert "9999 survivors with check-ups" in main_of(client)


def test_numbers_follow_the_language(client, program):
    release = build_release(program, THE_YEAR)
    mean = release.tables["feedback"]["voice"]["safety"]["mean"]
    with translation.override("ar"):
        arabic = number_format(mean, 1, use_l10n=True)
    assert arabic in main_of(client, "/ar/impact/")
    assert not re.search(r'(width|x|y)="\d+,\d', main_of(client, "/ar/impact/"))


@pytest.mark.parametrize("code", ["en", "es", "fr", "pt", "hi", "sw", "km", "ar"])
def test_the_impact_page_exists_in_every_language(client, program, code):
    build_release(program, THE_YEAR)
    response = client.get(f"/{code}/impact/")
    assert response.status_code == 200
    assert f'lang="{code}"' in response.text
    assert 'style="' not in response.text and "<script>" not in response.text


def test_every_domain_row_is_shown(client, program):
    build_release(program, THE_YEAR)
    text = main_of(client)
    for code in DOMAIN_CODES:
        assert f'<th scope="row">{DOMAIN_NAMES[code]}</th>' in text
