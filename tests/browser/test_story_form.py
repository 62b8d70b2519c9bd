"""The story form in a real browser: errors summarised with working links, and the photo's fate said plainly."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from stories import demo as stories_demo
from stories.models import StoryPage
from tests.conftest import seed_demo_content

from .conftest import assert_no_axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def photo_file(tmp_path):
    path = tmp_path / "photo.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_a_form_with_errors_links_each_error_to_its_field_and_says_the_photo_must_be_chosen_again(
    phone_page, demo_site, tmp_path
):
    seed_demo_content("stories")
    page = phone_page
    sign_in(page, "amani", stories_demo.MEMBER_PASSWORD)
    page.goto("/en/share-your-story/")
    page.fill("#id_summary", "A summary I do not want to type twice.")
    page.fill("#id_body", "First line\nSecond line")
    page.set_input_files("#id_image", photo_file(tmp_path))
    page.locator("main form.story-form button[type=submit]").click()
    page.wait_for_load_state()

    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Please correct 2 things before sending.")
    expect(summary.get_by_role("link", name="Title: This field is required.")).to_be_visible()
    expect(page.locator("#photo-not-kept")).to_have_text(
        "Your photo was not kept. Please choose it again before sending."
    )
    expect(page.locator("#id_summary")).to_have_value("A summary I do not want to type twice.")
    expect(page.locator("#id_body")).to_have_value("First line\nSecond line")
    assert_no_axe_violations(page)

    summary.get_by_role("link", name="Title: This field is required.").click()
    assert page.url.endswith("#id_title")
    expect(page.locator("#id_title")).to_be_in_viewport()

    before = StoryPage.objects.count()
    page.fill("#id_title", "Kept words")
    page.check("#id_consent_publish")
    page.set_input_files("#id_image", photo_file(tmp_path))
    with page.expect_navigation():
        page.locator("main form.story-form button[type=submit]").click()
    assert page.url.split("#")[0].endswith("/en/my-stories/"), page.locator("main").inner_text()
    assert StoryPage.objects.count() == before + 1
