"""Program answers ("You said / We did / Next"): who may draft, see and review them, and the review
workflow from draft to the published answer survivors read."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from feedback.models import ProgramReply
from feedback.roles import SURVIVOR_LEADERS
from reporting.models import ReportingPeriod
from tests.conftest import give_totp_authenticator, sign_in_with_two_steps

from .test_admin import final_status

pytestmark = pytest.mark.django_db

URLS = "wagtailsnippets_feedback_programreply"


def admin_url(view, *args):
    with translation.override("en"):
        return reverse(f"{URLS}:{view}", args=args)


@pytest.fixture
def survivor_leader(db):
    user = get_user_model().objects.create_user("leader", password="not-used-in-tests-1", is_staff=False)
    user.groups.add(Group.objects.get(name=SURVIVOR_LEADERS))
    return give_totp_authenticator(user)


@pytest.fixture
def period(db):
    return ReportingPeriod.objects.named("2025-Q3")


def answer_form(program, period, **fields):
    data = {
        "program": program.pk,
        "period": period.pk,
        "you_said_en": "Waiting times were long.",
        "we_did_en": "We opened on Saturdays.",
        "next_steps_en": "",
        "next_step_due": "",
    }
    data.update(fields)
    return data


def make_answer(program, period, **fields):
    fields = {"you_said_en": "Said", "we_did_en": "Did", "live": False, **fields}
    return ProgramReply.objects.create(program=program, period=period, **fields)


def test_staff_draft_an_answer_for_their_program_beside_the_period_figures(
    client, program, program_staff, period, survey
):
    from feedback.models import AccessLogEntry

    from .factories import make_response

    for _number in range(6):
        make_response(program, survey, submitted_on=datetime.date(2025, 8, 10), feel_safe=4, better="Private words.")
    sign_in_with_two_steps(client, program_staff)
    page = client.get(admin_url("add"))
    assert page.status_code == 200
    response = client.post(admin_url("add"), answer_form(program, period))
    assert response.status_code == 302
    answer = ProgramReply.objects.get()
    assert (answer.program, answer.period, answer.live, answer.we_did_en) == (
        program,
        period,
        False,
        "We opened on Saturdays.",
    )
    edit = client.get(admin_url("edit", answer.pk))
    assert edit.status_code == 200
    assert "What survivors said in this period" in edit.content.decode()
    content = edit.content.decode()
    assert "Figures for Kenya aftercare, 2025 Q3 (July to September)." in content
    assert "Question feel-safe?" in content
    assert "Private words." not in content
    assert list(AccessLogEntry.objects.values_list("username", "action", "program")) == [
        ("kenya-staff", AccessLogEntry.Action.REPORT, program.pk)
    ]


def test_the_figures_beside_the_answer_are_the_release_and_a_late_entry_changes_none(
    client, program, program_staff, period, survey
):
    import re

    from reporting.models import Release

    from .factories import make_response

    for _number in range(6):
        make_response(program, survey, submitted_on=datetime.date(2025, 8, 10), feel_safe=4)
    answer = make_answer(program, period)
    sign_in_with_two_steps(client, program_staff)

    def figures():
        return re.findall(r"<caption>.*?</table>", client.get(admin_url("edit", answer.pk)).content.decode(), re.S)

    before = figures()
    release = Release.objects.get(program=program, kind="quarter", start=datetime.date(2025, 7, 1))
    assert f"<td>{release.tables['feedback']['responses']['total']}</td>" in before[0]
    for _number in range(5):
        make_response(program, survey, submitted_on=datetime.date(2025, 8, 11), channel="paper", feel_safe=1)
    assert figures() == before


def test_staff_cannot_choose_another_program(client, program, other_program, program_staff, period):
    sign_in_with_two_steps(client, program_staff)
    response = client.post(admin_url("add"), answer_form(other_program, period))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ProgramReply.objects.exists()


def test_only_a_quarter_that_has_ended_can_be_answered(client, program, program_staff):
    sign_in_with_two_steps(client, program_staff)
    current = ReportingPeriod.objects.named(ReportingPeriod.label_for("quarter", datetime.date.today()))
    closed_month = ReportingPeriod.objects.named("2025-08")
    for period in (current, closed_month):
        response = client.post(admin_url("add"), answer_form(program, period))
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
    assert not ProgramReply.objects.exists()


def test_a_second_answer_for_the_same_program_and_period_is_refused_with_a_message(
    client, program, program_staff, period
):
    make_answer(program, period)
    sign_in_with_two_steps(client, program_staff)
    response = client.post(admin_url("add"), answer_form(program, period, we_did_en="Typed text kept"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "This program already has an answer for this period. Edit that answer instead." in content
    assert "Typed text kept" in content
    assert ProgramReply.objects.count() == 1


@pytest.mark.parametrize("view", ["edit", "history", "delete", "usage", "copy", "unpublish", "workflow_history"])
def test_staff_never_open_another_programs_answer(client, other_program, program_staff, period, view):
    answer = make_answer(other_program, period)
    sign_in_with_two_steps(client, program_staff)
    assert final_status(client, admin_url(view, answer.pk)) == 404
    assert (
        final_status(
            client, admin_url("edit", answer.pk), answer_form(other_program, period, we_did_en="Changed"), "post"
        )
        == 404
    )
    assert final_status(client, admin_url("delete", answer.pk), {}, "post") == 404
    answer.refresh_from_db()
    assert answer.we_did_en == "Did"


def test_the_list_shows_staff_only_their_programs_answers_and_leaders_every_one(
    client, program, other_program, program_staff, survivor_leader, period
):
    make_answer(program, period)
    make_answer(other_program, period)
    sign_in_with_two_steps(client, program_staff)
    content = client.get(admin_url("list")).content.decode()
    assert "Kenya aftercare" in content and "India aftercare" not in content
    client.logout()
    sign_in_with_two_steps(client, survivor_leader)
    content = client.get(admin_url("list")).content.decode()
    assert "Kenya aftercare" in content and "India aftercare" in content


def test_survivor_leaders_never_open_a_response(client, survivor_leader, program, other_program, survey):
    from feedback.models import FeedbackResponse

    from .factories import make_response

    response = make_response(program, survey, feel_safe=4, better="Private words.")
    sign_in_with_two_steps(client, survivor_leader)
    refused_to_dashboard = [
        reverse("feedback_responses:index"),
        reverse("feedback_responses:edit", args=[response.pk]),
        reverse("feedback_admin:redact", args=[response.pk]),
        reverse("feedback_admin:assisted_entry"),
    ]
    for url in refused_to_dashboard:
        page = client.get(url)
        assert (page.status_code, page.url) == (302, "/admin/"), url
    for url in [
        reverse("feedback_responses:inspect", args=[response.pk]),
        reverse("feedback_responses:delete", args=[response.pk]),
    ]:
        assert final_status(client, url) == 404, url
    for url in [reverse("feedback_admin:export_records"), reverse("feedback_admin:export_records") + "?format=xlsx"]:
        assert client.get(url).status_code == 403, url
    assert final_status(client, reverse("feedback_responses:delete", args=[response.pk]), {}, "post") == 404
    assert FeedbackResponse.objects.filter(pk=response.pk).exists()


def test_survivor_leaders_read_every_programs_report_and_each_reading_is_logged(
    client, survivor_leader, program, other_program, survey
):
    from feedback.models import AccessLogEntry

    from .factories import make_response

    day = datetime.date(2025, 8, 10)
    for _number in range(6):
        make_response(other_program, survey, submitted_on=day, feel_safe=4, better="Private words.")
    sign_in_with_two_steps(client, survivor_leader)
    page = client.get(reverse("feedback_admin:report"), {"program": other_program.pk, "period": "2025-Q3"})
    assert page.status_code == 200
    content = page.content.decode()
    assert "Question feel-safe?" in content
    assert "Private words." not in content
    entry = AccessLogEntry.objects.get()
    assert (entry.username, entry.action, entry.program) == ("leader", AccessLogEntry.Action.REPORT, other_program)


def test_review_workflow_from_draft_to_published(client, program, program_staff, survivor_leader, period):
    from django.core import mail
    from wagtail.models import TaskState

    program_staff.email = "kenya-staff@example.org"
    program_staff.save()
    sign_in_with_two_steps(client, program_staff)
    form = answer_form(program, period, you_said_ar="قلتم إن الانتظار طويل.", we_did_ar="فتحنا يوم السبت.")
    assert client.post(admin_url("add"), {**form, "action-submit": "1"}).status_code == 302
    answer = ProgramReply.objects.get()
    assert answer.live is False
    task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    client.logout()

    sign_in_with_two_steps(client, survivor_leader)
    review = client.get(admin_url("edit", answer.pk))
    assert review.status_code == 200
    assert "Waiting times were long." in review.content.decode()
    # Survivor leaders review the program's words; they do not rewrite them.
    client.post(admin_url("edit", answer.pk), {**form, "we_did_en": "Rewritten by a reviewer"})
    answer.refresh_from_db()
    assert answer.we_did_en == "We opened on Saturdays."
    rejected = client.post(
        admin_url("workflow_action", answer.pk, "reject", task_state.pk),
        {"comment": "Say when Saturday opening starts."},
    )
    assert (rejected.status_code, rejected.url) == (302, admin_url("edit", answer.pk))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    # Wagtail tells the person who submitted; every staff member of the program gets this one.
    ours = [message for message in mail.outbox if message.subject.startswith("Changes requested")]
    assert [(message.to, message.subject) for message in ours] == [
        (["kenya-staff@example.org"], "Changes requested to your answer: Kenya aftercare, 2025 Q3 (July to September)")
    ]
    assert f"/admin/snippets/feedback/programreply/edit/{answer.pk}/" in ours[0].body
    assert "Waiting times" not in ours[0].body and "Saturday opening" not in ours[0].body
    client.logout()

    sign_in_with_two_steps(client, program_staff)
    edited = {**form, "we_did_en": "We open on Saturdays from 6 September.", "action-submit": "1"}
    assert client.post(admin_url("edit", answer.pk), edited).status_code == 302
    task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    answer.refresh_from_db()
    assert answer.live is False
    client.logout()

    sign_in_with_two_steps(client, survivor_leader)
    approved = client.post(admin_url("workflow_action", answer.pk, "approve", task_state.pk), {"comment": ""})
    assert approved.status_code == 302
    answer.refresh_from_db()
    assert answer.live is True
    assert answer.we_did_en == "We open on Saturdays from 6 September."
    assert answer.we_did_ar == "فتحنا يوم السبت."
    client.logout()

    english = client.get(f"/en/feedback/{program.code}/").content.decode()
    assert "Last time people said" in english
    assert "<li>Waiting times were long.</li>" in english
    assert "<li>We open on Saturdays from 6 September.</li>" in english
    arabic = client.get(f"/ar/feedback/{program.code}/").content.decode()
    assert "<li>قلتم إن الانتظار طويل.</li>" in arabic
    assert "<li>فتحنا يوم السبت.</li>" in arabic
    thanks = client.get(f"/en/feedback/{program.code}/thank-you/").content.decode()
    assert "<li>We open on Saturdays from 6 September.</li>" in thanks


def test_staff_cannot_publish_an_answer_without_the_survivor_leaders_review(client, program, program_staff, period):
    sign_in_with_two_steps(client, program_staff)
    client.post(admin_url("add"), {**answer_form(program, period), "action-publish": "1"})
    answer = ProgramReply.objects.get()
    client.post(admin_url("edit", answer.pk), {**answer_form(program, period), "action-publish": "1"})
    answer.refresh_from_db()
    assert (answer.live, answer.first_published_at) == (False, None)


def test_drafts_and_answers_in_review_never_reach_the_feedback_page(client, program, period):
    make_answer(program, period, we_did_en="Draft words")
    assert "Draft words" not in client.get(f"/en/feedback/{program.code}/").content.decode()
    assert "Last time people said" not in client.get(f"/en/feedback/{program.code}/").content.decode()


def test_the_feedback_page_shows_the_latest_published_answer_with_the_survivor_leaders_view(client, program, period):
    from feedback.models import SurvivorLeadersView

    make_answer(program, ReportingPeriod.objects.named("2025-Q2"), we_did_en="Older answer")
    ProgramReply.objects.update(live=True)
    make_answer(
        program,
        period,
        we_did_en="Newer answer",
        next_steps_en="Evening hours",
        next_step_due=datetime.date(2026, 3, 31),
    )
    ProgramReply.objects.update(live=True)
    SurvivorLeadersView.objects.create(
        period=period, program=program, text_en="Good start; keep it going.", published=True
    )
    SurvivorLeadersView.objects.create(period=period, program=program, text_en="Unpublished words", published=False)
    page = client.get(f"/en/feedback/{program.code}/").content.decode()
    assert "Newer answer" in page and "Older answer" not in page
    assert "<li>Evening hours</li>" in page
    assert "To be done by March 31, 2026." in page
    assert "<li>Good start; keep it going.</li>" in page
    assert "Unpublished words" not in page


def test_only_survivor_leaders_write_their_view(client, program, program_staff, survivor_leader, period):
    from feedback.models import SurvivorLeadersView

    with translation.override("en"):
        add = reverse("wagtailsnippets_feedback_survivorleadersview:add")
    data = {"period": period.pk, "program": program.pk, "text_en": "We checked: it happened.", "published": "on"}
    sign_in_with_two_steps(client, program_staff)
    assert client.post(add, data).status_code == 302
    assert not SurvivorLeadersView.objects.exists()
    client.logout()
    sign_in_with_two_steps(client, survivor_leader)
    assert client.post(add, data).status_code == 302
    view = SurvivorLeadersView.objects.get()
    assert (view.program, view.period, view.text_en, view.published) == (
        program,
        period,
        "We checked: it happened.",
        True,
    )


def test_staff_of_one_program_find_it_chosen_and_only_the_quarters_left_to_answer(
    client, program, program_staff, period
):
    from bs4 import BeautifulSoup

    answered = make_answer(program, period)
    sign_in_with_two_steps(client, program_staff)
    soup = BeautifulSoup(client.get(admin_url("add")).content, "html.parser")
    assert soup.select_one("h1").get_text(strip=True) == "New: Program answer"
    chosen = soup.select_one('[name="program"]')
    assert (chosen.get("value") or chosen.select_one("option[selected]")["value"]) == str(program.pk)
    period_field = soup.select_one('[name="period"]')
    assert period_field.name == "select"
    offered = [option["value"] for option in period_field.select("option") if option["value"]]
    assert offered and str(period.pk) not in offered
    # Sent anyway (an old tab): the error names the quarter and links to the answer already there.
    response = client.post(admin_url("add"), answer_form(program, period))
    assert response.status_code == 200
    assert ProgramReply.objects.count() == 1
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.find("a", href=admin_url("edit", answered.pk), string="Open that answer")
    assert link is not None
    assert "This program already has an answer for this period. Edit that answer instead." in link.parent.get_text()


def test_a_survivor_leader_approves_from_the_answers_own_screen_without_rewriting_it(
    client, program, program_staff, survivor_leader, period
):
    sign_in_with_two_steps(client, program_staff)
    assert client.post(admin_url("add"), {**answer_form(program, period), "action-submit": "1"}).status_code == 302
    answer = ProgramReply.objects.get()
    client.logout()

    # The leader is on no program's staff: the screen still takes their approval ("More actions").
    sign_in_with_two_steps(client, survivor_leader)
    posted = {
        **answer_form(program, period, we_did_en="Rewritten by a reviewer"),
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
    }
    response = client.post(admin_url("edit", answer.pk), posted)
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.live is True
    assert answer.we_did_en == "We opened on Saturdays."


def test_staff_whose_program_answered_every_quarter_are_told_why_none_is_offered(
    client, program, program_staff, period
):
    from bs4 import BeautifulSoup

    from reporting.models import ReportingPeriod

    for label in ReportingPeriod.objects.recent_closed_labels(months=0, quarters=4, years=0):
        ReportingPeriod.objects.named(label)
    for quarter in ReportingPeriod.objects.closed().filter(kind="quarter"):
        make_answer(program, quarter)
    sign_in_with_two_steps(client, program_staff)
    soup = BeautifulSoup(client.get(admin_url("add")).content, "html.parser")
    assert [option["value"] for option in soup.select('[name="period"] option') if option["value"]] == []
    assert (
        "Every quarter that has ended already has an answer from this program. "
        "To change one, open it from the list of answers."
    ) in soup.get_text(" ", strip=True)
