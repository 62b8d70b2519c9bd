import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "k" * 30 + "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a"
GOOD_CASE_REF_KEY = "c" * 20 + "0123456789abcdef0123"


def load_production_settings(**environment):
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "ALLOWED_HOSTS", "CASE_REF_KEY")}
    env.update(environment, DJANGO_SETTINGS_MODULE="gsn_site.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_production_settings(ALLOWED_HOSTS="gsn.example.org")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_a_development_secret_key():
    result = load_production_settings(SECRET_KEY="dev-only-insecure-key-not-for-production" * 2, ALLOWED_HOSTS="gsn.example.org")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_production_settings(SECRET_KEY=GOOD_SECRET)
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_case_reference_key():
    result = load_production_settings(SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="gsn.example.org")
    assert result.returncode != 0
    assert "Set CASE_REF_KEY" in result.stderr


def test_production_starts_with_real_secrets():
    result = load_production_settings(SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="gsn.example.org", CASE_REF_KEY=GOOD_CASE_REF_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("started")


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client, demo_site):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if " " in part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.django_db
def test_public_pages_load_nothing_from_other_hosts(client, demo_site):
    import re

    for url in ("/en/", "/ar/about/", "/hi/network/sample-chapter-india/"):
        html = client.get(url).content.decode()
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        external = [s for s in sources if s.startswith(("http:", "https:", "//"))]
        # The only outside address on a page is the quick-exit target, which is a plain link.
        assert external == ["https://www.bbc.com/weather"], (url, external)
        assert "<script>" not in html
        assert re.search(r"\sstyle=", html) is None
        assert re.search(r"\son[a-z]+=", html) is None


@pytest.mark.django_db
def test_home_page_weighs_under_100_kb_without_images(client, demo_site):
    from django.contrib.staticfiles import finders

    html = client.get("/en/").content
    css = Path(finders.find("gsn/css/site.css")).read_bytes()
    js = Path(finders.find("gsn/js/site.js")).read_bytes()
    total = len(html) + len(css) + len(js)
    assert total < 100 * 1024, total


@pytest.mark.django_db
def test_account_pages_are_never_cached(client):
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_admin_login_goes_through_the_member_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/en/accounts/login/")
