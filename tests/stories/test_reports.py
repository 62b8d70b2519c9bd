import re

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from stories.models import AuthorNote, ContentReport, StoryPage, StoryStatus
from tests.conftest import sign_in_with_two_steps

pytestmark = pytest.mark.django_db


def report(client, story, reason="harmful", address="10.0.0.1", **extra):
    return client.post(
        f"/en/report-story/{story.pk}/", {"reason": reason, "note": "", "website": "", **extra}, REMOTE_ADDR=address
    )


@pytest.fixture
def admin_client(client, moderator):
    return sign_in_with_two_steps(client, moderator)


def test_anyone_can_report_a_story_without_an_account(client, make_published):
    story = make_published()
    response = report(client, story, reason="identity_risk", note="It names <b>the village</b>")
    assert response.status_code == 302
    assert response["Location"].endswith("?reported=1#report")
    saved = ContentReport.objects.get()
    assert (saved.story_id, saved.reason, saved.note, saved.status) == (
        story.pk,
        "identity_risk",
        "It names the village",
        ContentReport.Status.OPEN,
    )
    assert len(saved.reporter_key) == 64
    assert "10.0.0.1" not in saved.reporter_key
    assert ModelLogEntry.objects.filter(action="stories.report.received", object_id=str(saved.pk)).exists()


def test_every_story_page_has_the_report_form(client, make_published):
    story = make_published()
    content = client.get(f"/en{story.url_path[len('/home') :]}").content.decode()
    assert f'action="/en/report-story/{story.pk}/"' in content
    for label in (
        "It could identify or endanger someone",
        "It is harmful or abusive",
        "It is false",
        "It is spam",
        "Something else",
    ):
        assert label in content


def test_reports_are_rate_limited(client, make_published):
    story = make_published()
    statuses = [report(client, story).status_code for _ in range(6)]
    assert statuses == [302, 302, 302, 302, 302, 429]
    assert ContentReport.objects.count() == 5


def test_a_limited_report_comes_back_with_the_note_kept(client, make_published, settings):
    settings.STORY_REPORTS_PER_HOUR = 0
    story = make_published()
    response = report(client, story, reason="false", note="The dates in paragraph two are wrong")
    text = response.content.decode()
    assert response.status_code == 429
    assert (
        "You have sent several reports in a short time, so this one was not sent. Please try again in an hour." in text
    )
    assert "The dates in paragraph two are wrong</textarea>" in text
    assert ContentReport.objects.count() == 0


def test_a_refused_report_never_reaches_the_next_reader(client, make_published, settings):
    # The empty report form comes from the fragment cache; a form sent back with a reader's note
    # must never be what fills it, whichever comes first.
    settings.PAGE_CACHE_SECONDS = 0
    settings.STORY_REPORTS_PER_HOUR = 0
    story = make_published()
    refused = report(client, story, reason="false", note="Only I wrote this note")
    assert refused.status_code == 429
    assert "Only I wrote this note</textarea>" in refused.text

    from django.test import Client

    for reader in (Client(), Client()):
        text = reader.get(f"/en{story.url_path[len('/home') :]}").text
        assert "Only I wrote this note" not in text
        assert "You have sent several reports" not in text
        assert re.search(r'<textarea name="note"[^>]*>\s*</textarea>', text)


def behind_proxy(client, story, forwarded):
    return client.post(
        f"/en/report-story/{story.pk}/",
        {"reason": "identity_risk", "note": "", "website": ""},
        REMOTE_ADDR="10.0.0.254",
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_the_proxy_distinct_readers_are_counted_per_client(client, make_published, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    story = make_published()
    behind_proxy(client, story, "203.0.113.1")
    # The same reader again, with a made-up address on the left: still one reader.
    behind_proxy(client, story, "192.0.2.99, 203.0.113.1")
    behind_proxy(client, story, "203.0.113.2")
    assert ContentReport.objects.values("reporter_key").distinct().count() == 2
    assert StoryPage.objects.get(pk=story.pk).live is True
    behind_proxy(client, story, "203.0.113.3")
    assert StoryPage.objects.get(pk=story.pk).on_hold is True


def test_drafts_cannot_be_reported(client, story_index, member):
    from .conftest import submitted_story

    draft = submitted_story(story_index, member)
    assert report(client, draft).status_code == 404


def test_three_distinct_reporters_unpublish_the_story_until_a_moderator_decides(client, make_published, member):
    story = make_published()
    report(client, story, address="10.0.0.1")
    report(client, story, address="10.0.0.1")
    report(client, story, address="10.0.0.2")
    assert StoryPage.objects.get(pk=story.pk).live is True
    response = report(client, story, address="10.0.0.3")
    assert response["Location"] == "/en/report-story/received/"
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.on_hold, story.status) == (False, True, StoryStatus.ON_HOLD)
    assert PageLogEntry.objects.filter(page=story, action="stories.auto_unpublish").exists()
    assert client.get(f"/en{story.url_path[len('/home') :]}").status_code == 404


def test_the_threshold_is_a_setting(client, make_published, settings):
    settings.STORY_REPORTS_AUTO_UNPUBLISH = 1
    story = make_published()
    report(client, story)
    assert StoryPage.objects.get(pk=story.pk).on_hold is True


def test_identity_risk_reports_come_first_in_the_queue(make_published):
    story = make_published()
    spam = ContentReport.objects.create(story=story, reason="spam", reporter_key="a")
    risk = ContentReport.objects.create(story=story, reason="identity_risk", reporter_key="b")
    closed = ContentReport.objects.create(story=story, reason="identity_risk", reporter_key="c", status="dismissed")
    assert list(ContentReport.objects.by_priority()) == [risk, spam, closed]


def test_the_moderation_queue_lists_and_filters_reports(admin_client, make_published):
    story = make_published(title="Reported story")
    spam = ContentReport.objects.create(story=story, reason="spam", reporter_key="a")
    risk = ContentReport.objects.create(story=story, reason="identity_risk", reporter_key="b")
    url = reverse("wagtailsnippets_stories_contentreport:list")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [risk, spam]
    assert list(admin_client.get(url, {"reason": "spam"}).context["object_list"]) == [spam]


def bulk(admin_client, action, reports, data=None):
    url = reverse("wagtail_bulk_action", args=("stories", "contentreport", action))
    query = "&".join(f"id={r.pk}" for r in reports) + "&next=/admin/"
    return admin_client.post(f"{url}?{query}", data or {})


def test_dismissing_reports_puts_a_held_story_back_online(client, admin_client, make_published, moderator):
    story = make_published()
    reports = [ContentReport.objects.create(story=story, reason="false", reporter_key=str(n)) for n in range(3)]
    story.hold_for_review()
    response = bulk(admin_client, "dismiss", reports)
    assert response.status_code == 302
    assert set(ContentReport.objects.values_list("status", flat=True)) == {"dismissed"}
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.on_hold) == (True, False)
    assert PageLogEntry.objects.filter(page=story, action="stories.report.dismiss", user=moderator).count() == 3


def test_unpublishing_from_the_queue(admin_client, make_published, moderator):
    story = make_published()
    reported = ContentReport.objects.create(story=story, reason="harmful", reporter_key="a")
    bulk(admin_client, "unpublish_story", [reported])
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live is False
    assert ContentReport.objects.get().status == "actioned"
    assert PageLogEntry.objects.filter(page=story, action="stories.report.unpublish", user=moderator).exists()


def test_a_note_to_the_author_appears_on_their_dashboard(client, admin_client, make_published, member, moderator):
    story = make_published()
    reported = ContentReport.objects.create(story=story, reason="identity_risk", reporter_key="a")
    bulk(admin_client, "note_to_author", [reported], {"note": "Please remove the name of your street."})
    assert AuthorNote.objects.get().text == "Please remove the name of your street."
    assert PageLogEntry.objects.filter(page=story, action="stories.note_to_author", user=moderator).exists()
    client.force_login(member)
    assert "Please remove the name of your street." in client.get("/en/my-stories/").content.decode()


def test_members_cannot_use_the_moderation_actions(client, make_published, member):
    story = make_published()
    reported = ContentReport.objects.create(story=story, reason="spam", reporter_key="a")
    client.force_login(member)
    url = reverse("wagtail_bulk_action", args=("stories", "contentreport", "dismiss"))
    client.post(f"{url}?id={reported.pk}")
    assert ContentReport.objects.get().status == "open"


@pytest.mark.parametrize("action", ["dismiss", "unpublish_story", "note_to_author"])
def test_staff_who_may_not_handle_reports_cannot_post_a_decision(client, make_published, django_user_model, action):
    """The report screen hides the buttons from them; posting to the decision's address directly changes nothing."""
    from django.contrib.auth.models import Group

    from feedback.roles import PROGRAM_STAFF, ensure_feedback_groups

    story = make_published()
    reports = [ContentReport.objects.create(story=story, reason="harmful", reporter_key=str(n)) for n in range(3)]
    story.hold_for_review()
    ensure_feedback_groups()
    staff = django_user_model.objects.create_user("program-staff", password="not-used-in-tests-1", is_staff=True)
    staff.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    sign_in_with_two_steps(client, staff)
    bulk(client, action, reports, {"note": "Posted by someone who may not."})
    assert set(ContentReport.objects.values_list("status", flat=True)) == {"open"}
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.on_hold) == (False, True)
    assert not AuthorNote.objects.exists()


def test_filing_holds_the_story_once_enough_different_readers_have_open_reports(make_published, settings):
    settings.STORY_REPORTS_AUTO_UNPUBLISH = 3
    story = make_published()
    held = [
        ContentReport.objects.file(story, "harmful", "", reporter_key=key)
        for key in ("reader-1", "reader-1", "reader-2", "reader-3")
    ]
    assert held == [False, False, False, True]
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.on_hold) == (False, True)
    assert ContentReport.objects.filter(story=story).count() == 4


def test_dismissed_reports_do_not_count_towards_holding_the_story(make_published, settings):
    settings.STORY_REPORTS_AUTO_UNPUBLISH = 2
    story = make_published()
    ContentReport.objects.file(story, "spam", "", reporter_key="reader-1")
    ContentReport.objects.update(status=ContentReport.Status.DISMISSED)
    assert ContentReport.objects.file(story, "spam", "<b>Again</b>", reporter_key="reader-2") is False
    assert StoryPage.objects.get(pk=story.pk).live is True
    assert ContentReport.objects.open().get().note == "Again"


def test_holding_a_story_cancels_the_review_of_what_was_sent_before_the_reports(make_published, member, moderator):
    from django.test import Client

    from .conftest import approve
    from .test_dashboard import edit_post

    story = make_published(title="The river crossing")
    teller = Client()
    teller.force_login(member)
    teller.post(f"/en/my-stories/{story.pk}/edit/", edit_post(title="The river crossing"))
    StoryPage.objects.get(pk=story.pk).hold_for_review()
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.status, story.current_workflow_state) == (False, StoryStatus.ON_HOLD, None)

    # The teller sends it again; the moderator who approves it has decided, and it is no longer held.
    assert teller.post(f"/en/my-stories/{story.pk}/edit/", edit_post(title="The river crossing")).status_code == 302
    story = approve(StoryPage.objects.get(pk=story.pk), moderator)
    assert (story.live, story.on_hold, story.status) == (True, False, StoryStatus.PUBLISHED)
    assert "On hold while reports are reviewed" not in teller.get("/en/my-stories/").content.decode()


def test_a_moderator_who_publishes_a_held_story_ends_the_hold(client, admin_client, make_published):
    story = make_published(title="The river crossing")
    story.hold_for_review()
    bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={story.pk}"
    assert admin_client.post(bulk_publish).status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.on_hold, story.status) == (True, False, StoryStatus.PUBLISHED)
    assert client.get(story.url).status_code == 200
