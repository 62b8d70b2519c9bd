"""Staff screens: program-scoped access everywhere, free text only when allowed, an access log."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from feedback.models import AccessLogEntry, FeedbackLink, FeedbackResponse, ReviewStatus, program_survey
from tests.conftest import sign_in_with_two_steps

from .factories import make_response, make_survey, program_form

pytestmark = pytest.mark.django_db

Action = AccessLogEntry.Action


@pytest.fixture
def responses(program, other_program, survey):
    own = [make_response(program, survey, feel_safe=4, better="The counsellor listened.") for _ in range(6)]
    other = [make_response(other_program, survey, feel_safe=2, better="Secret words from India.") for _ in range(6)]
    return own, other


@pytest.fixture
def staff_client(client, program_staff):
    sign_in_with_two_steps(client, program_staff)
    return client


def final_status(client, url, data=None, method="get"):
    """The status a person ends on. A 404 outside the language prefix is first redirected to /en/…."""
    return getattr(client, method)(url, data or {}, follow=True).status_code


def record_urls(response):
    return {
        "inspect": reverse("feedback_responses:inspect", args=[response.pk]),
        "edit": reverse("feedback_responses:edit", args=[response.pk]),
        "delete": reverse("feedback_responses:delete", args=[response.pk]),
        "redact": reverse("feedback_admin:redact", args=[response.pk]),
    }


def test_program_staff_list_shows_only_their_programs_responses(staff_client, responses):
    own, other = responses
    page = staff_client.get(reverse("feedback_responses:index"))
    assert page.status_code == 200
    text = page.content.decode()
    assert all(response.reference in text for response in own)
    assert not any(response.reference in text for response in other)
    # Each reference opens its response.
    for response in own:
        assert f'href="{reverse("feedback_responses:inspect", args=[response.pk])}"' in text
    # Asking for the other program in the filter changes nothing.
    text = staff_client.get(reverse("feedback_responses:index"), {"program": other[0].program_id}).content.decode()
    assert not any(response.reference in text for response in other)
    results = staff_client.get(
        reverse("feedback_responses:index_results"), {"program": other[0].program_id}
    ).content.decode()
    assert not any(response.reference in results for response in other)


def test_program_staff_cannot_open_another_programs_response_by_changing_the_id(
    staff_client, program_staff, responses, program
):
    own, other = responses
    # Even with rights to review, change and delete, the other program's records stay out of reach.
    program_staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_feedbackresponse", "delete_feedbackresponse"])
    )
    program.staff_may_read_free_text = True
    program.save()
    assert staff_client.get(record_urls(own[0])["inspect"]).status_code == 200
    for name, url in record_urls(other[0]).items():
        assert final_status(staff_client, url) == 404, name
        assert final_status(staff_client, url, {"review_status": "flagged"}, "post") == 404, name
    assert FeedbackResponse.objects.filter(program=other[0].program).count() == 6
    assert set(FeedbackResponse.objects.values_list("review_status", flat=True)) == {ReviewStatus.NEW}


def test_program_staff_reports_and_exports_cover_only_their_programs(staff_client, responses, program, other_program):
    report_url = reverse("feedback_admin:report")
    assert staff_client.get(report_url, {"program": program.pk}).status_code == 200
    for file_format in ("", "csv", "xlsx"):
        assert final_status(staff_client, report_url, {"program": other_program.pk, "format": file_format}) == 404
    assert staff_client.get(reverse("feedback_admin:export_records")).status_code == 403
    assert staff_client.get(reverse("feedback_admin:export_records"), {"program": program.pk}).status_code == 403
    for name in ("feedback_admin:program_qr_png", "feedback_admin:program_qr_svg"):
        assert staff_client.get(reverse(name, args=[program.pk])).status_code == 200
        assert final_status(staff_client, reverse(name, args=[other_program.pk])) == 404


def test_program_staff_cannot_enter_paper_responses_for_another_program(staff_client, program, other_program, survey):
    url = reverse("feedback_admin:assisted_entry") + f"?survey={survey.pk}"
    form = staff_client.get(url)
    assert form.status_code == 200
    assert other_program.name not in form.content.decode()
    token = re.search(r'name="submission_token" value="([^"]+)"', form.content.decode()).group(1)
    data = {
        "submission_token": token,
        "program": other_program.pk,
        "channel": "paper",
        "language": "sw",
        "submitted_on": "2026-05-04",
        "q_feel-safe": "5",
    }
    assert staff_client.post(url, data).status_code == 400
    assert FeedbackResponse.objects.count() == 0
    data["program"] = program.pk
    assert staff_client.post(url, data).status_code == 302
    stored = FeedbackResponse.objects.get()
    assert (stored.program, stored.channel, stored.language, stored.submitted_on) == (
        program,
        "paper",
        "sw",
        datetime.date(2026, 5, 4),
    )
    assert AccessLogEntry.objects.filter(action=Action.ASSISTED_ENTRY, program=program).count() == 1


def test_free_text_is_hidden_from_program_staff_until_an_administrator_allows_it(
    staff_client, program_staff, responses, program
):
    own, _other = responses
    url = record_urls(own[0])["inspect"]
    response = staff_client.get(url)
    page = response.content.decode()
    assert "The counsellor listened." not in page
    assert "Written answer hidden" in page
    # The hidden text is not handed to the template at all.
    assert "The counsellor listened." not in [value for _question, value, _answer in response.context["answers"]]
    assert staff_client.get(record_urls(own[0])["redact"]).status_code == 302  # no right to change anything
    program_staff.user_permissions.add(Permission.objects.get(codename="change_feedbackresponse"))
    assert staff_client.get(record_urls(own[0])["redact"]).status_code == 403
    program.staff_may_read_free_text = True
    program.save()
    # Allowed, but a reviewer has not read it yet: it could still hold a name the redaction missed.
    page = staff_client.get(url).content.decode()
    assert "The counsellor listened." not in page
    assert "Written answer waiting for review" in page
    for status in (ReviewStatus.REVIEWED, ReviewStatus.FLAGGED):
        FeedbackResponse.objects.filter(pk=own[0].pk).update(review_status=status)
        assert "The counsellor listened." in staff_client.get(url).content.decode()


def test_reviewers_see_every_program_and_free_text_and_can_mark_responses(client, reviewer, responses):
    own, other = responses
    sign_in_with_two_steps(client, reviewer)
    text = client.get(reverse("feedback_responses:index")).content.decode()
    assert all(response.reference in text for response in own + other)
    assert "Secret words from India." in client.get(record_urls(other[0])["inspect"]).content.decode()
    assert client.post(record_urls(other[0])["edit"], {"review_status": "flagged"}).status_code == 302
    other[0].refresh_from_db()
    assert other[0].review_status == ReviewStatus.FLAGGED


def test_redacting_further_replaces_the_stored_text(client, reviewer, responses):
    own, _other = responses
    sign_in_with_two_steps(client, reviewer)
    answer = own[0].answers.get(question_key="better")
    url = record_urls(own[0])["redact"]
    assert (
        client.post(
            url, {f"answer_{answer.pk}": "The [removed] listened, see me at 12 Main Street 1234567"}
        ).status_code
        == 302
    )
    answer.refresh_from_db()
    assert answer.text == "The [removed] listened, see me at 12 Main Street [removed]"
    assert client.post(url, {f"answer_{answer.pk}": ""}).status_code == 302
    assert not own[0].answers.filter(question_key="better").exists()
    assert AccessLogEntry.objects.filter(action=Action.REDACT, user=reviewer).count() == 2


def test_every_view_and_export_of_response_records_is_logged(client, administrator, responses, program):
    own, _other = responses
    sign_in_with_two_steps(client, administrator)
    client.get(reverse("feedback_responses:index"))
    client.get(record_urls(own[0])["inspect"])
    # The latest closed month is not released yet (its answers can still be withdrawn): nothing is shown
    # or logged for it; a released period is.
    client.get(reverse("feedback_admin:report"), {"program": program.pk})
    client.get(reverse("feedback_admin:report"), {"program": program.pk, "period": "2025-10"})
    client.get(reverse("feedback_admin:report"), {"program": program.pk, "period": "2025-10", "format": "csv"})
    client.get(reverse("feedback_admin:export_records"), {"program": program.pk})
    log = list(
        AccessLogEntry.objects.order_by("pk").values_list("username", "action", "object_reference", "record_count")
    )
    assert log == [
        ("administrator", Action.LIST, "", 12),
        ("administrator", Action.DETAIL, own[0].reference, 1),
        ("administrator", Action.REPORT, "", 0),
        ("administrator", Action.EXPORT_REPORT, "", 0),
        ("administrator", Action.EXPORT_RECORDS, "", 6),
    ]
    assert all(entry.timestamp and entry.user == administrator for entry in AccessLogEntry.objects.all())


def test_only_administrators_read_the_access_log(client, administrator, program_staff, reviewer, responses):
    AccessLogEntry.record(program_staff, Action.LIST, record_count=6)
    url = reverse("feedback_access_log:index")
    for user in (program_staff, reviewer):
        sign_in_with_two_steps(client, user)
        # Wagtail sends people without the permission back to the dashboard.
        response = client.get(url)
        assert (response.status_code, response.url) == (302, "/admin/")
    sign_in_with_two_steps(client, administrator)
    page = client.get(url)
    assert page.status_code == 200
    assert "kenya-staff" in page.content.decode()


def test_report_exports_the_stored_release_as_csv_and_xlsx(client, administrator, program, survey):
    from gsn_site.privacy import round_half_up
    from reporting.models import Release

    october = datetime.date(2025, 10, 20)
    for _ in range(10):
        make_response(program, survey, submitted_on=october, feel_safe=4)
    for _ in range(5):
        make_response(program, survey, submitted_on=october, feel_safe=2)
    make_response(program, survey, submitted_on=october, feel_safe=1)
    sign_in_with_two_steps(client, administrator)
    url = reverse("feedback_admin:report")
    query = {"program": program.pk, "period": "2025-10"}
    csv_response = client.get(url, {**query, "format": "csv"})
    assert csv_response["Content-Disposition"] == 'attachment; filename="feedback-report-kenya-aftercare-2025-10.csv"'
    csv_text = csv_response.content.decode("utf-8-sig").replace("\r\n", "\n")
    assert csv_text.startswith("Program,Kenya aftercare\nPeriod,October 2025 (2025-10-01 – 2025-10-31)\nProduced on,")
    tables = Release.objects.get(program=program, kind="month", start=datetime.date(2025, 10, 1)).tables["feedback"]
    total = tables["responses"]["total"]
    feel_safe = next(question for question in tables["questions"] if question["key"] == "feel-safe")
    answered, shown = feel_safe["answered"], feel_safe["distribution"]
    # 16 people; each figure is the release's, the one "strongly disagree" shows as 0 or 5, never 1.
    assert abs(total - 16) <= 2
    assert f"Responses,,Total,{total},\n" in csv_text
    assert all(count == 0 or count >= 5 for count in shown.values())
    # The audit may have collapsed the scale (agree / neither / disagree) for this period.
    agree, disagree = ("agree", "disagree") if feel_safe["collapsed"] else ("4", "1")
    labels = (
        ("Agree or strongly agree", "Disagree or strongly disagree")
        if feel_safe["collapsed"]
        else ("Agree", "Strongly disagree")
    )
    share = int(round_half_up(100 * shown[agree] / answered, 0))
    assert f"Question,Question feel-safe?,{labels[0]},{shown[agree]},{share}\n" in csv_text
    assert f"Question,Question feel-safe?,{labels[1]},{shown[disagree]}," in csv_text
    assert "Question,Question feel-safe?,Neither agree nor disagree,0,0\n" in csv_text
    workbook = load_workbook(io.BytesIO(client.get(url, {**query, "format": "xlsx"}).content))
    sheet = workbook.active
    assert sheet.title == "Feedback 2025-10"
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert ["Responses", None, "Total", total, None] in rows
    assert any(row[:4] == ["Question", "Question feel-safe?", labels[1], shown[disagree]] for row in rows)
    page = client.get(url, query)
    assert page.status_code == 200
    assert "Kenya aftercare, October 2025" in page.text
    assert "a group of 1 to 4 people is shown as 0 or 5" in page.text
    assert "<svg" in page.text  # the bars
    # Languages are named, and languages nobody used are left out.
    assert "English" in page.text and "Khmer" not in page.text


def test_a_late_paper_entry_changes_nothing_in_the_released_report(client, administrator, program, survey):
    october = datetime.date(2025, 10, 20)
    for _ in range(8):
        make_response(program, survey, submitted_on=october, feel_safe=4)
    sign_in_with_two_steps(client, administrator)
    url = reverse("feedback_admin:report")
    query = {"program": program.pk, "period": "2025-10"}

    def tables(page):
        return re.findall(r"<table.*?</table>", page.text, flags=re.S)

    before = [client.get(url, {**query, "format": "csv"}).content, tables(client.get(url, query))]
    assert before[1]
    before_xlsx = [
        list(row)
        for row in load_workbook(io.BytesIO(client.get(url, {**query, "format": "xlsx"}).content)).active.iter_rows(
            values_only=True
        )
    ]
    for _ in range(3):
        make_response(program, survey, submitted_on=october, channel="paper", feel_safe=1)
    assert [client.get(url, {**query, "format": "csv"}).content, tables(client.get(url, query))] == before
    after_xlsx = [
        list(row)
        for row in load_workbook(io.BytesIO(client.get(url, {**query, "format": "xlsx"}).content)).active.iter_rows(
            values_only=True
        )
    ]
    assert after_xlsx == before_xlsx


def test_a_period_not_yet_released_says_when_it_will_be(client, administrator, program, survey):
    sign_in_with_two_steps(client, administrator)
    page = client.get(reverse("feedback_admin:report"), {"program": program.pk})
    assert page.status_code == 200
    assert "once the time to withdraw an answer has passed." in page.text
    assert "Download CSV" not in page.text


def test_the_report_refuses_dates_that_are_not_a_closed_period(client, administrator, program):
    sign_in_with_two_steps(client, administrator)
    response = client.get(
        reverse("feedback_admin:report"), {"program": program.pk, "date_from": "2025-10-01", "date_to": "2025-10-15"}
    )
    assert response.status_code == 400
    assert "Figures are released only for a whole calendar month, quarter or year that has ended." in response.text
    assert "summary" not in response.context


def test_staff_of_one_program_find_it_chosen(staff_client, program):
    page = staff_client.get(reverse("feedback_admin:report"))
    assert page.status_code == 200
    assert page.context["form"]["program"].value() == program.pk


def test_the_dashboard_shows_feedback_awaiting_review_in_their_programs_only(staff_client, responses):
    page = staff_client.get(reverse("wagtailadmin_home"))
    assert "6 responses from your programs have not been reviewed." in page.text


def test_record_level_export_is_pseudonymised_and_for_administrators_only(client, administrator, reviewer, responses):
    own, _other = responses
    sign_in_with_two_steps(client, reviewer)
    assert client.get(reverse("feedback_admin:export_records")).status_code == 403
    sign_in_with_two_steps(client, administrator)
    export = client.get(reverse("feedback_admin:export_records"), {"format": "csv"})
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Reference,Program,Survey,Version,Language,Channel,Date,Review status,feel-safe,")
    assert len(lines) == 13
    assert any(line.startswith(own[0].reference + ",kenya-aftercare,") for line in lines)
    assert "submission" not in export.content.decode() and own[0].receipt_hash not in export.content.decode()


def test_program_snippet_shows_the_feedback_link_and_qr_code(client, administrator, program):
    sign_in_with_two_steps(client, administrator)
    page = client.get(reverse("wagtailsnippets_programs_program:edit", args=[program.pk])).content.decode()
    assert "/feedback/kenya-aftercare/" in page
    assert reverse("feedback_admin:program_qr_svg", args=[program.pk]) in page
    png = client.get(reverse("feedback_admin:program_qr_png", args=[program.pk]))
    assert (png["Content-Type"], png.content[:8]) == ("image/png", b"\x89PNG\r\n\x1a\n")
    svg = client.get(reverse("feedback_admin:program_qr_svg", args=[program.pk]))
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content


def test_one_program_screen_edits_the_program_and_the_survey_its_feedback_link_opens(
    client, administrator, program, survey
):
    second = make_survey(slug="second-survey")
    link = FeedbackLink.objects.get(program=program)
    sign_in_with_two_steps(client, administrator)
    edit_url = reverse("wagtailsnippets_programs_program:edit", args=[program.pk])
    page = client.get(edit_url).content.decode()
    assert (
        'name="feedback_links-0-survey"' in page
        and "Without one, the feedback link opens the first live survey." in page
    )

    saved = client.post(
        edit_url, program_form(program, [{"id": link.pk, "survey": second.pk}], name="Nairobi aftercare")
    )
    assert saved.status_code == 302
    program.refresh_from_db()
    assert (program.name, program.name_en, program_survey(program)) == (
        "Nairobi aftercare",
        "Nairobi aftercare",
        second,
    )

    # Removing the row: the link opens the first live survey again.
    cleared = client.post(edit_url, program_form(program, [{"id": link.pk, "survey": second.pk, "DELETE": "on"}]))
    assert cleared.status_code == 302
    assert not FeedbackLink.objects.filter(program=program).exists()
    assert program_survey(program) == survey


def test_a_program_cannot_have_two_feedback_links(client, administrator, program, survey):
    second = make_survey(slug="second-survey")
    link = FeedbackLink.objects.get(program=program)
    sign_in_with_two_steps(client, administrator)
    edit_url = reverse("wagtailsnippets_programs_program:edit", args=[program.pk])
    refused = client.post(
        edit_url,
        program_form(program, [{"id": link.pk, "survey": survey.pk}, {"survey": second.pk}], name="Changed"),
    )
    assert refused.status_code == 200
    assert "Please submit at most 1 form." in refused.content.decode()
    program.refresh_from_db()
    assert program.name == "Kenya aftercare"
    assert list(FeedbackLink.objects.filter(program=program).values_list("survey", flat=True)) == [survey.pk]


def test_program_staff_see_only_their_programs_as_snippets(client, program_staff, program, other_program):
    program_staff.user_permissions.add(Permission.objects.get(codename="view_program"))
    sign_in_with_two_steps(client, program_staff)
    page = client.get(reverse("wagtailsnippets_programs_program:list")).content.decode()
    assert program.name in page
    assert other_program.name not in page


NAMES_AND_PLACES = "Amina Wanjiru took me to Kibera. I live on 12 Main Street near the village."


def highlight_keys(page):
    return re.findall(r'name="highlight" value="([^"]+)"', page)


def test_the_review_screen_marks_likely_names_and_places(client, reviewer, program, survey):
    response = make_response(program, survey, better=NAMES_AND_PLACES)
    sign_in_with_two_steps(client, reviewer)
    page = client.get(record_urls(response)["redact"]).content.decode()
    label = '<span class="w-sr-only"> (highlighted: may be a name or place)</span>'
    marked = ["Amina Wanjiru", "Kibera", "12 Main Street", "village"]
    assert re.findall(r"<mark>(.*?)</mark>", page) == [f"{words}{label}" for words in marked]
    pk = response.answers.get(question_key="better").pk
    assert highlight_keys(page) == [f"{pk}-0-13", f"{pk}-25-31", f"{pk}-43-57", f"{pk}-67-74"]
    assert "Redact “12 Main Street”" in page


def test_redact_highlighted_replaces_exactly_the_ticked_words_in_one_action(client, reviewer, program, survey):
    response = make_response(program, survey, better=NAMES_AND_PLACES)
    answer = response.answers.get(question_key="better")
    sign_in_with_two_steps(client, reviewer)
    url = record_urls(response)["redact"]
    keys = highlight_keys(client.get(url).content.decode())
    # "village" is left unticked; a span the server did not highlight is ignored.
    chosen = [keys[0], keys[1], keys[2], f"{answer.pk}-0-5"]
    result = client.post(url, {"action": "redact-highlighted", "highlight": chosen})
    assert (result.status_code, result["Location"]) == (302, url)
    answer.refresh_from_db()
    assert answer.text == "[removed] took me to [removed]. I live on [removed] near the village."
    log = AccessLogEntry.objects.filter(action=Action.REDACT, user=reviewer, object_reference=response.reference)
    assert log.count() == 1
    assert "The highlighted words were replaced with [removed]." in client.get(url).content.decode()


def test_redact_highlighted_is_refused_to_staff_who_may_not_review_that_program(
    client, program_staff, program, other_program, survey
):
    own = make_response(program, survey, better=NAMES_AND_PLACES)
    other = make_response(other_program, survey, better=NAMES_AND_PLACES)
    sign_in_with_two_steps(client, program_staff)

    def attempt(response, follow=False):
        answer = response.answers.get(question_key="better")
        url = record_urls(response)["redact"]
        data = {"action": "redact-highlighted", "highlight": [f"{answer.pk}-0-13", f"{answer.pk}-25-31"]}
        status = final_status(client, url, data, "post") if follow else client.post(url, data).status_code
        answer.refresh_from_db()
        return status, answer.text == NAMES_AND_PLACES

    assert attempt(own) == (302, True)  # to the admin's "no permission" redirect: no right to change
    program_staff.user_permissions.add(Permission.objects.get(codename="change_feedbackresponse"))
    assert attempt(own) == (403, True)  # may not read this program's written answers
    program.staff_may_read_free_text = True
    program.save()
    other_program.staff_may_read_free_text = True
    other_program.save()
    assert attempt(other, follow=True) == (404, True)  # not one of their programs
    assert attempt(own) == (302, False)
    assert own.answers.get().text == "[removed] took me to [removed]. I live on 12 Main Street near the village."
    assert AccessLogEntry.objects.filter(action=Action.REDACT).count() == 1


def test_written_answers_that_spell_out_markup_are_shown_as_text(client, reviewer, program, survey):
    response = make_response(program, survey, better="&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;")
    assert response.answers.get().text == "<script>alert(1)</script> &lt;b&gt;"
    sign_in_with_two_steps(client, reviewer)
    for url in (record_urls(response)["inspect"], record_urls(response)["redact"]):
        page = client.get(url).content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;" in page
        assert "<script>alert(1)" not in page
