"""A member's photo: JPEG, PNG or WebP only, at most 16 million pixels read from the header before
anything is decoded, and stored under the name of the format it was re-encoded to."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

from stories.models import StoryPage

from .test_story_form import no_decoding, png_chunk  # noqa: F401
from .test_submission import story_post

pytestmark = pytest.mark.django_db


def declared_bomb(width=6000, height=6000):
    """A few hundred bytes that declare width x height RGB pixels (the data stops after one row)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * (width * 3 + 1), 9)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


def image_bytes(image_format, size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, "teal").save(buffer, image_format)
    return buffer.getvalue()


def share(client, member, upload, language="en"):
    client.force_login(member)
    return client.post(f"/{language}/share-your-story/", story_post(image=upload))


def test_the_bomb_is_a_few_hundred_bytes_declaring_36_million_pixels():
    bomb = declared_bomb()
    assert len(bomb) < 600
    assert struct.unpack(">II", bomb[16:24]) == (6000, 6000)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This image has more than 16000000 pixels. Please choose a smaller photo."),
        ("fr", "Cette image dépasse 16000000 pixels. Veuillez choisir une photo plus petite."),
    ],
)
def test_a_small_file_declaring_36_million_pixels_is_refused_from_its_header(
    client,
    story_index,
    member,
    no_decoding,  # noqa: F811
    language,
    message,
):
    response = share(
        client, member, SimpleUploadedFile("photo.png", declared_bomb(), content_type="image/png"), language
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not StoryPage.objects.exists()
    assert not get_image_model().objects.exists()


def test_a_photo_of_exactly_16_million_pixels_is_accepted(client, story_index, member):
    upload = SimpleUploadedFile("wide.png", image_bytes("PNG", size=(4000, 4000), mode="L"), content_type="image/png")
    assert share(client, member, upload).status_code == 302
    assert (get_image_model().objects.get().width, get_image_model().objects.get().height) == (4000, 4000)


@pytest.mark.parametrize(
    ("image_format", "name"), [("GIF", "a.gif"), ("TIFF", "a.tiff"), ("BMP", "a.bmp"), ("ICO", "a.ico")]
)
def test_formats_other_than_jpeg_png_and_webp_are_refused(client, story_index, member, image_format, name):
    upload = SimpleUploadedFile(name, image_bytes(image_format, size=(32, 32)))
    response = share(client, member, upload, "es")
    assert response.status_code == 400
    assert "Elija una foto en formato JPEG, PNG o WebP." in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("image_format", "uploaded_as", "stored_extension"),
    [
        ("PNG", "photo.jpg", ".png"),
        ("JPEG", "photo.png", ".jpg"),
        ("WEBP", "photo.jpeg", ".webp"),
        ("JPEG", "photo", ".jpg"),
    ],
)
def test_the_stored_file_is_named_by_the_format_it_was_re_encoded_to(image_format, uploaded_as, stored_extension):
    image = get_image_model().objects.create(title="x", file=SimpleUploadedFile(uploaded_as, image_bytes(image_format)))
    assert image.file.name.endswith(stored_extension)
    with Image.open(image.file) as stored:
        assert stored.format == image_format
