"""Admin screens: program-scoped reports, exports and the upload with its preview."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.models import AsoAssessment, ImportBatch, StagedAssessment
from reporting.periods import Period
from reporting.releases import build_release, latest_release
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps

from .helpers import assess, make_program, make_staff

pytestmark = pytest.mark.django_db

CSV_HEADER = "program,case_ref,assessed_on,occasion,safety\n"


def login(client, user):
    return sign_in_with_two_steps(client, user)


@pytest.fixture
def programs():
    mine, theirs = make_program("ke-mine"), make_program("in-theirs")
    for program in (mine, theirs):
        for number in range(6):
            assess(program, f"C{number}", "2024-01-01", "intake", score=2.0)
            assess(program, f"C{number}", "2024-09-01", "closure", score=3.0)
    return mine, theirs


@pytest.fixture
def staff(programs):
    return make_staff("staff-mine", programs=[programs[0]])


def test_staff_see_only_their_programs_in_the_index(client, staff, programs):
    response = login(client, staff).get(reverse("outcomes_reports"))
    assert response.status_code == 200
    assert reverse("outcomes_program_report", args=[programs[0].pk]) in response.text
    assert reverse("outcomes_program_report", args=[programs[1].pk]) not in response.text


def test_staff_read_their_own_program_report(client, staff, programs):
    response = login(client, staff).get(reverse("outcomes_program_report", args=[programs[0].pk]), {"period": "2024"})
    assert response.status_code == 200
    assert "<svg" in response.text and "<table" in response.text
    overall = response.context["rows"][-1]
    assert (overall["code"], overall["assessed_mean_change"]) == ("overall", 1.0)
    assert response.context["release"] == latest_release(programs[0], "year", datetime.date(2024, 1, 1))


@pytest.mark.parametrize("name", ["outcomes_program_report", "outcomes_program_report_export"])
def test_another_programs_id_in_the_url_is_not_found(client, staff, programs, name):
    args = [programs[1].pk] if name == "outcomes_program_report" else [programs[1].pk, "csv"]
    response = login(client, staff).get(reverse(name, args=args), follow=True)
    assert response.status_code == 404
    assert "Safety" not in response.text


def test_staff_without_programs_are_refused(client, programs):
    outsider = make_staff("no-programs")
    login(client, outsider)
    for url in (
        reverse("outcomes_reports"),
        reverse("outcomes_import"),
        reverse("outcomes_program_report", args=[programs[0].pk]),
    ):
        # Wagtail answers a refusal by sending the user back to the dashboard with a message.
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert client.post(reverse("outcomes_import"), {"token": "x"}).status_code == 302


def test_visitors_are_sent_to_log_in(client, programs):
    response = client.get(reverse("outcomes_program_report", args=[programs[0].pk]))
    assert response.status_code == 302


def test_an_administrator_sees_every_program(client, programs):
    admin = give_totp_authenticator(get_user_model().objects.create_superuser("admin", password="a-long-password-123"))
    login(client, admin)
    for program in programs:
        assert client.get(reverse("outcomes_program_report", args=[program.pk])).status_code == 200


def test_csv_and_xlsx_exports(client, staff, programs):
    login(client, staff)
    response = client.get(reverse("outcomes_program_report_export", args=[programs[0].pk, "csv"]), {"period": "2024"})
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # a byte-order mark, for Excel
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[:4]] == ["Program", "Period", "Produced on", "Note"]
    assert rows[0][1] == "Program ke-mine" and rows[1][1] == "2024 (2024-01-01 – 2024-12-31)"
    assert rows[5][0] == "Domain" and rows[5][-1] == "Note"
    # Six survivors, released as the stored release says; no survey, so no survivor voice, and why.
    release = latest_release(programs[0], "year", datetime.date(2024, 1, 1))
    safety = release.tables["outcomes"]["domains"]["safety"]
    assert rows[6][:7] == ["Safety", "", "", str(safety["n"]), "2.0", "3.0", "1.0"]
    assert rows[6][-1] == "Survivor voice: The survey asks nothing about this."
    overall = release.tables["outcomes"]["domains"]["overall"]
    assert rows[-1][0] == "Overall" and rows[-1][-2] == str(overall["restored_pct"])
    assert "Released on" in rows[3][1] and "version 1" in rows[3][1]
    response = client.get(reverse("outcomes_program_report_export", args=[programs[0].pk, "xlsx"]), {"period": "2024"})
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet.title == "Program report 2024"
    assert sheet.freeze_panes == "A7"
    assert sheet["A6"].value == "Domain" and sheet["A6"].font.bold
    assert [cell.value for cell in sheet[7]][:7] == ["Safety", None, None, safety["n"], 2.0, 3.0, 1.0]
    assert sheet.column_dimensions["A"].width > 10


def test_a_period_with_no_pairs_says_why_in_words(client, staff, programs):
    login(client, staff)
    url = reverse("outcomes_program_report", args=[programs[0].pk])
    response = client.get(url, {"period": "2024-Q3"})
    release = response.context["release"]
    assert (release.kind, release.start) == ("quarter", datetime.date(2024, 7, 1))
    assert release.tables["outcomes"]["domains"]["overall"]["latest_mean"] is None
    assert "Fewer than 5 people had two check-ups in this period." in response.text
    assert "would reveal" not in response.text


def test_a_late_import_after_the_release_changes_no_figure_on_the_report_or_its_exports(client, staff, programs):
    login(client, staff)
    url = reverse("outcomes_program_report", args=[programs[0].pk])
    export = reverse("outcomes_program_report_export", args=[programs[0].pk, "csv"])
    page, csv_before = client.get(url, {"period": "2024"}), client.get(export, {"period": "2024"}).content
    for number in range(5):
        assess(programs[0], f"LATE{number}", "2024-02-01", "intake", score=1.0)
        assess(programs[0], f"LATE{number}", "2024-11-01", "closure", score=4.0)
    AsoAssessment.objects.filter(program=programs[0], case_hash__isnull=False).first().delete()
    again = client.get(url, {"period": "2024"})
    assert again.context["rows"] == page.context["rows"]
    assert client.get(export, {"period": "2024"}).content == csv_before


def test_a_period_not_yet_released_says_when_it_will_be(client, staff, programs, settings):
    settings.RELEASE_PAPER_GRACE_DAYS = 3650
    login(client, staff)
    response = client.get(reverse("outcomes_program_report", args=[programs[0].pk]), {"period": "2024"})
    assert response.status_code == 200
    assert "Figures for 2024 are released on" in response.text
    assert response.context["release"] is None
    export = reverse("outcomes_program_report_export", args=[programs[0].pk, "csv"])
    assert client.get(export, {"period": "2024"}).status_code == 404


def upload(client, content, name="aso.csv"):
    """Upload a file and follow to its batch page (the preview)."""
    return client.post(reverse("outcomes_import"), {"file": SimpleUploadedFile(name, content.encode())}, follow=True)


def batch_url(response):
    return reverse("outcomes_import_batch", kwargs={"batch_id": response.context["batch"].pk})


def confirm(client, response, action="import"):
    return client.post(batch_url(response), {"action": action}, follow=True)


def test_the_upload_previews_then_imports(client, staff, programs):
    login(client, staff)
    response = upload(client, CSV_HEADER + "ke-mine,NEW-1,2024-01-01,intake,2\nke-mine,C0,2024-01-01,intake,2\n")
    assert response.status_code == 200
    batch = response.context["batch"]
    # C0's intake had all six domains; this row has only safety, so it replaces it.
    assert (batch.status, batch.rows, batch.new, batch.updated, batch.unchanged) == ("ready", 2, 1, 1, 0)
    assert response.context["errors"] == []
    assert "2 rows read. 1 new, 1 updated, 0 unchanged." in " ".join(response.text.split())
    assert AsoAssessment.objects.filter(program=programs[0]).count() == 12  # nothing saved yet
    imported = confirm(client, response)
    assert imported.status_code == 200
    assert imported.context["batch"].status == "imported"
    assert "2 rows imported. 1 new, 1 updated, 0 unchanged." in " ".join(imported.text.split())
    assert AsoAssessment.objects.filter(program=programs[0]).count() == 13
    assert not StagedAssessment.objects.exists()
    # The batch is used up: importing it again imports nothing and says so.
    again = confirm(client, response)
    assert "That upload has expired or was already imported." in again.text
    assert AsoAssessment.objects.filter(program=programs[0]).count() == 13


def test_the_preview_lists_every_error_and_offers_no_import(client, staff, programs):
    login(client, staff)
    response = upload(client, CSV_HEADER + "in-theirs,X,2024-01-01,intake,2\nke-mine,,2024-31-01,intake,9\n")
    errors = [(e.row, e.column) for e in response.context["errors"]]
    assert errors == [(2, "program"), (3, "case_ref"), (3, "assessed_on"), (3, "safety")]
    assert response.context["batch"].status == "invalid"
    assert 'value="import"' not in response.text
    assert "Unknown program, or not one of your programs." in response.text
    assert not StagedAssessment.objects.exists()
    assert confirm(client, response).redirect_chain[-1][0] == reverse("outcomes_import")
    assert AsoAssessment.objects.count() == 24


def test_another_users_upload_cannot_be_seen_or_imported(client, staff, programs):
    login(client, staff)
    response = upload(client, CSV_HEADER + "ke-mine,NEW-1,2024-01-01,intake,2\n")
    url = batch_url(response)
    other = make_staff("other-staff", programs=[programs[0]])
    client.logout()
    login(client, other)
    # A 404 under /admin/ is answered by a redirect to the language-prefixed path, which is not found either.
    assert client.get(url, follow=True).status_code == 404
    assert client.post(url, {"action": "import"}, follow=True).status_code == 404
    assert client.post(url, {"action": "cancel"}, follow=True).status_code == 404
    assert AsoAssessment.objects.filter(program=programs[0]).count() == 12
    assert StagedAssessment.objects.count() == 1


def test_the_same_user_in_another_session_cannot_import_the_upload(client, staff, programs):
    from django.test import Client

    login(client, staff)
    url = upload(client, CSV_HEADER + "ke-mine,NEW-1,2024-01-01,intake,2\n").request["PATH_INFO"]
    assert login(Client(), staff).post(url, {"action": "import"}, follow=True).status_code == 404
    assert AsoAssessment.objects.filter(program=programs[0]).count() == 12


def test_a_preview_on_one_node_is_imported_on_another(client, staff, programs):
    """Nothing of the preview is kept in a process: a fresh client with only the session cookie imports it."""
    from django.core.cache import caches
    from django.test import Client

    login(client, staff)
    url = upload(client, CSV_HEADER + "ke-mine,NEW-1,2024-01-01,intake,2\n").request["PATH_INFO"]
    for cache in caches.all():
        cache.clear()
    other_node = Client()
    other_node.cookies = client.cookies
    response = other_node.post(url, {"action": "import"}, follow=True)
    assert response.context["batch"].status == "imported"
    assert AsoAssessment.objects.filter(program=programs[0]).count() == 13


def test_cancel_deletes_the_staged_rows(client, staff, programs):
    login(client, staff)
    response = upload(client, CSV_HEADER + "ke-mine,NEW-1,2024-01-01,intake,2\nke-mine,NEW-2,2024-01-01,intake,2\n")
    assert StagedAssessment.objects.count() == 2
    cancelled = confirm(client, response, action="cancel")
    assert cancelled.redirect_chain[-1][0] == reverse("outcomes_import")
    assert "The upload was cancelled and its rows deleted. Nothing was imported." in cancelled.text
    assert not StagedAssessment.objects.exists() and not ImportBatch.objects.exists()
    assert client.get(batch_url(response), follow=True).status_code == 404
    assert AsoAssessment.objects.filter(program=programs[0]).count() == 12


def test_an_unknown_action_is_refused(client, staff, programs):
    login(client, staff)
    response = upload(client, CSV_HEADER + "ke-mine,NEW-1,2024-01-01,intake,2\n")
    refused = client.post(batch_url(response), {"action": "delete-everything"})
    assert refused.status_code == 400
    assert refused.content.decode() == "Choose Import or Cancel."
    assert StagedAssessment.objects.count() == 1


def test_a_new_upload_replaces_the_earlier_preview(client, staff, programs):
    login(client, staff)
    first = upload(client, CSV_HEADER + "ke-mine,NEW-1,2024-01-01,intake,2\n")
    upload(client, CSV_HEADER + "ke-mine,NEW-2,2024-01-01,intake,2\nke-mine,NEW-3,2024-01-01,intake,2\n")
    assert client.get(batch_url(first), follow=True).status_code == 404
    assert StagedAssessment.objects.count() == 2


def test_a_wrong_file_type_is_refused(client, staff):
    response = upload(login(client, staff), "hello", name="aso.txt")
    assert "Only CSV and XLSX files can be imported." in response.text


def test_administrators_edit_the_outcome_settings_and_sub_domain_labels(client, programs):
    from wagtail.models import Site

    from gsn_site.models import PrivacySettings
    from outcomes.models import OutcomeDomain, OutcomeSettings, SubdomainLabel
    from outcomes.scoring import ScoringRules

    admin = give_totp_authenticator(get_user_model().objects.create_superuser("admin", password="a-long-password-123"))
    login(client, admin)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["outcomes", "outcomesettings", site.pk])
    assert client.get(url).status_code == 200
    data = {"restoration_threshold": "3.25", "measurable_improvement": "0.5", "substantial_improvement": "1.0"}
    client.post(url, data)
    # The minimum cell size is a privacy setting: one value for every report, feedback and outcomes alike.
    privacy_url = reverse("wagtailsettings:edit", args=["gsn_site", "privacysettings", site.pk])
    response = client.post(privacy_url, {"min_cell_size": "3"})
    assert response.status_code == 200
    assert "cannot be below 5" in response.text  # never below the platform minimum
    assert PrivacySettings.for_site(site).min_cell_size == 5
    client.post(privacy_url, {"min_cell_size": "8"})
    assert PrivacySettings.for_site(site).min_cell_size == 8
    assert ScoringRules.from_settings() == ScoringRules(restoration_threshold=3.25, min_cell=8)
    assert PrivacySettings.current().effective_min_cell == 8
    assert OutcomeSettings.for_site(site).restoration_threshold == Decimal("3.25")

    client.post(
        reverse("wagtailsnippets_outcomes_subdomainlabel:add"),
        {"domain": OutcomeDomain.objects.get(code="safety").pk, "number": "1", "label": "<b>Housing</b> safety"},
    )
    label = SubdomainLabel.objects.get()
    assert (label.code, label.label) == ("safety.1", "Housing safety")


def test_the_outcome_settings_default_to_the_documented_values(db):
    from outcomes.scoring import ScoringRules

    assert ScoringRules.from_settings() == ScoringRules(3.0, 0.5, 1.0, 5)


def test_the_import_reports_its_progress_to_the_uploader_only(client, staff, programs):
    from django.test import Client

    login(client, staff)
    progress_url = reverse("outcomes_import_progress")
    assert client.get(progress_url).json() == {"rows": 0, "percent": None, "status": None}
    response = upload(client, CSV_HEADER + "ke-mine,NEW-1,2024-01-01,intake,2\nke-mine,NEW-2,2024-01-01,intake,3\n")
    assert client.get(progress_url).json() == {"rows": 2, "percent": 100, "status": "ready"}
    confirm(client, response)
    progress = client.get(progress_url)
    assert progress.json() == {"rows": 2, "percent": 100, "status": "imported"}
    assert "no-store" in progress.headers["Cache-Control"]
    # Another member of staff, in another session, sees nothing of it.
    other = login(Client(), staff)
    assert other.get(progress_url).json() == {"rows": 0, "percent": None, "status": None}
    # A visitor is sent to log in.
    assert Client().get(progress_url).status_code == 302


# --- The Impact page's publication, dashboard panels --------------------------------------------


def test_there_is_no_hand_publication_any_more(client, staff, programs):
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("outcomes_impact_publish")


def test_the_program_report_refuses_dates_that_are_not_a_closed_period(client, staff, programs):
    url = reverse("outcomes_program_report", args=[programs[0].pk])
    response = login(client, staff).get(url, {"date_from": "2024-01-01", "date_to": "2024-06-30"})
    assert response.status_code == 400
    assert "Figures are released only for a whole calendar month, quarter or year that has ended." in response.text
    assert response.context["release"] is None


def test_the_program_report_names_its_period_and_explains_survivor_voice(client, staff, programs):
    response = login(client, staff).get(reverse("outcomes_program_report", args=[programs[0].pk]), {"period": "2024"})
    assert response.status_code == 200
    assert "Period: 2024" in response.text
    assert "is what survivors said in the feedback survey" in response.text
    assert "Overall is the mean of the six domain scores" in response.text


def test_dashboard_panels_show_what_each_person_must_act_on(client, staff, programs):
    login(client, staff)
    page = client.get(reverse("wagtailadmin_home"))
    assert page.status_code == 200
    assert 'data-dashboard-panel="latest-published-period"' in page.text
    assert "None of your programs shows figures on the Impact page yet" in page.text
    programs[0].publish_impact = True
    programs[0].save()
    build_release(programs[0], Period("year", datetime.date(2024, 1, 1)))
    page = client.get(reverse("wagtailadmin_home"))
    assert "The Impact page shows 2024 for 1 of your programs." in page.text
    # This person reviews no feedback: no review panel.
    assert 'data-dashboard-panel="feedback-awaiting-review"' not in page.text


def test_no_export_cell_is_ever_run_as_a_spreadsheet_formula(client, staff, programs):
    programs[0].name = '=HYPERLINK("http://example.invalid","open")'
    programs[0].save()
    login(client, staff)
    url = reverse("outcomes_program_report_export", args=[programs[0].pk, "csv"])
    rows = list(csv.reader(io.StringIO(client.get(url, {"period": "2024"}).content.decode("utf-8-sig"))))
    assert rows[0] == ["Program", '\'=HYPERLINK("http://example.invalid","open")']
    url = reverse("outcomes_program_report_export", args=[programs[0].pk, "xlsx"])
    sheet = load_workbook(io.BytesIO(client.get(url, {"period": "2024"}).content)).active
    assert sheet["B1"].value == '\'=HYPERLINK("http://example.invalid","open")'
    assert sheet["B1"].data_type == "s"
