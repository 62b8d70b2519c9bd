"""Every malformed id or parameter in a feedback URL is a clear 4xx, never a 500."""

import pytest
from django.test import Client

from tests.conftest import sign_in_with_two_steps

from .factories import make_response

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/feedback/report/?program=abc",
    "/admin/feedback/report/?program=99999999999999999999",
    "/admin/feedback/report/?program=-1",
    "/admin/feedback/report/?program={program}&date_from=2026-13-45",
    "/admin/feedback/report/?program={program}&date_to=not-a-date",
    "/admin/feedback/report/?program={program}&date_from=2026-02-30&format=csv",
    "/admin/feedback/records/?program=abc",
    "/admin/feedback/records/?program=99999999999999999999",
    "/admin/feedback/assisted/?survey=abc",
    "/admin/feedback/assisted/?survey=99999999999999999999",
    "/admin/feedback/responses/inspect/abc/",
    "/admin/feedback/responses/inspect/99999999999999999999/",
    "/admin/feedback/responses/inspect/00000000-0000-4000-8000-000000000000/",
    "/admin/feedback/responses/edit/not-a-uuid/",
    "/admin/feedback/responses/delete/not-a-uuid/",
    "/admin/feedback/responses/not-a-uuid/redact/",
    "/admin/feedback/responses/?program=abc",
    "/admin/feedback/programs/qr/abc.png",
    "/admin/outcomes/reports/99999999999999999999/",
    "/admin/outcomes/reports/{program}/?period=2026-13",
    "/admin/outcomes/reports/{program}/?period=not-a-period",
    "/admin/outcomes/reports/{program}/?period=9999",
    "/admin/outcomes/reports/{program}/?period=9999-12",
    "/admin/outcomes/reports/{program}/export.csv?period=9999",
    "/admin/feedback/report/?program={program}&period=9999",
    "/admin/feedback/responses/?survey=99999999999999999999999",
    "/admin/outcomes/reports/{program}/?date_from=2026-13-45",
]
# Wagtail's listings show the first (or last) page for a page number that is not one, and their
# generated filters (and the response list's date filter) ignore a value that names nothing.
# None may fail.
SHOWN_ANYWAY_URLS = [
    "/admin/feedback/responses/?p=abc",
    "/admin/feedback/responses/?p=99999",
    "/admin/feedback/access-log/?p=abc",
    "/admin/feedback/responses/?submitted_on_after=2026-13-45",
    "/admin/feedback/access-log/?program=99999999999999999999999",
    "/admin/snippets/outcomes/subdomainlabel/?domain=99999999999999999999999",
]
PUBLIC_URLS = [
    "/en/feedback/no-such-program/",
    "/en/feedback/no-such-program/questions/",
    "/en/feedback/no-such-program/thank-you/",
    "/en/feedback/%20/",
    "/en/feedback/{code}/questions/?page=abc",
    "/en/feedback/withdraw/?code=abc",
]


@pytest.fixture
def admin_client(administrator, program, survey):
    make_response(program, survey, feel_safe=4)
    client = Client(raise_request_exception=False)
    sign_in_with_two_steps(client, administrator)
    return client


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_malformed_admin_parameter_is_a_4xx(admin_client, program, url):
    response = admin_client.get(url.format(program=program.pk), follow=True)
    assert 400 <= response.status_code < 500, (url, response.status_code)


@pytest.mark.parametrize("url", SHOWN_ANYWAY_URLS)
def test_a_page_number_or_period_that_is_not_one_never_fails(admin_client, program, url):
    assert admin_client.get(url.format(program=program.pk), follow=True).status_code == 200


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_a_malformed_public_parameter_is_a_4xx_or_the_page_itself(program, url):
    client = Client(raise_request_exception=False)
    response = client.get(url.format(code=program.code), follow=True)
    assert response.status_code < 500, (url, response.status_code)
    if "{code}" not in url and "withdraw" not in url:
        assert 400 <= response.status_code < 500, (url, response.status_code)


@pytest.mark.parametrize("data", [{"submission_token": "abc"}, {"submission_token": ["a", "b"]}, {}])
def test_a_malformed_survey_post_is_a_4xx(client, program, data):
    assert client.post(f"/en/feedback/{program.code}/questions/", data).status_code == 400


@pytest.mark.parametrize(
    "data", [{"receipt_code": "x" * 500}, {"receipt_code": ""}, {"receipt_code": "AAAA", "confirm": "yes"}]
)
def test_a_malformed_withdrawal_is_a_4xx(client, program, data):
    assert 400 <= client.post("/en/feedback/withdraw/", data).status_code < 500
