"""A program in the reader's language: the demo's program and organisation names exist in all eight
languages, the picker shows them with the country named in that language, and staff see in the
program listing which languages a program still lacks."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from feedback import demo_content as content
from feedback.demo import demo_program
from tests.conftest import sign_in_with_two_steps

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def test_every_demo_program_has_its_name_and_organisation_in_every_language(db):
    for data in content.PROGRAMS:
        assert set(data["name"]) == set(data["organisation"]) == set(LANGUAGE_CODES), data["code"]
        program = demo_program(data)
        assert program.missing_languages() == [], data["code"]


def test_the_picker_names_the_organisation_and_country_in_the_readers_language(client, program):
    program.name_sw = "Mpango wa Nairobi"
    program.organisation_en = "Sample Aftercare Trust"
    program.organisation_sw = "Taasisi ya Mfano ya Huduma"
    program.country = "Kenya"
    program.save()
    page = BeautifulSoup(client.get("/sw/feedback/").content.decode(), "html.parser")
    assert page.select_one(".feedback-programs__name").get_text(strip=True) == "Mpango wa Nairobi"
    assert page.select_one(".feedback-programs__meta").get_text(strip=True) == "Taasisi ya Mfano ya Huduma · Kenya"
    page = BeautifulSoup(client.get("/ar/feedback/").content.decode(), "html.parser")
    assert page.select_one(".feedback-programs__meta").get_text(strip=True) == "Sample Aftercare Trust · كينيا"


def test_the_program_listing_names_the_languages_still_missing(client, administrator, program, other_program):
    for code in LANGUAGE_CODES:
        setattr(other_program, f"name_{code}", f"India {code}")
        setattr(other_program, f"organisation_{code}", f"Society {code}")
        setattr(other_program, f"description_{code}", "")
    other_program.save()
    program.name_sw = "Mpango wa Kenya"
    program.organisation_en = "Sample Aftercare Trust"
    program.organisation_sw = "Taasisi ya Mfano"
    program.organisation_ar = "مؤسسة تجريبية"
    program.save()
    sign_in_with_two_steps(client, administrator)
    page = BeautifulSoup(client.get("/admin/snippets/programs/program/").content.decode(), "html.parser")
    headings = [th.get_text(" ", strip=True) for th in page.select("table thead th")]
    assert "Languages missing" in headings
    column = headings.index("Languages missing")
    rows = {
        row.select("td")[1].find("a").get_text(" ", strip=True): row.select("td")[column].get_text(" ", strip=True)
        for row in page.select("table tbody tr")
    }
    assert rows == {"Kenya aftercare": "Spanish, French, Portuguese, Hindi, Khmer, Arabic", "India en": "none"}
