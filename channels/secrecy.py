"""The two things that stand between a phone number and this database.

- `conversation_key`: an HMAC-SHA256 of the number (normalised to E.164 with `phonenumbers`) under
  CHANNELS_NUMBER_KEY, a key of the current survey round that lives only in the environment. A
  number is a short, guessable string: a plain hash of it is brute-forced in minutes, a keyed one
  is not without the key; a new key each round means an old round's keys link nothing to a new one.
- `seal`/`unseal`: Fernet (from `cryptography`) under CHANNELS_FERNET_KEYS, newest first, for what
  must be read back for a short while (the address a reply goes to, the answers of a conversation
  not yet finished).
"""

import hashlib
import hmac

import phonenumbers
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def normalised_number(raw, region=None):
    """The number in E.164 (`+254700123456`), or None when it is not a possible phone number."""
    try:
        number = phonenumbers.parse(str(raw or ""), region or settings.CHANNELS_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def conversation_key(channel, number):
    """The key of a number's conversation on `channel`: never the number, never reversible without the key."""
    key = settings.CHANNELS_NUMBER_KEY
    if not key:
        raise ImproperlyConfigured("Set CHANNELS_NUMBER_KEY to take answers by text message.")
    return hmac.new(key.encode(), f"{channel}:{number}".encode(), hashlib.sha256).hexdigest()


def _fernet():
    keys = settings.CHANNELS_FERNET_KEYS
    if not keys:
        raise ImproperlyConfigured("Set CHANNELS_FERNET_KEYS to take answers by text message.")
    return MultiFernet([Fernet(key) for key in keys])


def seal(text):
    return _fernet().encrypt(text.encode()).decode()


def unseal(token):
    """The sealed text, or None when no current key opens it (then it is treated as gone)."""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except (InvalidToken, ValueError):
        return None
