"""The gettext catalogs are complete, reviewed (no fuzzy entries), compiled and current."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
SOURCE_DIRS = [
    "gsn_site",
    "home",
    "members",
    "stories",
    "programs",
    "feedback",
    "outcomes",
    "reporting",
    "channels",
    "templates",
]


def catalog(code):
    return ROOT / "locale" / code / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_catalog_is_complete_and_reviewed(code):
    po = polib.pofile(str(catalog(code)))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"{code}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert fuzzy == [], f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


# The network's name is a proper name: it may stay as it is in any language.
PROPER_NAMES = {"Global Survivor Network"}


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_catalog_is_not_an_english_copy(code):
    po = polib.pofile(str(catalog(code)))
    wordy = [
        e
        for e in po.translated_entries()
        if len(re.findall(r"[A-Za-z]{3,}", e.msgid)) >= 3 and e.msgid not in PROPER_NAMES
    ]
    copies = [e.msgid for e in wordy if e.msgstr == e.msgid]
    assert len(wordy) > 0
    assert copies == [], f"{code}: left in English: {copies[:5]}"


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_compiled_catalog_matches_its_source(code):
    po = polib.pofile(str(catalog(code)))
    mo_path = catalog(code).with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"
    mo = polib.mofile(str(mo_path))

    def entries(source):
        return {
            (entry.msgctxt, entry.msgid): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            for entry in source
            if entry.msgid and not entry.obsolete and "fuzzy" not in entry.flags
        }

    assert entries(mo) == entries(po), f"{mo_path} is stale: run `make messages`"


def test_catalogs_hold_every_translatable_string(tmp_path):
    """Extract the strings again from a copy of the source and compare with the committed catalog."""
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext not found: install GNU gettext (apt-get install gettext)")
    for name in SOURCE_DIRS + ["manage.py", "locale"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "es", "--no-obsolete", "--add-location=file"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / "locale/es/LC_MESSAGES/django.po"))}
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalog("es")))}
    missing = sorted(fresh - committed, key=str)
    stale = sorted(committed - fresh, key=str)
    assert missing == [], f"strings missing from the catalogs (run `make messages`): {missing[:10]}"
    assert stale == [], f"strings no longer in the code (run `make messages`): {stale[:10]}"
