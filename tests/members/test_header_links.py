"""The public header offers story links only to members: staff without a member profile cannot use them."""

import pytest

from tests.stories.factories import MemberFactory, ModeratorFactory

pytestmark = pytest.mark.django_db


def test_staff_without_a_member_profile_see_no_story_links_in_the_public_header(client):
    client.force_login(ModeratorFactory())
    html = client.get("/en/feedback/").content.decode()
    assert 'href="/en/my-stories/"' not in html
    assert 'href="/en/share-your-story/"' not in html
    assert "Sign out" in html


def test_members_see_their_story_links(client):
    client.force_login(MemberFactory().user)
    html = client.get("/en/feedback/").content.decode()
    assert 'href="/en/my-stories/"' in html
    assert 'href="/en/share-your-story/"' in html
