"""Scan everything the whole test suite logs for what survivors and members typed (privacy rule 6).

tests/conftest.py imports these hooks, so they apply to every test. During the session the log
records go, as well as wherever they went before, through the production pipeline (the redacting
filter and the JSON formatter) into memory. Every value posted by a test client under a sensitive
field name (passwords, messages, free-text answers, notes, receipt codes, case references, and the
sender and body of a text message as the SMS gateways post them: `from`, `From`, `Body`) is
remembered. At the end none of them, and nothing shaped like a receipt code, may be in that output:
otherwise the run fails and says which field leaked.

When the suite runs in several processes (pytest-xdist), each worker scans its own output and sends
what it found to the controlling process, which adds them up, prints the summary and fails the run.
"""

import io
import logging
import re

import pytest
from django.test import RequestFactory

from gsn_site.structured_logging import RedactingFilter, json_formatter

SENSITIVE_FIELD = re.compile(
    r"password|message|reply_to|note|text|comment|^q_|receipt|code|case_ref|^from$|^sender$", re.IGNORECASE
)
# Twilio's message text; only with its capital, as Twilio posts it.
GATEWAY_FIELD = re.compile(r"^Body$")
RECEIPT_SHAPE = re.compile(r"(?<![\w-])[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}(?![\w-])")
MIN_LENGTH = 8  # shorter values ("yes", "4") also occur in harmless places

_buffer = io.StringIO()
_handler = None
_posted = {}  # value -> field name
# What the workers reported, in the controlling process of a run split over several processes.
_from_workers = {"lines": 0, "posted": 0, "leaked_fields": set(), "workers": 0}
_original_post = RequestFactory.post


def _remember_sensitive_values(data):
    if not isinstance(data, dict):
        return
    for field, value in data.items():
        if not SENSITIVE_FIELD.search(str(field)) and not GATEWAY_FIELD.search(str(field)):
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, str) and len(item.strip()) >= MIN_LENGTH:
                _posted[item.strip()] = field


def _recording_post(self, path, data=None, *args, **kwargs):
    _remember_sensitive_values(data)
    return _original_post(self, path, data, *args, **kwargs)


def pytest_sessionstart(session):
    global _handler
    _handler = logging.StreamHandler(_buffer)
    _handler.addFilter(RedactingFilter())
    _handler.setFormatter(json_formatter())
    logging.getLogger().addHandler(_handler)
    RequestFactory.post = _recording_post


def leaks():
    """(field name, value) of every remembered value found in the log output, and receipt-shaped strings."""
    output = _buffer.getvalue()
    found = [(field, value) for value, field in _posted.items() if value in output]
    found += [("receipt-shaped", match) for match in RECEIPT_SHAPE.findall(output)]
    return found


def pytest_sessionfinish(session, exitstatus):
    RequestFactory.post = _original_post
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        # Only the field names travel to the controller, never the values themselves.
        workeroutput["log_scan"] = {
            "lines": len(_buffer.getvalue().splitlines()),
            "posted": len(_posted),
            "leaked_fields": sorted({field for field, _value in leaks()}),
        }
    if (leaks() or _from_workers["leaked_fields"]) and session.exitstatus == 0:
        session.exitstatus = 1


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """In the controlling process: add up what a finished worker's scan found."""
    scan = getattr(node, "workeroutput", {}).get("log_scan")
    if scan is None:
        return
    _from_workers["workers"] += 1
    _from_workers["lines"] += scan["lines"]
    _from_workers["posted"] += scan["posted"]
    _from_workers["leaked_fields"].update(scan["leaked_fields"])


def pytest_terminal_summary(terminalreporter):
    found = leaks()
    fields = {field for field, _value in found} | _from_workers["leaked_fields"]
    lines = len(_buffer.getvalue().splitlines()) + _from_workers["lines"]
    posted = len(_posted) + _from_workers["posted"]
    if fields:
        terminalreporter.write_line(
            "LOG SCAN FAILED: sensitive values are in the log output, fields: " + ", ".join(sorted(fields)),
            red=True,
            bold=True,
        )
    else:
        terminalreporter.write_line(
            f"Log scan: {lines} log lines from the whole run, none holds any of {posted} sensitive posted values."
        )
