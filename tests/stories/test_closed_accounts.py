"""A story stays online only while its teller can still withdraw it (docs/rules.md, rule 4).

A moderator cannot put a withdrawn story back online from the admin. An administrator closes a teller's account through one of Wagtail's user screens (the edit form, the
delete screen, the two bulk actions); readers must not find the teller's stories a moment later, and
no approval may put them back online while nobody can take them down.
"""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, streamfield

from stories.models import StoryPage, StoryStatus
from stories.submission import body_stream, save_member_image
from tests.conftest import choose_admin_language, sign_in_with_two_steps

from .conftest import approve, published_story, submitted_story
from .factories import ModeratorFactory
from .test_dashboard import edit_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return ModeratorFactory(username="administrator", is_superuser=True)


@pytest.fixture
def admin_client(client, administrator):
    return sign_in_with_two_steps(client, administrator)


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def stories(story_index, member, moderator, reader):
    """A published story with the teller's photo, and a second story waiting for review."""
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    image = save_member_image(SimpleUploadedFile("me.png", buffer.getvalue()), member)
    published = published_story(
        story_index,
        member,
        moderator,
        title="The river crossing",
        body=body_stream("Text.", image, "Me"),
        consent={"images": True},
    )
    in_review = submitted_story(story_index, member, title="Market day")
    # A reader has seen the story and the listing, so both are in the page cache.
    assert reader.get(published.url).status_code == 200
    assert "The river crossing" in reader.get(story_index.url).content.decode()
    return published, in_review, image


def offline_for_readers(reader, story_index, story):
    return (reader.get(story.url).status_code, story.title in reader.get(story_index.url).content.decode()) == (
        404,
        False,
    )


def log_actions(story):
    return list(PageLogEntry.objects.filter(page_id=story.pk).order_by("pk").values_list("action", flat=True))


def user_form(client, user):
    """The user's edit form as the administrator's browser would send it back, unchanged."""
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    form = BeautifulSoup(client.get(url).content, "html.parser").find("form", attrs={"method": "POST"})
    data = {}
    for field in form.find_all(["input", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "password"):
            continue
        if field.name == "select":
            data[name] = [option["value"] for option in field.find_all("option", selected=True)]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    return url, data


def test_an_account_made_inactive_on_its_edit_form_takes_its_stories_offline_and_cancels_their_review(
    admin_client, reader, story_index, member, stories
):
    published, in_review, image = stories
    url, data = user_form(admin_client, member)
    assert data["is_active"] == ["on"]
    del data["is_active"]
    assert admin_client.post(url, data).status_code == 302
    account = get_user_model().objects.get(pk=member.pk)
    # The member gave no name or email address, and the administrator did not have to invent one.
    assert (account.is_active, account.email, account.first_name, account.last_name) == (False, "", "", "")

    assert offline_for_readers(reader, story_index, published)
    published, in_review = StoryPage.objects.get(pk=published.pk), StoryPage.objects.get(pk=in_review.pk)
    assert (published.live, published.withdrawn_at) == (False, None)
    assert log_actions(published)[-1] == "stories.account_inactive"
    # Nothing is waiting for a moderator's approval that would publish it.
    assert in_review.current_workflow_state is None
    assert log_actions(in_review)[-1] == "wagtail.workflow.cancel"


def test_an_account_marked_inactive_in_bulk_takes_its_stories_offline(
    admin_client, reader, story_index, member, other_member, stories
):
    published, in_review, _image = stories
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"]) + f"?id={member.pk}"
    response = admin_client.post(url, {"mark_as_active": "False"})
    assert response.status_code == 302
    assert get_user_model().objects.get(pk=member.pk).is_active is False
    assert offline_for_readers(reader, story_index, published)
    assert StoryPage.objects.get(pk=in_review.pk).current_workflow_state is None

    # Marked active again, the account's stories stay offline until the teller sends them for review.
    admin_client.post(url, {"mark_as_active": "True"})
    assert get_user_model().objects.get(pk=member.pk).is_active is True
    assert StoryPage.objects.get(pk=published.pk).status == StoryStatus.DRAFT
    assert reader.get(published.url).status_code == 404
    # The approval given before the account was closed no longer counts, not even for a bulk publish.
    bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={published.pk}"
    admin_client.post(bulk_publish)
    assert StoryPage.objects.get(pk=published.pk).live is False
    assert reader.get(published.url).status_code == 404
    teller = Client()
    teller.force_login(member)
    assert "Draft" in teller.get("/en/my-stories/").content.decode()
    assert teller.post(f"/en/my-stories/{published.pk}/edit/", edit_post(title="The river crossing")).status_code == 302
    assert StoryPage.objects.get(pk=published.pk).status == StoryStatus.IN_REVIEW


def test_marking_another_account_inactive_leaves_this_tellers_stories_online(
    admin_client, reader, story_index, other_member, stories
):
    published, _in_review, _image = stories
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"]) + f"?id={other_member.pk}"
    assert admin_client.post(url, {"mark_as_active": "False"}).status_code == 302
    assert reader.get(published.url).status_code == 200
    assert StoryPage.objects.get(pk=published.pk).live is True


@pytest.mark.parametrize(
    "screen, warning",
    [
        ("one account", "Deleting this account withdraws the 2 stories told under it: they go offline at once"),
        ("in bulk", "Deleting these accounts withdraws the 2 stories told under them: they go offline at once"),
    ],
)
def test_deleting_an_account_withdraws_its_stories_and_moves_its_images_out_of_reach(
    admin_client, reader, story_index, member, other_member, stories, screen, warning
):
    published, in_review, image = stories
    old_name = image.file.name
    if screen == "one account":
        url = reverse("wagtailusers_users:delete", args=[member.pk])
    else:
        url = reverse("wagtail_bulk_action", args=["auth", "user", "delete"]) + f"?id={member.pk}&id={other_member.pk}"
    confirmation = admin_client.get(url).content.decode()
    assert f"{warning} and stay in the admin as withdrawn, where you may delete them for good." in confirmation

    assert admin_client.post(url).status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert offline_for_readers(reader, story_index, published)
    for story in (published, in_review):
        story = StoryPage.objects.get(pk=story.pk)
        assert (story.status, story.owner_id, story.current_workflow_state) == (StoryStatus.WITHDRAWN, None, None)
        assert log_actions(story)[-1] == "stories.account_deleted"
    assert get_image_model().objects.get(pk=image.pk).file.name != old_name


def test_the_delete_screen_says_nothing_of_stories_when_the_account_has_none(admin_client, other_member):
    content = admin_client.get(reverse("wagtailusers_users:delete", args=[other_member.pk])).content.decode()
    assert "Delete user" in content
    assert "stories told under it" not in content
    assert "story told under it" not in content


def test_nobody_publishes_or_sends_for_review_a_story_whose_teller_cannot_withdraw_it(
    story_index, member, moderator, administrator
):
    story = published_story(story_index, member, moderator, title="The river crossing")
    assert story.permissions_for_user(administrator).can_unpublish() is True
    # Closed by an UPDATE that sends no signal, so that the approval still counts and only the closed
    # account stands in the way.
    get_user_model().objects.filter(pk=member.pk).update(is_active=False)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.latest_revision_is_approved() is True
    for user in (administrator, moderator):
        permissions = story.permissions_for_user(user)
        assert (permissions.can_publish(), permissions.can_submit_for_moderation()) == (False, False)

    get_user_model().objects.filter(pk=member.pk).update(is_active=True)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.permissions_for_user(administrator).can_submit_for_moderation() is True


def test_nobody_publishes_a_story_its_teller_withdrew(make_published, member, administrator):
    story = make_published()
    story.withdraw(member)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.latest_revision_is_approved() is True
    permissions = story.permissions_for_user(administrator)
    assert (permissions.can_publish(), permissions.can_submit_for_moderation()) == (False, False)


def test_keeping_a_held_story_does_not_bring_it_back_while_its_tellers_account_is_inactive(
    make_published, member, moderator
):
    story = make_published()
    story.hold_for_review()
    get_user_model().objects.filter(pk=member.pk).update(is_active=False)
    story = StoryPage.objects.get(pk=story.pk)
    story.release_hold(moderator)
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.on_hold) == (False, False)


@pytest.mark.parametrize("close", ["made inactive", "withdrawn by the teller", "held after reports"])
def test_a_story_scheduled_to_go_online_later_stays_offline_once_taken_down(
    story_index, member, other_member, moderator, monkeypatch, close
):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    scheduled = approve(submitted_story(story_index, member, title="Scheduled", go_live_at=tomorrow), moderator)
    other = approve(submitted_story(story_index, other_member, title="Other", go_live_at=tomorrow), moderator)
    assert (scheduled.live, other.live) == (False, False)
    if close == "made inactive":
        member.is_active = False
        member.save()
    elif close == "withdrawn by the teller":
        scheduled.withdraw(member)
    else:
        scheduled.hold_for_review()

    after_tomorrow = tomorrow + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after_tomorrow)
    call_command("publish_scheduled")
    # The other teller's story shows that the scheduled time has come.
    assert (StoryPage.objects.get(pk=scheduled.pk).live, StoryPage.objects.get(pk=other.pk).live) == (False, True)


def moderator_edit(client, story, action):
    return client.post(
        f"/admin/pages/{story.pk}/edit/",
        nested_form_data(
            {
                "title_en": story.title,
                "slug": story.slug,
                "summary_en": story.summary_en,
                "byline": story.byline,
                "themes": story.themes,
                "original_language": "en",
                **{f"body_{code}": streamfield([]) for code, _name in settings.LANGUAGES},
                **action,
            }
        ),
    )


@pytest.mark.parametrize(
    "action",
    [
        {"action-publish": "action-publish"},
        {"action-submit": "action-submit"},
        {},  # Save draft
    ],
    ids=["publish", "submit for review", "save draft"],
)
def test_a_moderator_editing_a_withdrawn_story_can_neither_publish_it_nor_undo_the_withdrawal(
    client, reader, story_index, make_published, member, moderator, action
):
    story = make_published(title="The river crossing")
    story.withdraw(member)
    sign_in_with_two_steps(client, moderator)
    edit_screen = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert ('name="action-publish"' in edit_screen, 'name="action-submit"' in edit_screen) == (False, False)

    assert moderator_edit(client, story, action).status_code in (200, 302)
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.status, story.current_workflow_state) == (False, StoryStatus.WITHDRAWN, None)
    assert offline_for_readers(reader, story_index, story)


def test_a_moderator_saving_a_held_story_keeps_it_on_hold(client, make_published, moderator):
    story = make_published(title="The river crossing")
    story.hold_for_review()
    sign_in_with_two_steps(client, moderator)
    assert moderator_edit(client, story, {}).status_code == 302
    assert StoryPage.objects.get(pk=story.pk).status == StoryStatus.ON_HOLD


@pytest.mark.parametrize(
    "language, warning",
    [
        ("km", "ការលុបគណនីនេះនឹងដករឿង 2 របស់គណនីនេះវិញ៖"),
        ("ar", "حذف هذا الحساب يسحب قصتيه الاثنتين:"),
        ("sw", "Kufuta akaunti hii kunaondoa hadithi zake 2:"),
    ],
)
def test_the_delete_screen_warns_in_the_administrators_own_language(
    client, administrator, member, stories, language, warning
):
    choose_admin_language(administrator, language)
    sign_in_with_two_steps(client, administrator)
    content = client.get(reverse("wagtailusers_users:delete", args=[member.pk])).content.decode()
    assert warning in content
    assert "Deleting this account" not in content


def test_a_bulk_publish_leaves_a_withdrawn_story_offline(admin_client, reader, story_index, make_published, member):
    story = make_published(title="The river crossing")
    story.withdraw(member)
    bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={story.pk}"
    admin_client.post(bulk_publish)
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.live, story.status) == (False, StoryStatus.WITHDRAWN)
    assert offline_for_readers(reader, story_index, story)
