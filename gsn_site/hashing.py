"""Keyed hashes: a value that must be recognised again but never stored or shown as it is.

The purpose is part of the hashed message, so a hash made for one purpose (a receipt code, a rate
limit key) never matches one made for another. ASO case references use their own key
(feedback.outcomes.case_refs), so that rotating the site's key never orphans imported assessments.
"""

import hashlib
import hmac

from django.conf import settings


def keyed_hash(purpose, value):
    """HMAC-SHA256 of "purpose:value" under the site's secret key, as 64 hex characters."""
    return hmac.new(settings.SECRET_KEY.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()
