"""A story sent without the publishing consent says which box to tick, in the member's language."""

import pytest

from .test_submission import story_post

pytestmark = pytest.mark.django_db

TICK_TO_PUBLISH = {
    "en": "Tick this box to have your story published on this site. Without it the story cannot be sent.",
    "sw": "Weka alama kwenye kisanduku hiki ili hadithi yako ichapishwe kwenye tovuti hii. Bila hivyo hadithi haiwezi kutumwa.",
}


@pytest.mark.parametrize("language", ["en", "sw"])
def test_the_missing_consent_says_what_to_tick(client, story_index, member, language):
    client.force_login(member)
    data = story_post()
    del data["consent_publish"]
    response = client.post(f"/{language}/share-your-story/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert TICK_TO_PUBLISH[language] in html
    assert 'href="#id_consent_publish"' in html
