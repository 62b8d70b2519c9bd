"""Production refuses to take text messages without the keys that keep numbers and replies unreadable."""

import secrets

from cryptography.fernet import Fernet

from tests.production.test_production_settings import (
    GOOD_CASE_REF_KEY,
    GOOD_HASH_KEY,
    GOOD_SECRET,
    START,
    run_with_production_settings,
)

BASE = {
    "SECRET_KEY": GOOD_SECRET,
    "CASE_REF_KEY": GOOD_CASE_REF_KEY,
    "HASH_KEY": GOOD_HASH_KEY,
    "ALLOWED_HOSTS": "gsn.example.org",
    "SMS_EXTERNAL_SECRET": secrets.token_urlsafe(48),
}


def test_a_gateway_without_a_number_key_refuses_to_start():
    result = run_with_production_settings(START, **BASE, CHANNELS_FERNET_KEYS=Fernet.generate_key().decode())
    assert result.returncode != 0 and "Set CHANNELS_NUMBER_KEY" in result.stderr


def test_a_gateway_without_a_valid_fernet_key_refuses_to_start():
    result = run_with_production_settings(
        START, **BASE, CHANNELS_NUMBER_KEY=secrets.token_urlsafe(48), CHANNELS_FERNET_KEYS="not-a-key"
    )
    assert result.returncode != 0 and "Set CHANNELS_FERNET_KEYS" in result.stderr


def test_a_gateway_with_its_keys_starts():
    result = run_with_production_settings(
        START,
        **BASE,
        CHANNELS_NUMBER_KEY=secrets.token_urlsafe(48),
        CHANNELS_FERNET_KEYS=f"{Fernet.generate_key().decode()},{Fernet.generate_key().decode()}",
    )
    assert result.returncode == 0, result.stderr
