"""The benchmark tooling lives in bench/ and stays out of the site: the site never imports it."""

import ast
import io
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]
SITE_PACKAGES = ("gsn_site", "home", "stories", "feedback")


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_site_module_imports_the_bench_package():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for package in SITE_PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        for module in imported_modules(path)
        if module == "bench" or module.startswith("bench.")
    ]
    assert offenders == []


def test_the_site_settings_have_no_bench_app_and_no_bench_command():
    assert "bench" not in settings.INSTALLED_APPS
    assert not (ROOT / "gsn_site" / "benchdata.py").exists()
    assert not (ROOT / "gsn_site" / "bulk_pages.py").exists()
    with pytest.raises(CommandError, match="Unknown command: 'bench'"):
        call_command("bench", "--setup-only")


def test_the_bench_settings_add_the_bench_command_to_the_production_settings():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "CASE_REF_KEY": secrets.token_urlsafe(48),
        "HASH_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "testserver",
    }
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "help", "bench"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Build a large dataset in a throwaway database" in result.stdout
    assert "--feedback-responses" in result.stdout


@pytest.mark.django_db
def test_the_bench_writes_an_aso_file_the_importer_reads(tmp_path):
    """The bench's ASO step times real imports: its file must be one the importer accepts."""
    from bench.management.commands.bench import Command
    from outcomes.importer import read_rows
    from programs.outcome_domains import DOMAIN_CODES

    data = Command.aso_csv("sample-ke-aftercare", 8)
    rows = [cells for _number, cells, _done in read_rows(io.BytesIO(data), "bench.csv")]
    assert rows[0] == ["program", "case_ref", "assessed_on", "occasion", *DOMAIN_CODES]
    assert len(rows) == 9
