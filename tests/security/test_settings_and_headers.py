import re
from pathlib import Path

import pytest


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
    for url in ("/en/", "/ar/about/", "/hi/network/sample-chapter-india/"):
        html = client.get(url).content.decode()
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        external = [s for s in sources if s.startswith(("http:", "https:", "//"))]
        # Even the quick-exit link goes through the site's own sign-out address.
        assert external == [], (url, external)
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
