"""What moderators see in the admin: the dashboard panel, held stories, report details and plain words."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from stories.models import ContentReport, StoryPage
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps

from .factories import MemberFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, moderator):
    give_totp_authenticator(moderator)
    sign_in_with_two_steps(client, moderator)
    return client


def file_report(story, reason="harmful", note="", key="a", **fields):
    return ContentReport.objects.create(story=story, reason=reason, note=note, reporter_key=key * 64, **fields)


def test_the_dashboard_shows_held_stories_and_open_reports(admin_client, make_published):
    held = make_published(title="The river crossing")
    held.hold_for_review()
    other = make_published(title="Market day")
    newest = file_report(other, reason="identity_risk", key="b")
    file_report(held, key="c")
    file_report(held, key="d", status=ContentReport.Status.DISMISSED)
    content = admin_client.get("/admin/").content.decode()
    assert "Waiting for moderators" in content
    assert "1 story on hold" in content
    assert "2 open reports" in content
    assert f'<a href="/admin/pages/{held.pk}/edit/">The river crossing</a>' in content
    inspect_url = reverse("wagtailsnippets_stories_contentreport:inspect", args=[newest.pk])
    assert f'<a href="{inspect_url}">It could identify or endanger someone: Market day</a>' in content


def test_the_dashboard_says_when_nothing_is_waiting(admin_client):
    content = admin_client.get("/admin/").content.decode()
    assert "Nothing is waiting. No story is on hold and no report is open." in content


def test_a_held_story_shows_as_on_hold_in_page_listings(admin_client, make_published):
    held = make_published(title="The river crossing")
    held.hold_for_review()
    held = StoryPage.objects.get(pk=held.pk)
    assert held.status_string == "on hold"
    content = admin_client.get(f"/admin/pages/{held.get_parent().pk}/").content.decode()
    row = next(tr for tr in BeautifulSoup(content, "html.parser").select("tr") if "The river crossing" in tr.get_text())
    for hidden in row.select(".w-status .w-sr-only"):
        hidden.decompose()
    assert [status.get_text(strip=True) for status in row.select(".w-status")] == ["on hold"]


def test_the_report_list_shows_the_readers_note(admin_client, make_published):
    file_report(make_published(), note="It names the street where she lives.")
    content = admin_client.get(reverse("wagtailsnippets_stories_contentreport:list")).content.decode()
    assert "It names the street where she lives." in content


def test_report_details_are_read_only_with_actions_as_buttons(admin_client, make_published):
    story = make_published(title="Market day")
    report = file_report(story, reason="identity_risk", note="It names the street.")
    edit_url = reverse("wagtailsnippets_stories_contentreport:edit", args=[report.pk])
    inspect_url = reverse("wagtailsnippets_stories_contentreport:inspect", args=[report.pk])
    assert admin_client.get(edit_url)["Location"] == inspect_url
    response = admin_client.post(edit_url, {"status": "dismissed", "note": "changed", "reason": "spam"})
    assert response["Location"] == inspect_url
    report.refresh_from_db()
    assert (report.status, report.note, report.reason) == ("open", "It names the street.", "identity_risk")

    content = admin_client.get(inspect_url).content.decode()
    assert "It could identify or endanger someone" in content
    assert "It names the street." in content
    assert "<textarea" not in content and "<select" not in content
    bulk = reverse("wagtail_bulk_action", args=["stories", "contentreport", "dismiss"])
    assert (
        f'href="{bulk}?id={report.pk}&amp;next=%2Fadmin%2Fsnippets%2Fstories%2Fcontentreport%2F">Dismiss</a>' in content
    )
    assert ">Unpublish story</a>" in content
    assert ">Note to author</a>" in content
    # The button leads to Wagtail's confirmation page; nothing changes before it is confirmed.
    assert admin_client.get(f"{bulk}?id={report.pk}&next=/admin/").status_code == 200
    report.refresh_from_db()
    assert report.status == "open"


def test_reports_are_called_reports_not_snippets(admin_client, make_published):
    file_report(make_published())
    content = admin_client.get(reverse("wagtailsnippets_stories_contentreport:list")).content.decode()
    assert 'data-all="All %(objects)s reports on this screen selected"' in content
    assert 'data-plural="%(objects)s reports selected"' in content
    assert 'data-bulk-action-footer="REPORT"' in content
    assert "stories/report-bulk-strings.js" in content
    assert ContentReport._meta.verbose_name_plural == "reports"


def test_members_see_no_moderation_panel(client):
    client.force_login(MemberFactory().user)
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "Reported stories" not in response.text


def test_the_page_listing_shows_a_story_under_its_title_in_its_own_language(admin_client, story_index, member):
    story = StoryPageFactory(
        parent=story_index,
        owner=member,
        title="Sauti",
        title_sw="Sauti yangu",
        original_language="sw",
        summary_sw="Muhtasari",
    )
    # The English title is empty: the teller wrote in Swahili only.
    StoryPage.objects.filter(pk=story.pk).update(title_en="", draft_title="")
    content = admin_client.get(f"/admin/pages/{story_index.pk}/").content.decode()
    titles = [a.get_text(strip=True) for a in BeautifulSoup(content, "html.parser").select("td.title .title-wrapper a")]
    assert titles == ["Sauti yangu"]
    search = admin_client.get("/admin/pages/search/", {"q": "Sauti"}).content.decode()
    assert "Sauti yangu" in search


def test_a_newer_draft_title_still_shows_in_the_listing(admin_client, story_index, member):
    story = StoryPageFactory(parent=story_index, owner=member, title="Sauti", title_sw="Sauti", original_language="sw")
    story.title_sw = "Sauti yangu mpya"
    with translation.override("sw"):
        story.save_revision(user=member)
    assert StoryPage.objects.get(pk=story.pk).get_admin_display_title() == "Sauti yangu mpya"
