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


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|type)=)([^>]*)>(.*?)</script>", re.S)


def inline_scripts(response):
    """(attributes, text) of every script the browser would run from the page itself."""
    return INLINE_SCRIPT.findall(response.content.decode())


def script_src(response):
    return directives(response)["script-src"].split()


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture
def administrator_client(client):
    return sign_in_with_two_steps(client, ModeratorFactory(is_superuser=True))


@pytest.fixture
def program(demo_site):
    from tests.feedback.factories import ProgramFactory, make_survey

    survey = make_survey(parent=demo_site, slug="give-feedback")
    return ProgramFactory(code="kenya-aftercare", name_en="Kenya aftercare", survey=survey)


def test_script_src_allows_inline_scripts_only_by_this_responses_nonce_and_the_one_hash(moderator_client, story):
    response = moderator_client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    nonce = re.search(r"'nonce-([A-Za-z0-9+/=]+)'", response.headers["Content-Security-Policy"]).group(1)
    (translation_settings,) = [
        text for _attrs, text in inline_scripts(response) if "wagtailModelTranslations =" in text
    ]
    assert script_src(response) == ["'self'", f"'nonce-{nonce}'", sha256(translation_settings)]
    for attributes, text in inline_scripts(response):
        if text != translation_settings:
            assert attributes == f' nonce="{nonce}"', text[:80]
    # Inline event handlers: only the image editor's do-nothing touch probe (`return;`).
    assert directives(response)["script-src-attr"] == f"'unsafe-hashes' {sha256('return;')}"
    assert "'unsafe-inline'" not in script_src(response)
    assert "'unsafe-eval'" not in script_src(response)
    assert "'strict-dynamic'" not in script_src(response)


def test_every_response_has_a_new_nonce(moderator_client, story):
    nonces = {
        re.search(
            r"'nonce-([^']+)'",
            moderator_client.get(f"/admin/pages/{story.pk}/edit/").headers["Content-Security-Policy"],
        ).group(1)
        for _ in range(3)
    }
    assert len(nonces) == 3
    assert all(len(base64.b64decode(nonce)) == 16 for nonce in nonces)


def test_a_script_in_a_story_never_gets_the_nonce(moderator_client, demo_site):
    index = StoryIndexPageFactory(parent=demo_site)
    story = submitted_story(
        index, MemberFactory().user, title='<script nonce="x">alert(1)</script>', summary="<script>alert(2)</script>"
    )
    html = moderator_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "alert(1)</script>" not in html
    assert "<script>alert(2)" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("url", "scripts"),
    [
        # Date-time pickers of the schedule dialog; the survey's question panel (InlinePanel).
        ("/admin/pages/{survey}/edit/", ["initDateTimeChooser", "initDateTimeChooser", "new InlinePanel"]),
        (
            "/admin/pages/add/feedback/feedbacksurvey/{home}/",
            ["initDateTimeChooser", "initDateTimeChooser", "new InlinePanel"],
        ),
        # The chapter's photo: an image chooser, written by Wagtail in Python.
        ("/admin/pages/{chapter}/edit/", ["new ImageChooser", "initDateTimeChooser", "initDateTimeChooser"]),
        # A program's feedback link: an inline row whose survey is a page chooser (the row and the
        # template of a new row); a program answer's program: a snippet chooser.
        ("/admin/snippets/programs/program/edit/{program}/", ["new InlinePanel", "new PageChooser", "new PageChooser"]),
        ("/admin/snippets/feedback/programreply/add/", ["initDateChooser", "new SnippetChooser"]),
        # The page explorer's date filters; a group's page permissions; a workflow's tasks.
        ("/admin/pages/{home}/", ["initDateChooser", "initDateChooser"]),
        ("/admin/groups/new/", ["new PageChooser"]),
        ("/admin/workflows/add/", ["createTaskChooser", "new InlinePanel", "new PageChooser", "new PageChooser"]),
    ],
)
def test_wagtails_own_scripts_carry_the_nonce_on_every_kind_of_screen(administrator_client, program, url, scripts):
    from feedback.models import FeedbackSurvey
    from home.models import ChapterPage, HomePage

    ids = {
        "survey": FeedbackSurvey.objects.get().pk,
        "home": HomePage.objects.get().pk,
        "chapter": ChapterPage.objects.first().pk,
        "program": program.pk,
    }
    response = administrator_client.get(url.format(**ids))
    assert response.status_code == 200
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    found = [
        (attributes, re.search(r"(new \w+|init\w+|create\w+)\(", text).group(1))
        for attributes, text in inline_scripts(response)
        if "wagtailModelTranslations =" not in text
    ]
    assert sorted(found) == sorted((f' nonce="{nonce}"', script) for script in scripts)


def test_a_public_page_gets_no_nonce_and_no_inline_script(client, demo_site):
    response = client.get("/en/")
    assert script_src(response) == ["'self'"]
    assert inline_scripts(response) == []


def test_the_admin_may_frame_its_own_preview_and_nothing_else_is_framed(moderator_client, story):
    edit = moderator_client.get(f"/admin/pages/{story.pk}/edit/")
    assert directives(edit)["frame-src"] == "'self'"
    assert directives(edit)["frame-ancestors"] == "'none'"
    assert edit.headers["X-Frame-Options"] == "DENY"
    # Before the panel has sent the form: Wagtail's "preview not available" screen.
    unavailable = moderator_client.get(f"/admin/pages/{story.pk}/edit/preview/")
    assert unavailable.status_code == 200
    assert directives(unavailable)["frame-ancestors"] == "'self'"
    assert unavailable.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_the_rendered_preview_may_be_framed_by_the_admin_only(administrator_client, demo_site):
    from tests.home.test_preview_languages import start_preview

    start_preview(administrator_client, demo_site)
    preview = administrator_client.get(f"/admin/pages/{demo_site.pk}/edit/preview/", {"mode": "en"})
    assert preview.status_code == 200
    assert "<title>Global Survivor Network · " in preview.content.decode()
    assert directives(preview)["frame-ancestors"] == "'self'"
    assert directives(preview)["frame-src"] == "'none'"
    assert script_src(preview) == ["'self'"]
    assert preview.headers["X-Frame-Options"] == "SAMEORIGIN"
    # The same page at its public address (once published) still refuses every frame.
    public = administrator_client.get("/en/")
    assert directives(public)["frame-ancestors"] == "'none'"


def test_public_pages_keep_framing_off(client, demo_site):
    response = client.get("/en/")
    assert directives(response)["frame-src"] == "'none'"
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
