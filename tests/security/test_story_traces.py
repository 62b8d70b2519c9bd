"""What a story leaves behind: file names that identify, images of withdrawn stories, and words in the search index."""

import io

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image
from wagtail.images import get_image_model

from stories.models import StoryPage
from tests.stories.factories import MemberFactory, ModeratorFactory, StoryIndexPageFactory
from tests.stories.test_submission import story_post

pytestmark = pytest.mark.django_db

IDENTIFYING_NAME = "Amina_Wanjiru_Kibera_0712345678.jpg"


@pytest.fixture(autouse=True)
def _no_cached_renditions_or_pages():
    # Wagtail caches renditions by image id, and ids repeat from one test to the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def story_index(demo_site):
    return StoryIndexPageFactory(parent=demo_site)


@pytest.fixture
def member(db):
    return MemberFactory(pseudonym="Mwangaza").user


@pytest.fixture
def moderator(db):
    return ModeratorFactory(username="moderator")


def named_photo():
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(IDENTIFYING_NAME, buffer.getvalue(), content_type="image/jpeg")


def published_story_with_photo(client, member, moderator, **fields):
    client.force_login(member)
    response = client.post(
        "/en/share-your-story/",
        story_post(image=named_photo(), image_caption="My garden", content_notes="", consent_images="on", **fields),
    )
    assert response.status_code == 302
    story = StoryPage.objects.get()
    story.current_workflow_state.current_task_state.approve(user=moderator, comment="")
    return StoryPage.objects.get()


def story_path(story):
    return f"/en{story.url_path[len('/home') :]}"


def served_files(image):
    image.get_rendition("width-800")
    return [image.file.name] + [rendition.file.name for rendition in image.renditions.all()]


def test_uploaded_file_names_are_never_stored_or_published(client, story_index, member, moderator):
    story = published_story_with_photo(client, member, moderator)
    image = get_image_model().objects.get()
    client.logout()
    page = client.get(story_path(story)).content.decode()
    assert image.renditions.exists()
    for name in served_files(image):
        assert "Amina" not in name and "0712345678" not in name and "Kibera" not in name
        assert default_storage.exists(name)
    assert "Amina" not in page and "0712345678" not in page
    assert image.title == "Image from a member's story"
    assert story.title not in image.title


def test_two_uploads_of_the_same_name_get_unrelated_names(client, story_index, member):
    client.force_login(member)
    client.post("/en/share-your-story/", story_post(image=named_photo()))
    client.post("/en/share-your-story/", story_post(image=named_photo()))
    first, second = (image.file.name for image in get_image_model().objects.order_by("pk"))
    assert first != second
    assert len(first.rsplit("/", 1)[1]) == len("XXXXXXXXXXXXXXXXXXXXXX.jpg")


def test_withdrawing_a_story_takes_its_images_offline_at_once(client, story_index, member, moderator):
    story = published_story_with_photo(client, member, moderator)
    client.logout()
    client.get(story_path(story))
    image = get_image_model().objects.get()
    before = served_files(image)
    assert len(before) >= 2
    client.force_login(member)
    assert client.post(f"/en/my-stories/{story.pk}/withdraw/").status_code == 302
    for name in before:
        assert not default_storage.exists(name), name
    image.refresh_from_db()
    assert default_storage.exists(image.file.name)
    assert image.file.name not in before
    assert not image.renditions.exists()


def test_withdrawing_consent_for_images_takes_them_offline_at_once(client, story_index, member, moderator):
    story = published_story_with_photo(client, member, moderator)
    client.logout()
    image = get_image_model().objects.get()
    before = served_files(image)
    client.force_login(member)
    response = client.post(f"/en/my-stories/{story.pk}/consent/", {"publish": "on", "translate": "on"})
    assert response.status_code == 302
    for name in before:
        assert not default_storage.exists(name), name
    assert StoryPage.objects.get().live is True


def test_deleting_a_story_deletes_its_image_files(client, story_index, member, moderator):
    story = published_story_with_photo(client, member, moderator)
    client.logout()
    client.get(story_path(story))
    image = get_image_model().objects.get()
    before = served_files(image)
    client.force_login(member)
    assert client.post(f"/en/my-stories/{story.pk}/delete/").status_code == 302
    assert not get_image_model().objects.exists()
    for name in before:
        assert not default_storage.exists(name), name


UNIQUE_WORD = "quxzembrilloquent"


def tables_holding(word):
    """Every table of the database (full-text index tables included) whose rows hold `word`.

    SQLite's FTS5 stores terms prefix-compressed, so the word is looked for without its first two
    letters; PostgreSQL keeps it in a tsvector, whose text shows the (stemmed) term.
    """
    needle = word[2:]
    found = []
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        else:
            cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        for (table,) in cursor.fetchall():
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                if any(
                    needle in (value.lower() if isinstance(value, str) else bytes(value).decode("latin-1"))
                    for value in row
                    if isinstance(value, (str, bytes, memoryview))
                ):
                    found.append(table)
                    break
    return found


def test_a_deleted_storys_words_are_gone_from_every_table(client, story_index, member, moderator):
    story = published_story_with_photo(client, member, moderator, body=f"The word {UNIQUE_WORD} is mine alone.")
    search_table = "wagtailsearch_indexentry_fts_data" if connection.vendor == "sqlite" else "wagtailsearch_indexentry"
    assert search_table in tables_holding(UNIQUE_WORD)
    client.force_login(member)
    assert client.post(f"/en/my-stories/{story.pk}/delete/").status_code == 302
    assert tables_holding(UNIQUE_WORD) == []
