"""The feedback report's form says what is missing: "Show report" with no program chosen is a 400
with the error summary (linked to the program field) in the reader's admin language."""

import pytest
from bs4 import BeautifulSoup

from feedback.models import ReportingPeriod
from tests.conftest import choose_admin_language, sign_in_with_two_steps

pytestmark = pytest.mark.django_db


def summary_of(response):
    summary = BeautifulSoup(response.content.decode(), "html.parser").select_one("#error-summary")
    assert summary is not None
    return [(a.get_text(" ", strip=True), a["href"]) for a in summary.select("li a")]


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "Program: Choose the program whose report you want to see."),
        ("sw", "Mpango: Chagua mpango ambao ripoti yake unataka kuona."),
    ],
)
def test_show_report_without_a_program_says_to_choose_one(
    client, administrator, program, other_program, language, expected
):
    choose_admin_language(administrator, language)
    sign_in_with_two_steps(client, administrator)
    period = ReportingPeriod.objects.latest_closed().label
    response = client.get("/admin/feedback/report/", {"program": "", "period": period})
    assert response.status_code == 400
    assert summary_of(response) == [(expected, "#id_program")]
