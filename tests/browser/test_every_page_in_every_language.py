"""axe-core finds nothing on any public, account or member page, in all eight languages, on a
desktop screen 1280 px wide and on a phone 360 px wide: including `region` (all content inside
landmarks) and `landmark-unique`.

The site is seeded once; each language has one browser context in which every page is opened in
turn, signed out and then signed in as a member, and checked at both widths (the same page narrowed,
as a phone lays it out by the style sheet's own rules). Every violation of every page is reported at
once.
"""

import datetime
import json

import pytest
from django.conf import settings

from members.models import InvitationCode
from outcomes.case_refs import hash_case_ref
from outcomes.models import AsoAssessment, Occasion
from programs.models import Program
from programs.outcome_domains import DOMAIN_CODES
from reporting.periods import Period, PeriodKind
from reporting.releases import build_release
from stories import demo as stories_demo
from stories.models import StoryPage
from tests.conftest import seed_demo_content
from tests.seeded_rows import seeded

from .conftest import BROWSER_TIMEOUT_MS, sign_in
from .test_journeys_in_languages import axe_violations_with_regions

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PROGRAM = "sample-ke-aftercare"
CODE = "AXE7-CHK2"
WIDTHS = [(1280, 900), (360, 740)]


def an_assessed_program_on_the_impact_page():
    program = Program.objects.get(code=PROGRAM)
    program.publish_impact = True
    program.save()
    assessments = []
    for number in range(12):
        case_hash = hash_case_ref(program.code, f"A-{number}")
        for days, occasion, score in ((0, Occasion.INTAKE, 1.5 + number % 3 * 0.5), (200, Occasion.SIX_MONTH, 3.0)):
            assessments.append(
                AsoAssessment(
                    program=program,
                    case_hash=case_hash,
                    assessed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=days + number),
                    occasion=occasion,
                    **dict.fromkeys(DOMAIN_CODES, score),
                )
            )
    AsoAssessment.objects.bulk_create(assessments)
    build_release(program, Period(PeriodKind.YEAR, datetime.date(2024, 1, 1)))


def every_page_seeded():
    seed_demo_content("stories", "feedback")
    an_assessed_program_on_the_impact_page()
    InvitationCode.objects.create(code=CODE)


def signed_out_pages(story):
    return [
        "",
        "about/",
        "network/",
        "network/sample-chapter-kenya/",
        "stories/",
        f"stories/{story.slug}/",
        "search/?q=Kenya",
        "feedback/",
        f"feedback/{PROGRAM}/",
        f"feedback/{PROGRAM}/questions/",
        "feedback/withdraw/",
        "impact/",
        "accounts/login/",
        f"accounts/signup/?code={CODE}",
        "accounts/password/reset/",
    ]


def member_pages(story):
    return [
        "my-stories/",
        "my-stories/welcome/",
        "share-your-story/",
        f"my-stories/{story.pk}/edit/",
        f"my-stories/{story.pk}/consent/",
        "accounts/password/change/",
        "accounts/2fa/",
    ]


def violations_on(page, language, paths):
    found = {}
    for path in paths:
        response = page.goto(f"/{language}/{path}")
        assert response.status == 200, f"/{language}/{path}: {response.status}"
        # What is folded is checked unfolded too.
        page.evaluate("document.querySelectorAll('main details').forEach((details) => { details.open = true; })")
        for width, height in WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            violations = axe_violations_with_regions(page)
            if violations:
                found[f"/{language}/{path} at {width} px"] = violations
    return found


# One test per language, so that the languages are shared out between the test processes.
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_in_every_language_has_no_accessibility_violation(chromium, live_server, demo_site, language):
    seeded("every page", every_page_seeded)
    story = StoryPage.objects.get(slug="sauti-yangu")
    width, height = WIDTHS[0]
    context = chromium.new_context(base_url=live_server.url, viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    try:
        found = violations_on(page, language, signed_out_pages(story))
        sign_in(page, "amani", stories_demo.MEMBER_PASSWORD, language=language)
        found |= violations_on(page, language, member_pages(story))
    finally:
        context.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
