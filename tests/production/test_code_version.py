"""The code's version in cache keys is a fingerprint of what shapes a page, unless set explicitly."""

from gsn_site.code_version import code_version, source_fingerprint


def write(root, name, text):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_the_fingerprint_changes_with_a_template_and_ignores_tests_and_uploads(tmp_path):
    write(tmp_path, "app/templates/page.html", "<h1>{{ title }}</h1>")
    write(tmp_path, "app/views.py", "def view(): ...")
    before = source_fingerprint(tmp_path)
    write(tmp_path, "tests/test_page.py", "def test(): ...")
    write(tmp_path, "media/photo.html", "uploaded")
    assert source_fingerprint.__wrapped__(tmp_path, frozenset({tmp_path / "media"})) == before
    write(tmp_path, "app/templates/page.html", "<h1 class='title'>{{ title }}</h1>")
    assert source_fingerprint.__wrapped__(tmp_path) != before


def test_an_explicit_version_wins(settings):
    settings.CODE_VERSION = "v2026.12"
    assert code_version() == "v2026.12"
    settings.CODE_VERSION = ""
    assert len(code_version()) == 16
