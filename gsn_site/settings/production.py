"""Production: every secret and host comes from the environment; refuse to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from gsn_site.structured_logging import json_logging_config

from .base import *  # noqa: F403

DEBUG = False
PRODUCTION_SETTINGS = True

_INSECURE_MARKERS = ("insecure", "dev-only", "test-only", "change-me", "changeme")


def _require_secret(name, value, length, other_secrets=()):
    """Refuse to start unless `value` looks random, is long enough and is not another secret's value."""
    if len(value) < length or any(marker in value.lower() for marker in _INSECURE_MARKERS) or value in other_secrets:
        reuse = " that no other setting uses" if other_secrets else ""
        raise ImproperlyConfigured(f"Set {name} to a random value of at least {length} characters{reuse}.")


_require_secret("SECRET_KEY", SECRET_KEY, 50)  # noqa: F405
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the comma-separated host names this site answers to.")
_require_secret("CASE_REF_KEY", CASE_REF_KEY, 32)  # noqa: F405
# A key of its own, so that a leaked or changed SECRET_KEY neither exposes nor orphans stored hashes.
_require_secret("HASH_KEY", HASH_KEY, 32, {SECRET_KEY, CASE_REF_KEY})  # noqa: F405
# A text channel switched on needs its own keys: the number key of the survey round and Fernet keys.
if any(channel.get("secret") for channel in SMS_CHANNELS.values()):  # noqa: F405
    _require_secret("CHANNELS_NUMBER_KEY", CHANNELS_NUMBER_KEY, 32, {SECRET_KEY, CASE_REF_KEY, HASH_KEY})  # noqa: F405
    try:
        from cryptography.fernet import Fernet

        if not CHANNELS_FERNET_KEYS:  # noqa: F405
            raise ValueError
        [Fernet(key) for key in CHANNELS_FERNET_KEYS]  # noqa: F405
    except ValueError:
        raise ImproperlyConfigured(
            "Set CHANNELS_FERNET_KEYS to one or more keys made by cryptography's Fernet.generate_key(), newest first."
        ) from None

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True

# Sessions live in the shared cache when there is one, so several nodes see the same session.
if REDIS_URL:  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

# Each gunicorn worker keeps its database connection between requests (checked before reuse).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Static files: hashed names (cached for a year by browsers) served by WhiteNoise from each node.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Media: S3-compatible object storage when a bucket is named, local files (MEDIA_ROOT) otherwise.
# The access keys are read by boto3 itself from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_LOCATION = os.environ.get("MEDIA_LOCATION", "media")
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    # Private buckets by default: signed, expiring URLs unless a public custom domain serves them.
    AWS_QUERYSTRING_AUTH = os.environ.get("AWS_QUERYSTRING_AUTH", "true").lower() != "false"
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405

# Background tasks (search indexing, frontend-cache purges, exports) wait in the database for
# `make worker`; development and tests run them at once.
INSTALLED_APPS += ["django_tasks_db"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# CDN / reverse-proxy purging on publish, unpublish and withdrawal, every language's URL.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL}
    }
    WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]  # noqa: F405
elif CDN_CACHE_SECONDS > 0:  # noqa: F405
    # A CDN that keeps pages but cannot be purged would keep a withdrawn story online.
    raise ImproperlyConfigured("CDN_CACHE_SECONDS needs FRONTEND_CACHE_URL, so that withdrawals purge the CDN.")

# Health probes arrive over plain HTTP from the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]

# JSON lines on standard error, redacted (gsn_site.structured_logging), one line per request.
LOGGING = json_logging_config(os.environ.get("LOG_LEVEL", "INFO"))
MIDDLEWARE.insert(1, "gsn_site.structured_logging.RequestLogMiddleware")  # noqa: F405
