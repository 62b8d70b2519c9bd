"""Case references: the one place where a provider's case reference is turned into a keyed hash.

The raw reference is never stored or logged. HMAC-SHA256 with a secret key (settings.CASE_REF_KEY,
gsn_site.hashing) means that someone with the database but not the key cannot test guesses of case
numbers.
"""

from gsn_site.hashing import CASE_REFERENCE, keyed_hash, keyed_hash_candidates


def normalise_case_ref(raw):
    """The reference as compared: surrounding white space is not part of it."""
    return str(raw if raw is not None else "").strip()


def hash_case_ref(program_code, raw):
    """The hex HMAC-SHA256 of a case reference under the current key, scoped to a program (so that
    two programs' case 17 differ).

    `program_code` may be None for a reference that is not scoped to a program.
    """
    return keyed_hash(CASE_REFERENCE, _scoped(program_code, raw))


def case_ref_hash_candidates(program_code, raw):
    """Every hash the case may be stored under, current key first, then CASE_REF_KEY_FALLBACKS."""
    return keyed_hash_candidates(CASE_REFERENCE, _scoped(program_code, raw))


def _scoped(program_code, raw):
    return f"{program_code or ''}\x1f{normalise_case_ref(raw)}"
