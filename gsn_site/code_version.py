"""The version of the code that renders pages, for the keys of everything cached from rendering.

A deploy changes templates and the code that fills them, while the whole-page and fragment caches
(shared by every node through Redis) still hold what the old code rendered. Their keys carry this
version, so new code never serves an old fragment, and during a rolling deploy old and new nodes
each read only their own entries. Sessions and rate limits do not use it: a deploy must not sign
anyone out or forget a limit.

`CODE_VERSION` (the environment variable, e.g. a release tag or commit) wins; without it the version
is a fingerprint of the source files that shape a page, read once per process.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings

# What decides how a page looks: code, templates, static files and compiled catalogs.
SHAPING_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".mo", ".svg"}
# Not part of what a node renders (collected static files and uploads are skipped by their settings).
SKIPPED_DIRECTORIES = {"node_modules", "tests", "bench", "docs"}


def code_version():
    skipped = frozenset(Path(folder).resolve() for folder in (settings.STATIC_ROOT, settings.MEDIA_ROOT))
    return settings.CODE_VERSION or source_fingerprint(Path(settings.BASE_DIR).resolve(), skipped)


@functools.cache
def source_fingerprint(root, skipped=frozenset()):
    """A short hash of the names and contents of every file under `root` that shapes a page."""
    digest = hashlib.sha256()
    for path in sorted(_shaping_files(root, skipped)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _shaping_files(folder, skipped):
    for path in folder.iterdir():
        if path.is_dir():
            if path.name not in SKIPPED_DIRECTORIES and not path.name.startswith(".") and path not in skipped:
                yield from _shaping_files(path, skipped)
        elif path.suffix in SHAPING_SUFFIXES:
            yield path
