"""Case references: the one place where a provider's case reference is turned into a keyed hash.

The raw reference is never stored or logged. HMAC-SHA256 with a secret key (settings.CASE_REF_KEY)
means that someone with the database but not the key cannot test guesses of case numbers.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def normalise_case_ref(raw):
    """The reference as compared: surrounding white space is not part of it."""
    return str(raw if raw is not None else "").strip()


def hash_case_ref(program_code, raw):
    """The hex HMAC-SHA256 of a case reference, scoped to a program (so that two programs' case 17 differ).

    `program_code` may be None for a reference that is not scoped to a program.
    """
    key = settings.CASE_REF_KEY
    if not key:
        raise ImproperlyConfigured("Set CASE_REF_KEY to hash case references.")
    message = f"{program_code or ''}\x1f{normalise_case_ref(raw)}"
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()
