"""The multiple image upload in a real browser: a refused image shows the site's message, not a server error."""

import base64
import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from gsn_site.models import SiteImage
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps
from tests.stories.test_story_form import huge_png

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor_page(browser_page, live_server):
    user = get_user_model().objects.create_user("browser-editor", password="a-long-password-123")
    user.groups.add(Group.objects.get(name="Editors"))
    give_totp_authenticator(user)
    client = sign_in_with_two_steps(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    browser_page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return browser_page


def test_a_refused_image_in_the_multiple_upload_says_why(editor_page, tmp_path):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(huge_png())
    editor_page.goto("/admin/images/multiple/add/")
    with editor_page.expect_response("**/admin/images/multiple/add/") as answer:
        editor_page.set_input_files("#fileupload", str(bomb))
    assert answer.value.status == 400
    row = editor_page.locator("#upload-list li").first
    message = row.locator(".error_messages")
    message.wait_for(state="visible")
    assert message.inner_text() == "This image has more than 40000000 pixels. Please choose a smaller photo."
    assert "upload-failure" in row.get_attribute("class")
    assert not row.locator(".server-error").is_visible()
    assert not SiteImage.objects.exists()


CHOOSER_UPLOAD = """async (bomb) => {
    const bytes = Uint8Array.from(atob(bomb), (character) => character.charCodeAt(0));
    const form = new FormData();
    form.append("image-chooser-upload-title", "Bomb");
    form.append("image-chooser-upload-collection", "1");
    form.append("image-chooser-upload-file", new Blob([bytes], { type: "image/png" }), "bomb.png");
    const csrf = document.cookie.match(/csrftoken=([^;]+)/)[1];
    // Posted as Wagtail's chooser posts its upload form: the answer goes to `success` or `error`.
    return new Promise((resolve) => {
        window.jQuery.ajax({
            url: "/admin/images/chooser/create/", data: form, processData: false, contentType: false,
            type: "POST", dataType: "text", headers: { "X-CSRFToken": csrf },
            success: (text, _status, jqXHR) => resolve({ handler: "success", status: jqXHR.status, text }),
            error: (jqXHR) => resolve({ handler: "error", status: jqXHR.status, text: jqXHR.responseText }),
        });
    });
}"""


def test_a_refused_image_in_the_chooser_upload_goes_back_to_the_form_not_to_a_server_error(editor_page):
    editor_page.goto("/admin/images/")
    answer = editor_page.evaluate(CHOOSER_UPLOAD, base64.b64encode(huge_png()).decode())
    assert (answer["handler"], answer["status"]) == ("success", 400)
    data = json.loads(answer["text"])
    assert data["step"] == "reshow_creation_form"
    assert "This image has more than 40000000 pixels. Please choose a smaller photo." in data["htmlFragment"]
    assert not SiteImage.objects.exists()
