"""Chapter contact messages: a limit, a screen for each chapter's staff only, and a retention rule."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from home.models import ChapterMessage, ChapterPage
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps

pytestmark = pytest.mark.django_db

KENYA = "sample-chapter-kenya"
INDIA = "sample-chapter-india"


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    cache.clear()
    yield
    cache.clear()


def chapter(slug):
    return ChapterPage.objects.get(slug=slug)


def staff_of(slug, username, django_user_model):
    group = Group.objects.create(name=f"Staff of {slug}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    page = chapter(slug)
    page.staff_group = group
    page.save_revision().publish()
    user = django_user_model.objects.create_user(username, password="not-used-in-tests-1", is_staff=True)
    user.groups.add(group)
    return give_totp_authenticator(user)


@pytest.fixture
def messages(demo_site):
    return {
        KENYA: ChapterMessage.objects.create(
            chapter=chapter(KENYA), message="Message for Kenya", reply_to="0712 345 678"
        ),
        INDIA: ChapterMessage.objects.create(chapter=chapter(INDIA), message="Message for India"),
    }


def test_staff_of_one_chapter_see_only_its_messages(client, messages, django_user_model):
    sign_in_with_two_steps(client, staff_of(KENYA, "kenya-staff", django_user_model))
    listing = client.get(reverse("chapter_messages:index"))
    assert listing.status_code == 200
    assert reverse("chapter_messages:inspect", args=[messages[KENYA].pk]) in listing.content.decode()
    assert reverse("chapter_messages:inspect", args=[messages[INDIA].pk]) not in listing.content.decode()
    own = client.get(reverse("chapter_messages:inspect", args=[messages[KENYA].pk]))
    assert own.status_code == 200
    assert "Message for Kenya" in own.content.decode()
    # A 404 under /admin/ is first redirected to the language prefix: follow it to where a person ends.
    assert client.get(reverse("chapter_messages:inspect", args=[messages[INDIA].pk]), follow=True).status_code == 404
    assert client.get(reverse("chapter_messages:delete", args=[messages[INDIA].pk]), follow=True).status_code == 404
    assert client.post(reverse("chapter_messages:delete", args=[messages[INDIA].pk]), follow=True).status_code == 404
    assert ChapterMessage.objects.filter(pk=messages[INDIA].pk).exists()
    assert client.post(reverse("chapter_messages:delete", args=[messages[KENYA].pk])).status_code == 302
    assert not ChapterMessage.objects.filter(pk=messages[KENYA].pk).exists()


def test_there_is_no_screen_to_write_or_change_a_message(client, messages, django_user_model):
    sign_in_with_two_steps(client, staff_of(KENYA, "kenya-staff", django_user_model))
    for path in (
        f"/admin/chapter-messages/edit/{messages[KENYA].pk}/",
        "/admin/chapter-messages/new/",
        f"/admin/chapter-messages/history/{messages[KENYA].pk}/",
    ):
        assert client.get(path, follow=True).status_code == 404, path


def test_staff_without_a_chapter_and_members_of_other_groups_see_nothing(client, messages, django_user_model):
    staff_of(INDIA, "india-staff", django_user_model)
    other = django_user_model.objects.create_user("other-staff", password="not-used-in-tests-1", is_staff=True)
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_with_two_steps(client, give_totp_authenticator(other))
    assert client.get(reverse("chapter_messages:index")).status_code in (302, 403)
    assert client.get(reverse("chapter_messages:inspect", args=[messages[INDIA].pk]), follow=True).status_code in (
        403,
        404,
    )
    assert "Chapter messages" not in client.get("/admin/").content.decode()


def test_administrators_see_every_chapter(client, messages, django_user_model):
    admin = give_totp_authenticator(
        django_user_model.objects.create_superuser("administrator", password="not-used-in-tests-1")
    )
    sign_in_with_two_steps(client, admin)
    text = client.get(reverse("chapter_messages:index")).content.decode()
    assert all(reverse("chapter_messages:inspect", args=[message.pk]) in text for message in messages.values())


def test_a_limited_visitor_gets_the_form_back_with_the_message_kept(client, demo_site, settings):
    settings.CHAPTER_MESSAGES_PER_HOUR = 1
    url = f"/en/network/{INDIA}/"
    assert client.post(url, {"message": "First message", "website": ""}).status_code == 302
    response = client.post(url, {"message": "Second message, please keep it", "reply_to": "Mornings", "website": ""})
    text = response.content.decode()
    assert response.status_code == 429
    assert "Several messages have been sent from here in a short time, so yours was not sent yet." in text
    assert "Second message, please keep it</textarea>" in text
    assert 'value="Mornings"' in text
    assert ChapterMessage.objects.count() == 1


def test_the_retention_rule_redacts_then_deletes(demo_site, settings, capsys):
    settings.CHAPTER_MESSAGE_REDACT_DAYS, settings.CHAPTER_MESSAGE_DELETE_DAYS = 30, 180
    today = datetime.date.today()

    def message(days_old, text, reply_to=""):
        created = ChapterMessage.objects.create(chapter=chapter(KENYA), message=text, reply_to=reply_to)
        ChapterMessage.objects.filter(pk=created.pk).update(received_on=today - datetime.timedelta(days=days_old))
        return created.pk

    fresh = message(29, "Call me on 0712 345 678", "amina@example.org")
    old = message(30, "Call me on 0712 345 678 or amina@example.org", "0712 345 678")
    expired = message(180, "Very old message")
    call_command("purge_chapter_messages")
    assert (
        capsys.readouterr().out.strip()
        == "Chapter messages: 1 redacted (older than 30 days), 1 deleted (older than 180 days)."
    )
    kept_fresh, kept_old = ChapterMessage.objects.get(pk=fresh), ChapterMessage.objects.get(pk=old)
    assert (kept_fresh.message, kept_fresh.reply_to, kept_fresh.redacted) == (
        "Call me on 0712 345 678",
        "amina@example.org",
        False,
    )
    assert (kept_old.message, kept_old.reply_to, kept_old.redacted) == ("Call me on [removed] or [removed]", "", True)
    assert not ChapterMessage.objects.filter(pk=expired).exists()
    call_command("purge_chapter_messages")
    assert (
        capsys.readouterr().out.strip()
        == "Chapter messages: 0 redacted (older than 30 days), 0 deleted (older than 180 days)."
    )
