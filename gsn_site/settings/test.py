"""Settings for the test suite: fast hashing, in-memory mail, isolated media."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
HASH_KEY = "test-only-hash-key-0123456789-abcdefghijkl"
HASH_KEY_FALLBACKS = []
CASE_REF_KEY = "test-only-case-ref-key-0123456789"
CASE_REF_KEY_FALLBACKS = []
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="gsn-test-media-"))  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# The database task backend's table, so that migrations which touch queued tasks can be tested; the
# tests themselves still run tasks immediately (base.TASKS).
INSTALLED_APPS += ["django_tasks_db"]  # noqa: F405
CHANNELS_NUMBER_KEY = "test-only-channels-number-key-0123456789"
CHANNELS_FERNET_KEYS = ["dGVzdC1vbmx5LWZlcm5ldC1rZXktMDEyMzQ1Njc4OWE="]
