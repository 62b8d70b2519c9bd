"""Whatever a member types in the story form opens on every moderator screen of the admin."""

import importlib

import pytest
from django.apps import apps

from stories.models import StoryPage
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps

from .test_submission import story_post

pytestmark = pytest.mark.django_db

# (what the member types, HTML fragments the moderator must see in the rendered story)
MEMBER_TEXTS = [
    ("First line\nSecond line", ["First line<br/>Second line"]),
    ("First line\r\nSecond line\rThird line", ["First line<br/>Second line<br/>Third line"]),
    ("One paragraph.\n\n\n\nAnother paragraph.", [">One paragraph.</p>", ">Another paragraph.</p>"]),
    ("  \n\nOnly after blank lines\n \n", [">Only after blank lines</p>"]),
    (
        "Things I carried:\n- a bag\n- a photo\n1. first\n2. second",
        ["Things I carried:<br/>- a bag<br/>- a photo<br/>1. first<br/>2. second"],
    ),
    ("We laughed 😀🙏🏽 at last\nأنا بخير الآن", ["We laughed 😀🙏🏽 at last<br/>أنا بخير الآن"]),
    ("שלום\u200fعالم mixed RTL\u2028next line\u2029and more", ["next line<br/>and more"]),
    ('I was < 18 & he said "stay" > there', ['I was &lt; 18 &amp; he said "stay" &gt; there']),
    ("<p>Not a tag</p><br>Still text<i>ok</i>", [">Not a tagStill textok</p>"]),
    ("Tab\tinside  many   spaces", [">Tab inside many spaces</p>"]),
    ("Long " * 5000 + "end", ["Long Long Long", "Long end</p>"]),
    ("खुद को संभाला\nខ្ញុំបានរស់រានមានជីវិត", ["खुद को संभाला<br/>ខ្ញុំបានរស់រានមានជីវិត"]),
]


def sign_in_moderator(client, moderator):
    give_totp_authenticator(moderator)
    sign_in_with_two_steps(client, moderator)


def share(client, member, body):
    client.force_login(member)
    response = client.post("/en/share-your-story/", story_post(body=body, title="Review me", content_notes=""))
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return StoryPage.objects.get()


def moderator_screens(story):
    revision = story.latest_revision
    state = story.current_workflow_state
    return {
        "edit": f"/admin/pages/{story.pk}/edit/",
        "revision": f"/admin/pages/{story.pk}/revisions/{revision.pk}/view/",
        "compare": f"/admin/pages/{story.pk}/revisions/compare/earliest...{revision.pk}/",
        "workflow preview": f"/admin/pages/workflow/preview/{story.pk}/{state.current_task_state.task_id}/",
        "workflow history": f"/admin/pages/{story.pk}/workflow_history/",
        "workflow detail": f"/admin/pages/{story.pk}/workflow_history/detail/{state.pk}/",
        "approve dialog": (f"/admin/pages/workflow/action/{story.pk}/approve/{state.current_task_state.pk}/"),
    }


@pytest.mark.parametrize(("typed", "shown"), MEMBER_TEXTS, ids=range(len(MEMBER_TEXTS)))
def test_every_moderator_screen_opens_what_a_member_typed(client, story_index, member, moderator, typed, shown):
    story = share(client, member, typed)
    sign_in_moderator(client, moderator)
    for name, url in moderator_screens(story).items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
    for url in (moderator_screens(story)["revision"], moderator_screens(story)["workflow preview"]):
        html = client.get(url).content.decode()
        for fragment in shown:
            assert fragment in html, f"{url} does not show {fragment!r}"
    assert "Review me" in client.get(moderator_screens(story)["edit"]).content.decode()


def test_stories_saved_with_the_old_line_breaks_open_after_the_upgrade(client, story_index, member, moderator):
    story = share(client, member, "First line\nSecond line\n\nNext paragraph")
    old_body = [
        {"type": "paragraph", "value": "<p>First line<br>Second line</p>"},
        {"type": "paragraph", "value": "<p>Next paragraph</p>"},
    ]
    story.body_en = old_body
    story.save()
    story.save_revision(user=member)
    sign_in_moderator(client, moderator)
    with pytest.raises(AssertionError, match="Unmatched tags"):
        client.get(f"/admin/pages/{story.pk}/edit/")

    upgrade = importlib.import_module("stories.migrations.0004_story_line_breaks_in_rich_text")
    upgrade.close_line_breaks(apps, None)

    story = StoryPage.objects.get()
    assert [block.value.source for block in story.body_en] == [
        "<p>First line<br/>Second line</p>",
        "<p>Next paragraph</p>",
    ]
    for revision in story.revisions.all():
        assert "<br>" not in revision.content["body_en"]
    for name, url in moderator_screens(story).items():
        assert client.get(url).status_code == 200, name
    assert "First line<br/>Second line" in client.get(moderator_screens(story)["revision"]).content.decode()
