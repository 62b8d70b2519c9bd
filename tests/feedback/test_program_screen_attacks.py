"""The program's admin screen and chooser under the attacks an outside tester made: every refusal
is a message on the form (never a server error), nothing is half-saved, and program staff reach only
their own programs."""

import pytest
from django.urls import reverse

from feedback.models import AccessLogEntry, FeedbackLink, program_survey
from programs.models import Program
from tests.conftest import sign_in_with_two_steps

from .factories import ProgramFactory, make_survey, program_form

pytestmark = pytest.mark.django_db


def edit_url(program):
    return reverse("wagtailsnippets_programs_program:edit", args=[program.pk])


@pytest.mark.parametrize("survey_value", ["abc", "25.0", "99999999999999999999999", "-1"])
def test_a_malformed_survey_id_is_a_message_on_the_form_and_keeps_the_choice(
    client, administrator, program, survey, survey_value
):
    link = FeedbackLink.objects.get(program=program)
    sign_in_with_two_steps(client, administrator)
    response = client.post(
        edit_url(program), program_form(program, [{"id": link.pk, "survey": survey_value}], 1, helpline="Call 0800")
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    program.refresh_from_db()
    assert (program.helpline, program_survey(program)) == ("", survey)


@pytest.mark.parametrize("row_id", ["abc", "99999999999999999999999"])
def test_a_malformed_row_id_is_a_message_on_the_form(client, administrator, program, survey, row_id):
    sign_in_with_two_steps(client, administrator)
    response = client.post(
        edit_url(program), program_form(program, [{"id": row_id, "survey": survey.pk}], 1, helpline="Call 0800")
    )
    assert response.status_code == 200
    assert "The program could not be saved due to errors." in response.text
    program.refresh_from_db()
    assert program.helpline == ""
    assert FeedbackLink.objects.filter(program=program).count() == 1


def test_two_people_adding_a_survey_at_once_get_a_message_not_a_server_error(client, administrator, survey):
    program = ProgramFactory(code="no-link-yet")
    second = make_survey(slug="second-survey")
    sign_in_with_two_steps(client, administrator)
    # B opened the screen and saved a survey; A opened it before that and adds another, with a helpline.
    assert client.post(edit_url(program), program_form(program, [{"survey": survey.pk}], 0)).status_code == 302
    late = client.post(edit_url(program), program_form(program, [{"survey": second.pk}], 0, helpline="Call 0800"))
    assert late.status_code == 200
    assert "Someone chose a survey for this program since you opened this page. Reload the page to see it." in late.text
    program.refresh_from_db()
    assert (program.helpline, program_survey(program)) == ("", survey)


def test_another_programs_row_cannot_be_taken_over(client, administrator, program, other_program, survey):
    second = make_survey(slug="second-survey")
    others_row = FeedbackLink.objects.get(program=other_program)
    own_row = FeedbackLink.objects.get(program=program)
    sign_in_with_two_steps(client, administrator)
    response = client.post(edit_url(program), program_form(program, [{"id": others_row.pk, "survey": second.pk}], 1))
    assert response.status_code == 200
    assert FeedbackLink.objects.get(pk=others_row.pk).program == other_program
    assert FeedbackLink.objects.get(pk=own_row.pk).survey == survey


def test_a_draft_survey_cannot_be_chosen(client, administrator, survey):
    program = ProgramFactory(code="draft-choice")
    draft = make_survey(slug="draft-survey")
    draft.unpublish()
    sign_in_with_two_steps(client, administrator)
    response = client.post(edit_url(program), program_form(program, [{"survey": draft.pk}], 0))
    assert response.status_code == 200
    assert "Choose a published survey. A draft cannot take answers: the link would tell survivors it is closed." in (
        response.text
    )
    assert not FeedbackLink.objects.filter(program=program).exists()


def test_the_usage_screen_of_a_program_whose_report_was_read(client, administrator, program):
    AccessLogEntry.record(administrator, AccessLogEntry.Action.REPORT, program=program)
    sign_in_with_two_steps(client, administrator)
    usage = client.get(reverse("wagtailsnippets_programs_program:usage", args=[program.pk]))
    assert usage.status_code == 200
    assert "Access log" not in usage.text


def test_program_staff_choose_only_their_own_active_programs(client, program_staff, program, other_program):
    inactive = ProgramFactory(code="closed-program", name="Closed program", active=False)
    inactive.staff.add(program_staff)
    sign_in_with_two_steps(client, program_staff)
    listing = client.get("/admin/snippets/choose/programs/program/")
    assert listing.status_code == 200
    names = [name for name in Program.objects.values_list("name", flat=True) if name in listing.text]
    assert names == [program.name]
    chosen = "/admin/snippets/choose/programs/program/chosen/{}/"
    # A refused id ends on the admin's 404 (by way of its language prefix).
    assert client.get(chosen.format(other_program.pk), follow=True).status_code == 404
    assert client.get(chosen.format(inactive.pk), follow=True).status_code == 404
    assert client.get(chosen.format("abc"), follow=True).status_code == 404
    assert client.get(chosen.format(program.pk)).status_code == 200


def test_reviewers_choose_among_every_active_program(client, reviewer, program, other_program):
    sign_in_with_two_steps(client, reviewer)
    listing = client.get("/admin/snippets/choose/programs/program/")
    assert [name for name in Program.objects.values_list("name", flat=True) if name in listing.text] == [
        other_program.name,
        program.name,
    ]
