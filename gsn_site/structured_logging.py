"""Production logs: one JSON object per line, and nothing in them that a survivor typed (privacy rule 6).

`RedactingFilter` sits on the handler, so every record that reaches the output passes through it,
whichever logger wrote it: it drops the request object that Django attaches (its repr carries the
query string), cuts query strings and everything after a private path prefix out of the message,
masks anything shaped like a receipt code, and replaces exception messages (a database error can
quote the row it refused) by the exception type and the code locations. A record about a public
feedback path keeps only the day as its time: a line saying when someone sent feedback must not be
lined up with their answers. The request log writes no line for the feedback pages at all (see
`RequestLogMiddleware`): only a count per day.
"""

import datetime
import logging
import re
import time
import traceback

from django.conf import settings
from django.core.cache import cache

_QUERY_STRING = re.compile(r"\?[^\s\"'<>]*")
_FEEDBACK_PATH = re.compile(r"(?<![\w/])/(?:[a-z]{2}(?:-[a-z]+)?/)?feedback/")
_DAY = 24 * 60 * 60
_RECEIPT_LIKE = re.compile(r"(?<![\w-])[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}(?![\w-])", re.IGNORECASE)
REDACTED = "[redacted]"
_STANDARD_ATTRIBUTES = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


def _private_path_pattern():
    prefixes = "|".join(re.escape(prefix.rstrip("/")) for prefix in settings.PRIVATE_PATH_PREFIXES)
    return re.compile(rf"(/(?:[a-z]{{2}}(?:-[a-z]+)?/)?(?:{prefixes})/)[^\s\"'<>]+")


def redact(text):
    """Text safe to log: no query strings, nothing after a private path prefix, no receipt-like codes."""
    text = _QUERY_STRING.sub("?" + REDACTED, str(text))
    text = _private_path_pattern().sub(r"\1" + REDACTED, text)
    return _RECEIPT_LIKE.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    def filter(self, record):
        request = record.__dict__.pop("request", None)
        if request is not None and hasattr(request, "path"):
            record.method = request.method
            record.path = redact(request.path)
        message = record.getMessage()
        if _FEEDBACK_PATH.search(message) or _FEEDBACK_PATH.search(str(getattr(record, "path", ""))):
            record.created -= record.created % _DAY
            record.msecs = 0.0
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, _value, tb = record.exc_info
            record.error_type = exc_type.__name__
            record.error_at = [f"{frame.filename}:{frame.lineno} {frame.name}" for frame in traceback.extract_tb(tb)]
        record.exc_info = None
        record.exc_text = None
        for name, value in list(record.__dict__.items()):
            if name not in _STANDARD_ATTRIBUTES and isinstance(value, str):
                setattr(record, name, redact(value))
        return True


def json_formatter():
    """One JSON object per line: time, level, logger, message and the record's extra fields."""
    from pythonjsonlogger.json import JsonFormatter

    formatter = JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
    )
    # UTC, like the dates stored with responses: a day-only time is then midnight everywhere.
    formatter.converter = time.gmtime
    return formatter


def json_logging_config(level="INFO"):
    """The LOGGING setting for production: JSON lines on standard error, every record redacted."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": "gsn_site.structured_logging.RedactingFilter"}},
        "formatters": {"json": {"()": "gsn_site.structured_logging.json_formatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["redact"]}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # SQL with its parameters is never logged, whatever LOG_LEVEL says.
            "django.db.backends": {"level": "WARNING"},
            "django.request": {"level": "ERROR"},
            "wagtail": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
            "gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False},
        },
    }


def _today():
    return datetime.datetime.now(datetime.UTC).date()


def _status_class(status):
    return f"{status // 100}xx"


_COUNTED_METHODS = ("GET", "POST", "other")
_STATUS_CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")
_FEEDBACK_COUNT_SECONDS = 3 * _DAY


def _feedback_count_key(day, method, status_class):
    return f"feedback-requests:{day.isoformat()}:{method}:{status_class}"


class RequestLogMiddleware:
    """One line per request: method, path (private paths cut short), status, time, page cache state.

    Requests to the public feedback pages get no line of their own: even with a day-only time, a
    line's place between its neighbours' full times says when someone sent their answers. They are
    counted per day in the shared cache instead, and the day's counts are logged by the first
    request after the day is over.
    """

    logger = logging.getLogger("gsn.request")
    _summarised_up_to = None  # per process: the last day whose counts this process saw logged

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        self._log_yesterdays_feedback_counts()
        if _FEEDBACK_PATH.search(request.path):
            method = request.method if request.method in _COUNTED_METHODS else "other"
            key = _feedback_count_key(_today(), method, _status_class(response.status_code))
            cache.add(key, 0, _FEEDBACK_COUNT_SECONDS)
            cache.incr(key)
            return response
        self.logger.info(
            "request",
            extra={
                "method": request.method,
                "path": redact(request.path),
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "page_cache": response.get("X-Page-Cache", ""),
            },
        )
        return response

    def _log_yesterdays_feedback_counts(self):
        yesterday = _today() - datetime.timedelta(days=1)
        if RequestLogMiddleware._summarised_up_to == yesterday:
            return
        RequestLogMiddleware._summarised_up_to = yesterday
        # One process of one node logs each day, whichever request comes first.
        if not cache.add(f"feedback-requests-logged:{yesterday.isoformat()}", True, _FEEDBACK_COUNT_SECONDS):
            return
        keys = {
            f"{method} {status_class}": _feedback_count_key(yesterday, method, status_class)
            for method in _COUNTED_METHODS
            for status_class in _STATUS_CLASSES
        }
        stored = cache.get_many(keys.values())
        counts = {name: stored[key] for name, key in keys.items() if stored.get(key)}
        if counts:
            self.logger.info("feedback requests", extra={"day": yesterday.isoformat(), "counts": counts})
