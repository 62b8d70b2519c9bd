"""Keyed hashes: a value that must be recognised again but never stored or shown as it is.

Every keyed hash of the site is HMAC-SHA256 under a key of its own, never SECRET_KEY, so changing
SECRET_KEY (sessions, signed tokens) leaves stored hashes alone.

- HASH_KEY serves every purpose but one. The purpose is the start of the hashed message
  ("purpose:value"), so a hash made for one purpose (a receipt code, a rate limit) never matches one
  made for another. One key to keep and rotate instead of one per purpose; purposes are fixed names
  chosen in the code, never user input.
- Case references (CASE_REFERENCE) have CASE_REF_KEY: their hashes link a person's assessments over
  years, so rotating them is a decision of its own, never a side effect of rotating HASH_KEY. That key
  serves nothing else, so the message is the value alone, as case hashes have always been made.

Rotation: the new key becomes current and the old one moves to HASH_KEY_FALLBACKS (or
CASE_REF_KEY_FALLBACKS). New hashes use the current key only; lookups of stored hashes try every
key (keyed_hash_candidates), so a receipt code issued before the rotation still finds its answers.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

CASE_REFERENCE = "case-ref"


def _keys(purpose):
    """The keys for `purpose`, current first."""
    current, fallbacks = (
        ("CASE_REF_KEY", "CASE_REF_KEY_FALLBACKS") if purpose == CASE_REFERENCE else ("HASH_KEY", "HASH_KEY_FALLBACKS")
    )
    key = getattr(settings, current)
    if not key:
        raise ImproperlyConfigured(f"Set {current} to make keyed hashes.")
    return [key, *getattr(settings, fallbacks)]


def _message(purpose, value):
    return str(value) if purpose == CASE_REFERENCE else f"{purpose}:{value}"


def keyed_digests(purpose, value):
    """The 32-byte digests of `value` for `purpose` under each key, current key first."""
    message = _message(purpose, value).encode()
    return [hmac.new(key.encode(), message, hashlib.sha256).digest() for key in _keys(purpose)]


def keyed_hash(purpose, value):
    """The hash to store: HMAC-SHA256 under the current key, as 64 hex characters."""
    key = _keys(purpose)[0]
    return hmac.new(key.encode(), _message(purpose, value).encode(), hashlib.sha256).hexdigest()


def keyed_hash_candidates(purpose, value):
    """Every hash `value` may be stored under (current key first): for lookups, never for storing."""
    return [digest.hex() for digest in keyed_digests(purpose, value)]


def has_fallback_keys(purpose):
    """True while a rotation is under way: hashes stored for `purpose` may be under an older key."""
    return len(_keys(purpose)) > 1
