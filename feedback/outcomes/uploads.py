"""Uploaded ASO files between the preview and the import: a private temporary file, never under MEDIA_ROOT.

The file holds raw case references, so it lives only until it is imported or replaced, and at
most an hour. Its token is kept in the uploader's session, so nobody else can import it.
"""

import hashlib
import os
import secrets
import tempfile
import time
from pathlib import Path

from django.core.cache import cache

SESSION_KEY = "outcomes_pending_upload"
PROGRESS_SECONDS = 10 * 60
MAX_AGE_SECONDS = 60 * 60


def _directory():
    directory = Path(tempfile.gettempdir()) / "gsn-aso-uploads"
    directory.mkdir(mode=0o700, exist_ok=True)
    return directory


def _remove_stale(directory):
    limit = time.time() - MAX_AGE_SECONDS
    for path in directory.iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass


def keep(request, upload):
    """Store an uploaded file for the confirmation step; returns its token."""
    discard(request)
    directory = _directory()
    _remove_stale(directory)
    token = secrets.token_urlsafe(24)
    extension = Path(upload.name).suffix.lower()
    path = directory / f"{token}{extension}"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stored:
        for chunk in upload.chunks():
            stored.write(chunk)
    request.session[SESSION_KEY] = {"token": token, "extension": extension}
    return token


def path_for(request, token):
    """The stored file for a token of this session, or None."""
    pending = request.session.get(SESSION_KEY) or {}
    if not token or not secrets.compare_digest(str(pending.get("token", "")), str(token)):
        return None
    path = _directory() / f"{pending['token']}{pending['extension']}"
    return path if path.exists() else None


def discard(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        (_directory() / f"{pending['token']}{pending['extension']}").unlink(missing_ok=True)


def _progress_key(request):
    # Keyed by a hash of the uploader's session: progress is nobody else's business.
    session_key = request.session.session_key or ""
    return "outcomes-import-progress:" + hashlib.sha256(session_key.encode()).hexdigest()


def progress_recorder(request):
    """A `progress(rows, fraction)` callback for the importer that the progress view can read."""
    key = _progress_key(request)
    cache.delete(key)

    def record(rows, fraction):
        cache.set(key, {"rows": rows, "percent": None if fraction is None else round(fraction * 100)}, PROGRESS_SECONDS)

    return record


def read_progress(request):
    """The progress of this session's running (or last) check or import, or None."""
    if not request.session.session_key:
        return None
    return cache.get(_progress_key(request))
