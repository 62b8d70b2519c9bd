"""`/healthz` for load balancers and orchestrators: is this node able to reach its database and cache?

It answers before any other middleware, so a probe needs neither a configured host name nor HTTPS,
and it never reaches a cache or a session.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"


def _database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_ok():
    key, value = "healthz:probe", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    return cache.get(key) == value


def health_report():
    """{"database": "ok"|"error", "cache": "ok"|"error", "status": "ok"|"error"}."""
    report = {}
    for name, check in (("database", _database_ok), ("cache", _cache_ok)):
        try:
            report[name] = "ok" if check() else "error"
        except Exception as error:
            # The type is enough to act on; a message could carry a connection string.
            logger.error("health check failed", extra={"component": name, "error_type": type(error).__name__})
            report[name] = "error"
    report["status"] = "ok" if all(value == "ok" for value in report.values()) else "error"
    return report


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != HEALTH_PATH or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        report = health_report()
        response = JsonResponse(report, status=200 if report["status"] == "ok" else 503)
        add_never_cache_headers(response)
        return response
