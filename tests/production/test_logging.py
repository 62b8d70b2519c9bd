"""Production logs are JSON lines that carry no free text, passwords, receipt codes or query strings."""

import datetime
import io
import json
import logging.config
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError
from django.test import Client, override_settings

from gsn_site.structured_logging import RedactingFilter, json_logging_config, redact

pytestmark = pytest.mark.django_db

FREE_TEXT = "Sentinel-free-text: my employer kept my passport"
REPLY_TO = "+254 700 123456"
PASSWORD = "Sentinel-password-9731"
RECEIPT = "7K2M-Q9XB-4HTR"
SEARCH_TERM = "sentinel-search-term"
SECRETS = [FREE_TEXT, "kept my passport", REPLY_TO, PASSWORD, RECEIPT, SEARCH_TERM]

LOG_STREAM = io.StringIO()


@pytest.fixture
def production_log():
    """The production logging configuration, at DEBUG, writing to a buffer instead of standard error."""
    config = json_logging_config("DEBUG")
    config["handlers"]["console"]["stream"] = "ext://tests.production.test_logging.LOG_STREAM"
    LOG_STREAM.seek(0)
    LOG_STREAM.truncate()
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    logging.config.dictConfig(config)
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(1, "gsn_site.structured_logging.RequestLogMiddleware")
    with override_settings(MIDDLEWARE=middleware):
        yield LOG_STREAM
    logging.config.dictConfig(settings.LOGGING)
    # Put back handlers added outside the settings (pytest's capture, the suite-wide log scan).
    for handler in handlers_before:
        if handler not in root.handlers:
            root.addHandler(handler)


def _records(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_a_day_of_requests_leaves_no_sensitive_value_in_the_log(production_log, demo_site):
    client = Client(raise_request_exception=False)
    get_user_model().objects.create_user("member", password=PASSWORD)

    client.post("/en/network/sample-chapter-kenya/", {"message": FREE_TEXT, "reply_to": REPLY_TO})
    client.post("/en/accounts/login/", {"login": "member", "password": PASSWORD + "-wrong"})
    client.post("/en/accounts/login/", {"login": "member", "password": PASSWORD})
    client.post("/en/accounts/password/change/", {"oldpassword": PASSWORD, "password1": PASSWORD, "password2": "x"})
    client.logout()
    client.post("/en/accounts/signup/", {"username": "new", "password1": PASSWORD, "password2": PASSWORD})
    client.get("/en/search/", {"q": SEARCH_TERM})
    client.get(f"/en/feedback/withdraw/?code={RECEIPT}")
    client.get(f"/en/{RECEIPT}/")
    client.get(f"/en/feedback/{RECEIPT}/questions/")
    with mock.patch(
        "home.models.ChapterMessage.objects.create",
        side_effect=IntegrityError(f"duplicate key value: Key (message)=({FREE_TEXT}) already exists."),
    ):
        response = client.post("/en/network/sample-chapter-kenya/", {"message": FREE_TEXT})
    assert response.status_code == 500

    output = production_log.getvalue()
    records = _records(production_log)
    assert records, "nothing was logged"
    for secret in SECRETS:
        assert secret not in output
    requests = [record for record in records if record["logger"] == "gsn.request"]
    # Ten requests, two of them to feedback pages: those are only counted (see the test below).
    assert len(requests) == 8
    assert {"method", "path", "status", "duration_ms"} <= set(requests[0])
    errors = [record for record in records if record["level"] == "ERROR"]
    assert errors and errors[-1]["error_type"] == "IntegrityError"
    assert not [record for record in records if record["logger"] == "django.db.backends"]


def test_redaction_keeps_what_an_operator_needs():
    assert redact("Not Found: /en/stories/a-story/?page=2") == "Not Found: /en/stories/a-story/?[redacted]"
    assert redact("GET /fr/feedback/abc123/questions/ 200") == "GET /fr/feedback/[redacted] 200"
    assert redact(f"code {RECEIPT.lower()} used") == "code [redacted] used"
    assert redact("/healthz") == "/healthz"


def test_the_filter_drops_the_request_object_django_attaches():
    request = mock.Mock(method="POST", path="/en/accounts/login/", META={"QUERY_STRING": "a=b"})
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Forbidden: %s", ("/x?y=z",), None)
    record.request = request
    RedactingFilter().filter(record)
    assert not hasattr(record, "request")
    assert record.path == "/en/accounts/[redacted]"
    assert record.getMessage() == "Forbidden: /x?[redacted]"


def test_identifiers_that_only_contain_a_receipt_shape_are_kept():
    task_id = "2dba29c2-4e2f-4c1a-9b7e-eb11e5ef3958"
    assert redact(f"Task id={task_id} state=RUNNING") == f"Task id={task_id} state=RUNNING"


def test_feedback_requests_have_no_line_and_other_requests_keep_their_time(production_log, client):
    from tests.feedback.factories import ProgramFactory, make_survey
    from tests.feedback.test_public_flow import fresh_form, questions_url

    program = ProgramFactory(code="log-program", survey=make_survey())
    token = fresh_form(client, program)
    client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, follow=True)
    client.post("/en/feedback/withdraw/", {"receipt_code": "AAAA-BBBB-CCCC"})
    client.get("/en/search/")
    requests = [record for record in _records(production_log) if record["logger"] == "gsn.request"]
    assert [record["path"] for record in requests] == ["/en/search/"]
    assert requests[0]["time"][11:] != "00:00:00,000"


def test_gunicorn_writes_no_access_log_of_its_own():
    from gsn_site import gunicorn_conf

    # Its access log would carry the client address and the exact time of every feedback POST.
    assert gunicorn_conf.accesslog is None


def test_a_feedback_submission_leaves_no_line_that_can_be_placed_between_timed_lines(production_log, client):
    """An auditor orders the request log: a feedback line between two lines with full times gives the
    moment the survivor sent their answers back, whatever time the line itself shows."""
    from tests.feedback.factories import ProgramFactory, make_survey
    from tests.feedback.test_public_flow import fresh_form, questions_url

    program = ProgramFactory(code="log-program", survey=make_survey())
    client.get("/en/search/")
    token = fresh_form(client, program)
    start = len(_records(production_log))
    client.post(questions_url(program), {"submission_token": token, "q_feel-safe": "4"}, follow=True)
    client.post("/en/feedback/withdraw/", {"receipt_code": "AAAA-BBBB-CCCC"})
    assert _records(production_log)[start:] == []
    client.get("/en/search/")
    lines = [record for record in _records(production_log) if not record["logger"].startswith("factory")]
    assert [record["path"] for record in lines] == ["/en/search/", "/en/search/"]


def test_feedback_requests_are_counted_per_day_and_the_count_is_logged_once_the_day_is_over(
    production_log, client, monkeypatch
):
    from gsn_site import structured_logging
    from tests.feedback.factories import ProgramFactory, make_survey
    from tests.feedback.test_public_flow import fresh_form, questions_url

    program = ProgramFactory(code="log-program", survey=make_survey())
    today = datetime.date.today()
    client.post(questions_url(program), {"submission_token": fresh_form(client, program), "q_feel-safe": "4"})
    client.post(questions_url(program), {"submission_token": "forged"})
    client.get("/en/search/")
    assert [record for record in _records(production_log) if record["message"] == "feedback requests"] == []

    monkeypatch.setattr(structured_logging, "_today", lambda: today + datetime.timedelta(days=1))
    client.get("/en/search/")
    client.get("/en/")
    counts = [record for record in _records(production_log) if record["message"] == "feedback requests"]
    assert len(counts) == 1
    assert counts[0]["day"] == today.isoformat()
    assert counts[0]["counts"] == {"GET 2xx": 1, "POST 2xx": 1, "POST 4xx": 1}
