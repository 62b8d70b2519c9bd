"""A program's answer in the reader's language or marked as English; a program that has not answered says so."""

import datetime

import pytest
from bs4 import BeautifulSoup

from feedback.models import ProgramReply
from reporting.models import ReportingPeriod

from .factories import make_response

pytestmark = pytest.mark.django_db

WRITTEN_IN_ENGLISH = {
    "hi": "यह जवाब अंग्रेज़ी में लिखा गया था। इसका अभी आपकी भाषा में अनुवाद नहीं हुआ है।",
    "km": "ចម្លើយនេះត្រូវបានសរសេរជាភាសាអង់គ្លេស។ វាមិនទាន់ត្រូវបានបកប្រែជាភាសារបស់អ្នកនៅឡើយទេ។",
}


def published_answer(program, **fields):
    period = ReportingPeriod.objects.named("2025-Q3")
    fields = {"you_said_en": "Waiting times were long.", "we_did_en": "We opened on Saturdays.", **fields}
    return ProgramReply.objects.create(program=program, period=period, live=True, **fields)


@pytest.mark.parametrize("language", ["hi", "km"])
@pytest.mark.parametrize("page", ["", "thank-you/"])
def test_an_answer_only_in_english_is_marked_english_and_says_so(client, program, language, page):
    published_answer(program)
    soup = BeautifulSoup(client.get(f"/{language}/feedback/{program.code}/{page}").content, "html.parser")
    section = soup.select_one(".program-answer")
    for words in ("Waiting times were long.", "We opened on Saturdays."):
        for text in section.find_all(string=lambda s, words=words: words in s):
            assert text.find_parent(attrs={"lang": "en"}) is not None, words
    assert WRITTEN_IN_ENGLISH[language] in section.get_text(" ", strip=True)


def test_an_answer_in_the_readers_language_is_not_marked(client, program):
    published_answer(program, you_said_hi="इंतज़ार बहुत लंबा था।", we_did_hi="हमने शनिवार को भी खोला।")
    soup = BeautifulSoup(client.get(f"/hi/feedback/{program.code}/").content, "html.parser")
    section = soup.select_one(".program-answer")
    assert "हमने शनिवार को भी खोला।" in section.get_text()
    assert section.select('[lang="en"]') == []
    assert WRITTEN_IN_ENGLISH["hi"] not in section.get_text(" ", strip=True)


@pytest.mark.parametrize("page", ["", "thank-you/"])
def test_a_program_that_has_not_answered_says_so_for_the_last_quarter(client, program, page):
    today = datetime.date.today()
    last_quarter = ReportingPeriod.objects.latest_closed("quarter", today)
    html = BeautifulSoup(client.get(f"/en/feedback/{program.code}/{page}").content, "html.parser")
    text = html.select_one("main").get_text(" ", strip=True)
    assert f"This program has not yet answered what survivors said in {last_quarter.name}." in text


def test_september_is_spelt_correctly_on_hindi_pages(client, program):
    published_answer(program)
    html = client.get(f"/hi/feedback/{program.code}/thank-you/").content.decode()
    assert "सितंबर" in html
    assert "सितमबर" not in html


@pytest.mark.parametrize("language", ["hi", "km"])
def test_on_the_impact_page_an_answer_only_in_english_is_marked_english_and_says_so(client, program, survey, language):
    program.publish_impact = True
    program.save()
    # The page shows the answers to the quarters since the program's first feedback.
    make_response(program, survey, submitted_on=datetime.date(2025, 7, 10), feel_safe=4)
    published_answer(program)
    soup = BeautifulSoup(client.get(f"/{language}/impact/").content, "html.parser")
    article = soup.select_one("article.program-answer")
    for words in ("Waiting times were long.", "We opened on Saturdays."):
        texts = article.find_all(string=lambda s, words=words: words in s)
        assert texts, words
        for text in texts:
            assert text.find_parent(attrs={"lang": "en"}) is not None, words
    assert WRITTEN_IN_ENGLISH[language] in article.get_text(" ", strip=True)
