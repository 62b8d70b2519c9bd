"""The Wagtail admin in Chromium under the site's Content Security Policy: every screen runs without
a single violation and its widgets work, an injected inline script is still refused, and the
preview panel shows the draft in each language."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from feedback.models import FeedbackSurvey
from gsn_site.models import SiteImage
from home import demo_content
from home.models import ChapterPage, HomePage, NetworkIndexPage, SafetySettings, StandardPage
from programs.models import Program
from stories import demo as stories_demo
from stories.models import StoryIndexPage, StoryPage
from tests.conftest import seed_demo_content

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# Every violation in every frame (the preview iframe too), kept on the window for the test to read.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def a_png():
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 120, 90)).save(output, format="PNG")
    return output.getvalue()


@pytest.fixture
def admin_page(browser_page, demo_site):
    """The administrator, signed in with both steps, on a site with stories, programs and a photo."""
    seed_demo_content("stories", "feedback")
    SiteImage.objects.create(title="Chapter meeting", file=SimpleUploadedFile("meeting.png", a_png()))
    from wagtail.documents import get_document_model

    get_document_model().objects.create(
        title="Annual report", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    browser_page.context.add_init_script(RECORD_VIOLATIONS)
    sign_in(
        browser_page,
        stories_demo.ADMINISTRATOR_USERNAME,
        stories_demo.ADMINISTRATOR_PASSWORD,
        totp_secret=stories_demo.ADMINISTRATOR_TOTP_SECRET,
    )
    return browser_page


def violations(page):
    return page.evaluate("window.cspViolations")


def open_screen(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("load")


def every_admin_screen():
    home = HomePage.objects.get()
    image = SiteImage.objects.get()
    from wagtail.documents import get_document_model

    pages = [
        home,
        StandardPage.objects.first(),
        NetworkIndexPage.objects.get(),
        ChapterPage.objects.first(),
        StoryIndexPage.objects.get(),
        StoryPage.objects.get(slug="sauti-yangu"),
        FeedbackSurvey.objects.get(),
    ]
    return [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        *(f"/admin/pages/{page.pk}/edit/" for page in pages),
        f"/admin/pages/add/feedback/feedbacksurvey/{home.pk}/",
        f"/admin/snippets/programs/program/edit/{Program.objects.first().pk}/",
        "/admin/snippets/feedback/programreply/add/",
        "/admin/snippets/members/invitationcode/add/",
        f"/admin/settings/home/safetysettings/{SafetySettings.objects.get().site_id}/",
        f"/admin/images/{image.pk}/",
        f"/admin/documents/edit/{get_document_model().objects.get().pk}/",
        "/admin/groups/new/",
        "/admin/workflows/add/",
        "/admin/users/",
    ]


def test_every_admin_screen_runs_without_a_single_csp_violation(admin_page):
    seen = {}
    for url in every_admin_screen():
        open_screen(admin_page, url)
        seen[url] = violations(admin_page)
    assert seen == {url: [] for url in seen}


def test_an_inline_script_injected_into_an_admin_screen_is_refused(admin_page):
    """As if a stored value had slipped through escaping: the browser must not run it."""
    url = f"/admin/pages/{HomePage.objects.get().pk}/edit/"

    def inject(route):
        response = route.fetch()
        html = response.text().replace(
            "</body>",
            '<script>window.injected = true;</script><img src="/no-such.png" onerror="window.injected = true"></body>',
        )
        route.fulfill(response=response, body=html)

    admin_page.route(f"**{url}", inject)
    open_screen(admin_page, url)
    expect(admin_page.locator('img[src="/no-such.png"]')).to_have_count(1)
    # (evaluate, not wait_for_function: polling would need the eval that the policy forbids.)
    admin_page.evaluate(
        """() => new Promise((resolve) => {
            const check = () => (window.cspViolations.length >= 2 ? resolve() : setTimeout(check, 50));
            check();
        })"""
    )
    assert admin_page.evaluate("window.injected === undefined")
    assert sorted(violation.split(" ")[:2] for violation in violations(admin_page)) == [
        ["script-src-attr", "inline"],
        ["script-src-elem", "inline"],
    ]
    # A script that guessed at a nonce is refused too.
    admin_page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.nonce = "bm90LXRoZS1ub25jZQ==";
            script.textContent = "window.injected = true;";
            document.body.append(script);
        }"""
    )
    assert admin_page.evaluate("window.injected === undefined")
    assert len(violations(admin_page)) == 3


def test_inline_panel_adds_a_question(admin_page):
    open_screen(admin_page, f"/admin/pages/{FeedbackSurvey.objects.get().pk}/edit/")
    total = admin_page.locator("#id_questions-TOTAL_FORMS")
    before = int(total.input_value())
    admin_page.locator("#id_questions-ADD").click()
    expect(total).to_have_value(str(before + 1))
    expect(admin_page.locator(f"#inline_child_questions-{before}")).to_be_visible()
    assert violations(admin_page) == []


def test_a_date_picker_opens(admin_page):
    open_screen(admin_page, "/admin/snippets/feedback/programreply/add/")
    admin_page.locator("#id_next_step_due").click()
    expect(admin_page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    assert violations(admin_page) == []


def test_the_page_chooser_opens_and_lists_the_survey(admin_page):
    # A program without a feedback link row: "add" the row on its screen, then choose its survey.
    program = Program.objects.filter(feedback_links=None).first()
    open_screen(admin_page, f"/admin/snippets/programs/program/edit/{program.pk}/")
    admin_page.locator("#id_feedback_links-ADD").click()
    admin_page.locator("#id_feedback_links-0-survey-chooser .unchosen [data-chooser-action-choose]").click()
    modal = admin_page.locator(".modal-content")
    expect(modal.get_by_role("link", name=FeedbackSurvey.objects.get().title_en, exact=True)).to_be_visible()
    assert violations(admin_page) == []


def test_the_image_chooser_opens_and_lists_the_photo(admin_page):
    open_screen(admin_page, f"/admin/pages/{ChapterPage.objects.first().pk}/edit/")
    admin_page.locator("#id_photo-chooser .unchosen [data-chooser-action-choose]").click()
    modal = admin_page.locator(".modal-content")
    expect(modal.get_by_text("Chapter meeting", exact=True)).to_be_visible()
    assert violations(admin_page) == []


def preview_frame(page):
    # Wagtail loads each new preview into a fresh iframe and then removes the old one.
    return page.frame_locator("#w-preview-iframe").last


def open_preview(page, edit_url):
    open_screen(page, edit_url)
    page.locator('[data-side-panel-toggle="preview"]').click()
    return preview_frame(page)


def test_the_preview_panel_shows_the_home_page_and_each_language(admin_page):
    home = HomePage.objects.get()
    frame = open_preview(admin_page, f"/admin/pages/{home.pk}/edit/")
    expect(frame.locator("h1")).to_have_text(demo_content.HOME["title"]["en"])
    expect(frame.locator("html")).to_have_attribute("lang", "en")

    menu = admin_page.locator("#id_preview_mode")
    assert menu.locator("option").all_inner_texts() == [
        "English",
        "Español",
        "Français",
        "Português",
        "हिन्दी",
        "Kiswahili",
        "ខ្មែរ",
        "العربية",
    ]
    menu.select_option("ar")
    frame = preview_frame(admin_page)
    expect(frame.locator("h1")).to_have_text(demo_content.HOME["title"]["ar"])
    expect(frame.locator("html")).to_have_attribute("lang", "ar")
    expect(frame.locator("html")).to_have_attribute("dir", "rtl")

    menu.select_option("km")
    frame = preview_frame(admin_page)
    expect(frame.locator("h1")).to_have_text(demo_content.HOME["title"]["km"])
    expect(frame.locator("html")).to_have_attribute("dir", "ltr")
    assert violations(admin_page) == []
    assert frame.locator("html").evaluate("() => window.cspViolations") == []


def test_the_preview_panel_shows_a_story_in_the_language_it_was_written_in_and_as_arabic_readers_see_it(admin_page):
    story = StoryPage.objects.get(slug="sauti-yangu")
    frame = open_preview(admin_page, f"/admin/pages/{story.pk}/edit/")
    expect(admin_page.locator("#id_preview_mode")).to_have_value("sw")
    expect(frame.locator("h1")).to_have_text(story.title_sw)
    expect(frame.locator("html")).to_have_attribute("lang", "sw")

    # Not translated into Arabic yet: an Arabic reader gets the Swahili story, marked as Swahili.
    assert not story.title_ar
    admin_page.locator("#id_preview_mode").select_option("ar")
    frame = preview_frame(admin_page)
    expect(frame.locator("html")).to_have_attribute("dir", "rtl")
    expect(frame.locator(".notice--language")).to_be_visible()
    expect(frame.locator("h1")).to_have_text(story.title_sw)
    assert violations(admin_page) == []
