"""Headers of the admin and of every page: CSP that the admin can live with, framing for previews
only, and a Permissions-Policy that switches powerful features off."""

import base64
import hashlib
import re

import pytest

from tests.conftest import sign_in_with_two_steps
from tests.stories.conftest import submitted_story
from tests.stories.factories import MemberFactory, ModeratorFactory, StoryIndexPageFactory

pytestmark = pytest.mark.django_db

OFF = ("camera", "microphone", "geolocation", "payment", "usb", "bluetooth", "display-capture")


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if " " in part.strip())


@pytest.fixture
def story(demo_site):
    index = StoryIndexPageFactory(parent=demo_site)
    return submitted_story(index, MemberFactory().user, title="A story under review")


@pytest.fixture
def moderator_client(client):
    return sign_in_with_two_steps(client, ModeratorFactory())


@pytest.mark.parametrize(
    "url", ["/en/", "/en/accounts/login/", "/en/feedback/", "/en/no-such-page/", "/admin/", "/admin/login/"]
)
def test_every_response_switches_powerful_browser_features_off(client, demo_site, url):
    header = client.get(url).headers["Permissions-Policy"]
    features = dict(item.split("=", 1) for item in header.split(", "))
    for feature in OFF:
        assert features[feature] == "()", (url, feature)


def test_the_edit_screen_allows_the_modeltranslation_script_by_its_hash_and_no_inline_script_at_large(
    moderator_client, story
):
    response = moderator_client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    inline = [
        body for body in re.findall(r"<script>(.*?)</script>", html, re.S) if "wagtailModelTranslations =" in body
    ]
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    script_src = directives(response)["script-src"].split()
    assert script_src == ["'self'", f"'sha256-{digest}'"]
    assert "'unsafe-inline'" not in script_src


def test_the_admin_may_frame_its_own_preview_and_nothing_else_is_framed(moderator_client, story):
    edit = moderator_client.get(f"/admin/pages/{story.pk}/edit/")
    assert directives(edit)["frame-src"] == "'self'"
    assert directives(edit)["frame-ancestors"] == "'none'"
    assert edit.headers["X-Frame-Options"] == "DENY"
    preview = moderator_client.get(f"/admin/pages/{story.pk}/edit/preview/")
    assert preview.status_code == 200
    assert directives(preview)["frame-ancestors"] == "'self'"
    assert preview.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_keep_framing_off(client, demo_site):
    response = client.get("/en/")
    assert directives(response)["frame-src"] == "'none'"
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
