"""An editor previews a page in each configured language before publishing, through Wagtail's preview."""

import re

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from feedback.models import FeedbackSurvey
from home import demo_content
from home.models import ChapterPage, HomePage, NetworkIndexPage, StandardPage
from stories.models import StoryIndexPage
from tests.conftest import choose_admin_language, edit_form_data, sign_in_with_two_steps
from tests.feedback.factories import make_survey
from tests.stories.conftest import submitted_story
from tests.stories.factories import MemberFactory, ModeratorFactory, StoryIndexPageFactory

pytestmark = pytest.mark.django_db

LANGUAGE_MENU = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pt", "Português"),
    ("hi", "हिन्दी"),
    ("sw", "Kiswahili"),
    ("km", "ខ្មែរ"),
    ("ar", "العربية"),
]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor_user(db):
    return ModeratorFactory(is_superuser=True)


@pytest.fixture
def editor(client, editor_user):
    return sign_in_with_two_steps(client, editor_user)


@pytest.fixture
def home(demo_site):
    return HomePage.objects.get()


def html_attributes(response):
    return re.search(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">", response.content.decode()).groups()


def title(response):
    return re.search(r"<title>(.*?) · ", response.content.decode(), re.S).group(1).strip()


def start_preview(client, page, **changes):
    """What the preview panel does first: post the edit form as it stands (with the editor's changes)."""
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    data = {}
    for name, value in edit_form_data(edit.content.decode()):
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in changes.items()})
    answer = client.post(f"/admin/pages/{page.pk}/edit/preview/", data)
    assert answer.json() == {"is_valid": True, "is_available": True}


def preview(client, page, mode):
    return client.get(f"/admin/pages/{page.pk}/edit/preview/", {"mode": mode, "in_preview_panel": "true"})


def test_the_preview_menu_lists_every_language_by_its_own_name_and_starts_with_the_original(editor, home):
    assert home.preview_modes == LANGUAGE_MENU
    assert home.default_preview_mode == "en"
    html = editor.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    menu = re.search(r"<select id=\"id_preview_mode\".*?</select>", html, re.S).group(0)
    assert re.findall(r"<option value=\"(\w+)\"[^>]*>\s*(.*?)\s*</option>", menu) == LANGUAGE_MENU
    assert re.search(r"<option value=\"(\w+)\" selected", menu).group(1) == "en"


def test_a_page_written_in_swahili_is_first_previewed_in_swahili(story_in_swahili):
    assert story_in_swahili.default_preview_mode == "sw"


def test_each_mode_shows_the_draft_in_its_language_with_its_lang_and_dir(editor, home):
    start_preview(editor, home, title_sw="Mtandao wa Manusura (rasimu)")
    for code, direction in [("en", "ltr"), ("sw", "ltr"), ("km", "ltr"), ("hi", "ltr"), ("ar", "rtl")]:
        response = preview(editor, home, code)
        assert response.status_code == 200
        expected = "Mtandao wa Manusura (rasimu)" if code == "sw" else demo_content.HOME["title"][code]
        assert title(response) == expected
        assert html_attributes(response) == (code, direction)
        assert response.headers["Content-Language"] == code
    # The draft is only in the preview: the live page still has its published title.
    assert HomePage.objects.get().title_sw == demo_content.HOME["title"]["sw"]


def test_a_language_without_a_translation_previews_what_its_readers_will_see(editor, demo_site):
    index = StoryIndexPageFactory(parent=demo_site, title="Stories", title_en="Stories")
    start_preview(editor, index)
    response = preview(editor, index, "km")
    assert response.status_code == 200
    assert html_attributes(response) == ("km", "ltr")
    # The English content, marked as English inside the Khmer page, with the "written in" note.
    assert title(response) == "Stories"
    assert 'class="notice notice--language" role="note"' in response.content.decode()


def test_an_unknown_mode_is_refused_in_the_editors_language_and_never_a_server_error(editor, home):
    start_preview(editor, home)
    for mode in ["xx", "", "en-gb", "EN", "../en", "ar<script>", "s\x00w"]:
        response = preview(editor, home, mode)
        assert response.status_code == 400, mode
        assert response.content.decode() == "There is no preview in this language."


def test_the_refusal_follows_the_editors_admin_language(editor, editor_user, home):
    choose_admin_language(editor_user, "sw")
    start_preview(editor, home)
    response = preview(editor, home, "xx")
    assert response.status_code == 400
    assert response.content.decode() == "Hakuna onyesho la awali katika lugha hii."


def test_a_preview_neither_fills_the_page_cache_nor_is_answered_from_it(editor, home):
    # Readers of the site's own host, the host Wagtail gives a preview request.
    reader = Client(HTTP_HOST="localhost")
    assert reader.get("/en/").headers["X-Page-Cache"] == "miss"
    assert reader.get("/en/").headers["X-Page-Cache"] == "hit"

    home.title_en = "A new draft title"
    home.save_revision()
    # A preview made without the editor's request (no session cookie) is, to the middleware, an
    # anonymous reader's request to /en/: it must still render the draft, not the cached live page.
    response = HomePage.objects.get().get_latest_revision_as_object().make_preview_request(None, "en")
    assert title(response) == "A new draft title"
    assert "X-Page-Cache" not in response.headers

    cache.clear()
    start_preview(editor, home)
    assert title(preview(editor, home, "en")) == "A new draft title"
    assert HomePage.objects.get().get_latest_revision_as_object().make_preview_request(None, "en").status_code == 200
    assert reader.get("/en/").headers["X-Page-Cache"] == "miss"
    assert title(reader.get("/en/")) == demo_content.HOME["title"]["en"]


@pytest.fixture
def story_in_swahili(demo_site):
    index = StoryIndexPageFactory(parent=demo_site)
    return submitted_story(
        index, MemberFactory().user, title="Sauti yangu", title_sw="Sauti yangu", original_language="sw"
    )


@pytest.fixture
def one_page_of_each_type(demo_site, story_in_swahili):
    survey = make_survey(parent=demo_site, slug="give-feedback")
    pages = [
        HomePage.objects.get(),
        StandardPage.objects.first(),
        NetworkIndexPage.objects.get(),
        ChapterPage.objects.first(),
        StoryIndexPage.objects.get(),
        story_in_swahili,
        FeedbackSurvey.objects.get(pk=survey.pk),
    ]
    return [page.get_latest_revision_as_object() if page.latest_revision_id else page for page in pages]


def test_every_page_type_previews_in_the_chosen_language(one_page_of_each_type, demo_site):
    request = RequestFactory().get("/admin/")
    request.user = ModeratorFactory(is_superuser=True)
    for page in one_page_of_each_type:
        for code, direction in (("ar", "rtl"), ("sw", "ltr")):
            response = page.make_preview_request(request, code)
            assert response.status_code == 200, (type(page).__name__, code)
            assert html_attributes(response) == (code, direction), type(page).__name__
            assert response.private_page is True
