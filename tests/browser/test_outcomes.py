"""The program report in the admin and the public Impact page, in a real browser, checked with axe-core."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from outcomes.case_refs import hash_case_ref
from outcomes.models import AsoAssessment, Occasion
from programs.models import Program
from programs.outcome_domains import DOMAIN_CODES
from reporting.periods import Period, PeriodKind
from reporting.releases import build_release
from tests.conftest import sign_in_with_two_steps

from .conftest import assert_no_axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def program(browser_page, demo_site):
    program = Program.objects.create(
        code="ke-browser",
        name="Sample aftercare (browser)",
        organisation="Sample",
        country="Kenya",
        publish_impact=True,
    )
    assessments = []
    for number in range(12):
        case_hash = hash_case_ref(program.code, f"B-{number}")
        for days, occasion, score in (
            (0, Occasion.INTAKE, 1.5 + number % 3 * 0.5),
            (200, Occasion.SIX_MONTH, 2.5 + number % 2 * 0.5),
        ):
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
    return program


@pytest.fixture
def staff_page(browser_page, live_server, program):
    """The browser, signed in as a member of the program's staff (with two-step sign-in set up)."""
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("browser-staff", password="a-long-password-123", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    program.staff.add(user)
    client = sign_in_with_two_steps(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    browser_page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return browser_page


def test_admin_program_report_has_a_chart_a_table_and_no_accessibility_violations(staff_page, program):
    staff_page.goto(f"/admin/outcomes/reports/{program.pk}/")
    assert staff_page.locator("svg.outcome-chart").is_visible()
    assert staff_page.locator("table.listing tbody tr").count() == len(DOMAIN_CODES) + 1
    assert "Safety" in staff_page.locator("table.listing").inner_text()
    save_screenshot(staff_page, "outcomes-program-report")
    assert_no_axe_violations(staff_page)


def test_admin_import_screen_has_no_accessibility_violations(staff_page, program):
    staff_page.goto("/admin/outcomes/import/")
    assert_no_axe_violations(staff_page)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_public_impact_page_has_no_accessibility_violations(browser_page, program, code):
    browser_page.goto(f"/{code}/impact/")
    assert browser_page.locator("#impact-ke-browser").is_visible()
    browser_page.locator(".impact-details summary").click()
    assert browser_page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    save_screenshot(browser_page, f"impact-{code}")
    assert_no_axe_violations(browser_page)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_impact_page_reads_on_a_360px_phone(phone_page, program, code):
    phone_page.goto(f"/{code}/impact/")
    assert phone_page.locator("#impact-network").is_visible()
    assert phone_page.locator('a[href="#program-ke-browser"]').is_visible()
    # A program's summary (its heading, its year and the table of every domain) fits one screen.
    heading = phone_page.locator("#impact-ke-browser").bounding_box()
    table = phone_page.locator("#program-ke-browser .impact-summary").bounding_box()
    assert table["y"] + table["height"] - heading["y"] <= 640
    assert phone_page.locator("#program-ke-browser .impact-summary tbody tr").count() == len(DOMAIN_CODES)
    # The details are folded until asked for.
    assert not phone_page.locator(".impact-chart svg").is_visible()
    phone_page.locator("#program-ke-browser .impact-details summary").click()
    assert phone_page.locator(".impact-chart svg").is_visible()
    cards = phone_page.locator(".impact-card")
    assert cards.count() == len(DOMAIN_CODES)
    # Nothing is wider than the screen: no sideways scrolling, no clipped card.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    for index in range(cards.count()):
        box = cards.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    save_screenshot(phone_page, f"impact-phone-{code}")
    assert_no_axe_violations(phone_page)


def test_the_import_screen_shows_progress_while_the_file_is_checked(staff_page, program, tmp_path):
    csv_file = tmp_path / "aso.csv"
    csv_file.write_text("program,case_ref,assessed_on,occasion,safety\n")
    staff_page.goto("/admin/outcomes/import/")
    assert staff_page.locator("[data-import-progress]").is_hidden()
    # Keep the page in place after the submit, as it stays while a large file is being checked.
    staff_page.evaluate(
        "document.querySelector('form[data-import-form]').addEventListener('submit', (event) => event.preventDefault(), true)"
    )
    staff_page.set_input_files("input[type=file]", str(csv_file))
    staff_page.click("form[data-import-form] button[type=submit]")
    status = staff_page.locator("[data-import-progress-text]")
    status.wait_for(state="visible")
    staff_page.wait_for_function(
        "document.querySelector('[data-import-progress-text]').textContent.includes('rows read so far')"
    )
    assert status.inner_text() == "0 rows read so far"


def test_a_checked_file_is_previewed_imported_and_reported_without_accessibility_violations(
    staff_page, program, tmp_path
):
    csv_file = tmp_path / "aso.csv"
    csv_file.write_text("program,case_ref,assessed_on,occasion,safety\nke-browser,NEW-1,2024-03-01,intake,3\n")
    staff_page.goto("/admin/outcomes/import/")
    staff_page.set_input_files("input[type=file]", str(csv_file))
    staff_page.click("form[data-import-form] button[type=submit]")
    staff_page.wait_for_selector("#preview-heading")
    assert staff_page.locator("#preview-heading").inner_text() == "Preview: nothing has been saved yet"
    assert_no_axe_violations(staff_page)
    staff_page.click("button[value=import]")
    staff_page.wait_for_selector("#import-heading")
    assert staff_page.locator("#import-heading").inner_text() == "Imported"
    assert "1 row imported. 1 new, 0 updated, 0 unchanged." in " ".join(staff_page.locator("main").inner_text().split())
    assert_no_axe_violations(staff_page)
    assert AsoAssessment.objects.filter(program=program).count() == 25
