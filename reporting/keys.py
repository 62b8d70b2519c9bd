"""Record keys of the cell key method (reporting.ptable)."""

import secrets

from .ptable import KEY_RANGE


def new_record_key():
    """A record's secret key, 0 to 255, drawn once when the record is created."""
    return secrets.randbelow(KEY_RANGE)
