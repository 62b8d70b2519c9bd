from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from gsn_site.models import SiteImage

GPS_IFD = 0x8825
EXIF_MAKE = 0x010F


def jpeg_with_gps():
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[EXIF_MAKE] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (12.0, 34.0, 56.0), 3: "E", 4: (98.0, 7.0, 6.0)}
    output = BytesIO()
    image.save(output, format="JPEG", exif=exif, comment=b"taken at home")
    return output.getvalue()


def test_the_test_image_really_carries_gps():
    with Image.open(BytesIO(jpeg_with_gps())) as image:
        assert image.getexif().get_ifd(GPS_IFD)[1] == "N"


@pytest.mark.django_db
def test_uploaded_original_is_stored_without_any_metadata():
    upload = SimpleUploadedFile("holiday.jpg", jpeg_with_gps(), content_type="image/jpeg")
    image = SiteImage.objects.create(title="A photo", file=upload)
    image.file.open("rb")
    stored = image.file.read()
    image.file.close()
    with Image.open(BytesIO(stored)) as saved:
        assert saved.format == "JPEG"
        assert dict(saved.getexif()) == {}
        assert "exif" not in saved.info
        assert "comment" not in saved.info
        assert saved.size == (64, 48)
    assert b"PhoneMaker" not in stored
    assert b"taken at home" not in stored
    assert image.file_size == len(stored)
    assert (image.width, image.height) == (64, 48)


@pytest.mark.django_db
def test_png_text_chunks_and_xmp_are_removed():
    source = Image.new("RGBA", (10, 10), (0, 0, 255, 128))
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("XML:com.adobe.xmp", "<x:xmpmeta>secret location</x:xmpmeta>")
    info.add_text("Author", "Real Name")
    output = BytesIO()
    source.save(output, format="PNG", pnginfo=info)
    image = SiteImage.objects.create(
        title="png", file=SimpleUploadedFile("a.png", output.getvalue(), content_type="image/png")
    )
    image.file.open("rb")
    stored = image.file.read()
    image.file.close()
    assert b"secret location" not in stored
    assert b"Real Name" not in stored
    with Image.open(BytesIO(stored)) as saved:
        assert saved.mode == "RGBA"
        assert saved.text == {}
