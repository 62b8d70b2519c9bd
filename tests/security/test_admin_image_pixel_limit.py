"""A decompression bomb (a small PNG declaring 144 million pixels) sent to every admin image upload
route: refused with 400 and the site's translated message, never decoded, nothing stored.

400, as every refused form of the site answers (the member story form refuses the same image with
400): 413 would say the request body is too large, and it is 140 KB.
"""

import io
import json
import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from gsn_site.models import SiteImage
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps
from tests.stories.test_story_form import huge_png

pytestmark = pytest.mark.django_db

MESSAGE = "This image has more than 40000000 pixels. Please choose a smaller photo."
MESSAGE_FR = "Cette image dépasse 40000000 pixels. Veuillez choisir une photo plus petite."
SMALL_TITLE = "A small photo already in the library"


@pytest.fixture(scope="module")
def bomb():
    return huge_png()


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if the pixels of an image above the limit are decoded (the small photo's may be)."""
    load = ImageFile.ImageFile.load

    def refuse_above_the_limit(self, *args, **kwargs):
        if self.size[0] * self.size[1] > 40_000_000:
            raise AssertionError(f"{self.size} pixels were decoded")
        return load(self, *args, **kwargs)

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse_above_the_limit)


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("editor", password="not-used-in-tests-1")
    user.groups.add(Group.objects.get(name="Editors"))
    give_totp_authenticator(user)
    sign_in_with_two_steps(client, user)
    return user


@pytest.fixture
def root():
    return Collection.get_first_root_node()


@pytest.fixture
def small_image(editor, root):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return SiteImage.objects.create(
        title=SMALL_TITLE,
        file=SimpleUploadedFile("small.png", buffer.getvalue(), content_type="image/png"),
        uploaded_by_user=editor,
        collection=root,
    )


def stored_files(settings):
    return sorted(os.path.join(folder, name) for folder, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names)


def upload(bomb):
    return SimpleUploadedFile("bomb.png", bomb, content_type="image/png")


def test_add_image_refuses_the_bomb(client, editor, root, bomb, settings, no_decoding):
    before = stored_files(settings)
    response = client.post("/admin/images/add/", {"title": "Bomb", "collection": root.pk, "file": upload(bomb)})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not SiteImage.objects.exists()
    assert stored_files(settings) == before


def test_multiple_upload_refuses_the_bomb(client, editor, bomb, settings, no_decoding):
    before = stored_files(settings)
    response = client.post("/admin/images/multiple/add/", {"files[]": upload(bomb)})
    assert response.status_code == 400
    assert json.loads(response.content) == {"success": False, "error_message": MESSAGE}
    assert not SiteImage.objects.exists()
    assert stored_files(settings) == before


def test_chooser_upload_refuses_the_bomb(client, editor, root, bomb, settings, no_decoding):
    before = stored_files(settings)
    response = client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Bomb",
            "image-chooser-upload-collection": root.pk,
            "image-chooser-upload-file": upload(bomb),
        },
    )
    assert response.status_code == 400
    data = json.loads(response.content)
    assert data["step"] == "reshow_creation_form"
    assert MESSAGE in data["htmlFragment"]
    assert not SiteImage.objects.exists()
    assert stored_files(settings) == before


def test_replacing_an_image_file_with_the_bomb_is_refused(
    client, editor, root, small_image, bomb, settings, no_decoding
):
    # The edit page shows the stored image: its preview is made before the files are counted.
    assert client.get(f"/admin/images/{small_image.pk}/").status_code == 200
    before = stored_files(settings)
    stored_name = small_image.file.name
    response = client.post(
        f"/admin/images/{small_image.pk}/",
        {"title": "Replaced by a bomb", "collection": root.pk, "file": upload(bomb)},
    )
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    small_image.refresh_from_db()
    assert (small_image.title, small_image.file.name, small_image.width) == (SMALL_TITLE, stored_name, 8)
    assert SiteImage.objects.count() == 1
    assert stored_files(settings) == before


def test_the_refusal_is_in_the_editors_language(client, editor, root, bomb, no_decoding):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    response = client.post("/admin/images/add/", {"title": "Bomb", "collection": root.pk, "file": upload(bomb)})
    assert response.status_code == 400
    assert MESSAGE_FR in response.content.decode()


def test_an_ordinary_upload_is_still_accepted(client, editor, root):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, "PNG")
    photo = SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")
    response = client.post("/admin/images/add/", {"title": "Photo", "collection": root.pk, "file": photo})
    assert response.status_code == 302
    assert SiteImage.objects.get().width == 40
