"""One-time submission tokens, receipt codes and pseudonyms.

Only keyed hashes are stored. The receipt code is derived from the form's one-time token, so a
resubmitted form (a double click) shows the same code again instead of a second response.
"""

import secrets

from django.core import signing

from gsn_site.hashing import keyed_digests, keyed_hash, keyed_hash_candidates

TOKEN_SALT = "feedback.submission"
TOKEN_MAX_AGE = 60 * 60 * 24
# Crockford's base32: no I, L, O or U, so a code read aloud or written by hand is not misread.
RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECEIPT_LENGTH = 12
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_submission_token(version_id):
    """A signed one-time token naming the survey version the form shows."""
    return signing.dumps({"token": secrets.token_urlsafe(24), "version": version_id}, salt=TOKEN_SALT, compress=True)


def read_submission_token(value):
    """(token, version id) from a posted token, or None when it is missing, forged or too old."""
    try:
        data = signing.loads(value or "", salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        return str(data["token"]), int(data["version"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def submission_hash(token):
    return keyed_hash("submission", token)


def earlier_receipt_for(token, responses):
    """The receipt code shown when `token` was first sent, if `responses` hold it; None otherwise.

    The form may have been sent under a key that has since been rotated into the fallbacks: its
    code is then the one made under that key, so the survivor's code keeps working.
    """
    hashes = keyed_hash_candidates("submission", token)
    stored = set(responses.filter(submission_hash__in=hashes).values_list("submission_hash", flat=True))
    for stored_hash, digest in zip(hashes, keyed_digests("receipt", token), strict=True):
        if stored_hash in stored:
            return _receipt_code(digest)
    return None


def receipt_code_for(token):
    """The code for a new response: derived from the form's token under the current key.

    The purpose is "receipt", as for the stored hash of the code: a token (32 URL-safe characters)
    and a normalised code (12 base32 characters) never coincide, and codes issued before keys of
    their own existed stay the same for the same key.
    """
    return _receipt_code(keyed_digests("receipt", token)[0])


def _receipt_code(digest):
    number = int.from_bytes(digest, "big")
    characters = []
    for _position in range(RECEIPT_LENGTH):
        number, index = divmod(number, len(RECEIPT_ALPHABET))
        characters.append(RECEIPT_ALPHABET[index])
    code = "".join(characters)
    return "-".join(code[i : i + 4] for i in range(0, RECEIPT_LENGTH, 4))


def normalise_receipt_code(code):
    return "".join(character for character in (code or "").upper().translate(_READ_AS) if character in RECEIPT_ALPHABET)


def receipt_hash(code):
    """The hash stored for a new response's receipt code."""
    return keyed_hash("receipt", normalise_receipt_code(code))


def receipt_hash_candidates(code):
    """Every hash a stored receipt code may have, whichever current or fallback key made it."""
    return keyed_hash_candidates("receipt", normalise_receipt_code(code))


def pseudonym(pk):
    """A stable pseudonymous reference for a response, for staff and for record-level exports."""
    return "R-" + keyed_hash("response", pk)[:10].upper()
