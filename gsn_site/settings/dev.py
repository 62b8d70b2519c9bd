"""Local development: `make run`. No secrets needed; never used in production."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"  # noqa: F405
HASH_KEY = HASH_KEY or "dev-only-insecure-hash-key"  # noqa: F405
CASE_REF_KEY = CASE_REF_KEY or "dev-only-insecure-case-ref-key"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CHANNELS_NUMBER_KEY = CHANNELS_NUMBER_KEY or "dev-only-insecure-channels-number-key"  # noqa: F405
# A fixed development key (Fernet keys are 32 bytes in URL-safe base64); production sets its own.
CHANNELS_FERNET_KEYS = CHANNELS_FERNET_KEYS or ["ZGV2LW9ubHktaW5zZWN1cmUtZmVybmV0LWtleS0wMDA="]  # noqa: F405
