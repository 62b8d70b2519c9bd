"""The production settings take every choice from the environment (checked in a separate process)."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = """
import json
import django
from django.conf import settings
django.setup()
print(json.dumps({
    "middleware": settings.MIDDLEWARE,
    "apps": settings.INSTALLED_APPS,
    "storages": settings.STORAGES,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "frontend_cache": getattr(settings, "WAGTAILFRONTENDCACHE", None),
    "frontend_cache_languages": getattr(settings, "WAGTAILFRONTENDCACHE_LANGUAGES", None),
    "handler_formatter": settings.LOGGING["handlers"]["console"]["formatter"],
    "handler_filters": settings.LOGGING["handlers"]["console"]["filters"],
    "bucket": getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""),
    "location": getattr(settings, "AWS_LOCATION", None),
    "sessions": settings.SESSION_ENGINE,
    "cache": settings.CACHES["default"]["BACKEND"],
    "hash_key_fallbacks": settings.HASH_KEY_FALLBACKS,
    "case_ref_key_fallbacks": settings.CASE_REF_KEY_FALLBACKS,
}))
"""


SECRETS = ("SECRET_KEY", "CASE_REF_KEY", "HASH_KEY", "ALLOWED_HOSTS")


def run_with_production_settings(code, **environment):
    """Run `code` in a fresh process under the production settings with only `environment` set."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SECRETS
        and not key.endswith("_FALLBACKS")
        and not key.startswith(("AWS_", "FRONTEND_CACHE", "REDIS_URL", "DATABASE_URL", "MEDIA_"))
    }
    env.update(DJANGO_SETTINGS_MODULE="gsn_site.settings.production", **environment)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def production_settings(**environment):
    secrets_set = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "CASE_REF_KEY": secrets.token_urlsafe(48),
        "HASH_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "gsn.example.org",
    }
    result = run_with_production_settings(PRINT_SETTINGS, **{**secrets_set, **environment})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


GOOD_SECRET = "k" * 30 + "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a"
GOOD_CASE_REF_KEY = "c" * 20 + "0123456789abcdef0123"
GOOD_HASH_KEY = "h" * 16 + "fedcba9876543210"  # exactly the 32 characters required
START = "import django; django.setup(); print('started')"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with_production_settings(
        START, ALLOWED_HOSTS="gsn.example.org", CASE_REF_KEY=GOOD_CASE_REF_KEY, HASH_KEY=GOOD_HASH_KEY
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_a_development_secret_key():
    result = run_with_production_settings(
        START,
        SECRET_KEY="dev-only-insecure-key-not-for-production" * 2,
        ALLOWED_HOSTS="gsn.example.org",
        CASE_REF_KEY=GOOD_CASE_REF_KEY,
        HASH_KEY=GOOD_HASH_KEY,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_with_production_settings(
        START, SECRET_KEY=GOOD_SECRET, CASE_REF_KEY=GOOD_CASE_REF_KEY, HASH_KEY=GOOD_HASH_KEY
    )
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_case_reference_key():
    result = run_with_production_settings(
        START, SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="gsn.example.org", HASH_KEY=GOOD_HASH_KEY
    )
    assert result.returncode != 0
    assert "Set CASE_REF_KEY" in result.stderr


REFUSED_HASH_KEY = "Set HASH_KEY to a random value of at least 32 characters that no other setting uses."


@pytest.mark.parametrize(
    "hash_key",
    [
        pytest.param(None, id="missing"),
        pytest.param("h" * 20 + "0123456789a", id="31-characters"),
        pytest.param(GOOD_SECRET, id="same-as-secret-key"),
        pytest.param(GOOD_CASE_REF_KEY, id="same-as-case-ref-key"),
        pytest.param("dev-only-insecure-hash-key-0123456789", id="development-key"),
    ],
)
def test_production_refuses_to_start_without_a_hash_key_of_its_own(hash_key):
    environment = {"SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "gsn.example.org", "CASE_REF_KEY": GOOD_CASE_REF_KEY}
    if hash_key is not None:
        environment["HASH_KEY"] = hash_key
    result = run_with_production_settings(START, **environment)
    assert result.returncode != 0
    assert REFUSED_HASH_KEY in result.stderr


def test_production_reads_the_fallback_keys_newest_first():
    settings = production_settings(
        HASH_KEY_FALLBACKS=" old-hash-key-2 , old-hash-key-1 ", CASE_REF_KEY_FALLBACKS="old-case-ref-key"
    )
    assert settings["hash_key_fallbacks"] == ["old-hash-key-2", "old-hash-key-1"]
    assert settings["case_ref_key_fallbacks"] == ["old-case-ref-key"]


def test_production_refuses_a_cdn_lifetime_without_a_way_to_purge_the_cdn():
    result = run_with_production_settings(
        START,
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="gsn.example.org",
        CASE_REF_KEY=GOOD_CASE_REF_KEY,
        HASH_KEY=GOOD_HASH_KEY,
        CDN_CACHE_SECONDS="300",
    )
    assert result.returncode != 0
    assert "CDN_CACHE_SECONDS needs FRONTEND_CACHE_URL" in result.stderr


def test_production_starts_with_real_secrets():
    result = run_with_production_settings(
        START,
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="gsn.example.org",
        CASE_REF_KEY=GOOD_CASE_REF_KEY,
        HASH_KEY=GOOD_HASH_KEY,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("started")


@pytest.fixture(scope="module")
def plain():
    return production_settings()


@pytest.fixture(scope="module")
def scaled_out():
    return production_settings(
        REDIS_URL="redis://127.0.0.1:6379/9",
        AWS_STORAGE_BUCKET_NAME="gsn-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.org",
        MEDIA_LOCATION="uploads",
        FRONTEND_CACHE_URL="http://127.0.0.1:6081",
    )


def test_static_files_have_hashed_names_served_by_whitenoise(plain):
    assert plain["storages"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    whitenoise = plain["middleware"].index("whitenoise.middleware.WhiteNoiseMiddleware")
    assert plain["middleware"][whitenoise - 1] == "django.middleware.security.SecurityMiddleware"


def test_one_machine_defaults_local_media_local_cache_database_tasks(plain):
    assert plain["storages"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert plain["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert plain["tasks"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in plain["apps"]
    assert plain["frontend_cache"] is None
    assert "wagtail.contrib.frontend_cache" not in plain["apps"]


def test_logs_are_json_and_redacted_and_every_request_is_logged(plain):
    assert plain["handler_formatter"] == "json"
    assert plain["handler_filters"] == ["redact"]
    assert "gsn_site.structured_logging.RequestLogMiddleware" in plain["middleware"]
    assert plain["middleware"][0] == "gsn_site.health.HealthCheckMiddleware"


def test_scaling_out_is_switched_on_by_environment_variables(scaled_out):
    assert scaled_out["storages"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert scaled_out["bucket"] == "gsn-media"
    assert scaled_out["location"] == "uploads"
    assert scaled_out["cache"] == "django_redis.cache.RedisCache"
    assert scaled_out["sessions"] == "django.contrib.sessions.backends.cache"
    assert scaled_out["frontend_cache"]["default"]["LOCATION"] == "http://127.0.0.1:6081"
    assert "wagtail.contrib.frontend_cache" in scaled_out["apps"]
    assert set(scaled_out["frontend_cache_languages"]) == {"en", "es", "fr", "pt", "hi", "sw", "km", "ar"}
