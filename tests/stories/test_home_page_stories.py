"""The home page's newest stories are kept as a cached fragment: whatever changes which stories a
reader may see must show on the home page at once, not at the next publication."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the whole-page cache off: only the fragments are kept


def stories_on_the_home_page(client):
    response = client.get("/en/")
    assert response.status_code == 200
    return re.findall(r'<h3 class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', response.text)


def test_a_story_published_after_the_home_page_was_shown_is_on_it(client, make_published):
    make_published(title="First")
    assert stories_on_the_home_page(client) == ["First"]
    make_published(title="Second")
    assert stories_on_the_home_page(client) == ["Second", "First"]


def test_a_story_whose_consent_ends_today_is_gone_tomorrow(client, make_published, monkeypatch):
    today = timezone.localdate()
    make_published(title="Stays")
    ending = make_published(title="Ends today")
    ending.consent.expires_on = today
    ending.consent.save()
    assert stories_on_the_home_page(client) == ["Ends today", "Stays"]

    monkeypatch.setattr(timezone, "localdate", lambda *args: today + datetime.timedelta(days=1))
    assert stories_on_the_home_page(client) == ["Stays"]


def test_a_withdrawn_or_restricted_story_leaves_the_home_page_at_once(client, make_published, member):
    make_published(title="Stays")
    withdrawn = make_published(title="Withdrawn")
    restricted = make_published(title="Restricted")
    assert stories_on_the_home_page(client) == ["Restricted", "Withdrawn", "Stays"]

    withdrawn.change_consent(member, {"publish": False})
    assert stories_on_the_home_page(client) == ["Restricted", "Stays"]
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="not-for-readers")
    assert stories_on_the_home_page(client) == ["Stays"]
