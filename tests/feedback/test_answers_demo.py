"""Demo answers: two programs answered their ended quarters in three or more languages through the
review, one program has not answered, and the printed survivor leader login works."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from feedback import demo_content as content
from feedback.accountability import program_accountability
from feedback.models import ProgramReply, SurvivorLeadersView
from programs.models import Program
from tests.conftest import totp_code

pytestmark = pytest.mark.django_db


def run_seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_demo_programs_answered_in_three_languages_and_one_has_not(demo_seeded_for_the_module):
    answers = ProgramReply.objects.published()
    assert set(answers.values_list("program__code", flat=True)) == {"sample-ke-aftercare", "sample-in-restoration"}
    assert not ProgramReply.objects.filter(live=False).exists()
    kenya = answers.filter(program__code="sample-ke-aftercare").order_by("period__start").first()
    assert (kenya.we_did_en, kenya.we_did_sw, kenya.we_did_ar) == tuple(
        content.ANSWERS["sample-ke-aftercare"][0]["we_did"][code] for code in ("en", "sw", "ar")
    )
    figures = {program.code: program_accountability(program) for program in Program.objects.all()}
    assert figures["sample-ke-aftercare"]["answered"] == figures["sample-ke-aftercare"]["due"] > 0
    assert figures["sample-in-restoration"]["answered"] == figures["sample-in-restoration"]["due"] - 1
    assert figures["sample-kh-survivor-care"]["answered"] == 0 < figures["sample-kh-survivor-care"]["due"]
    assert SurvivorLeadersView.objects.filter(published=True).count() == 1


def test_seeding_answers_twice_changes_nothing(demo_seeded_for_the_module):
    counts = (ProgramReply.objects.count(), Revision.objects.count(), SurvivorLeadersView.objects.count())
    run_seed()
    assert (ProgramReply.objects.count(), Revision.objects.count(), SurvivorLeadersView.objects.count()) == counts


def test_the_printed_survivor_leader_login_works(client, demo_seeded_for_the_module):
    output = demo_seeded_for_the_module
    assert f"Survivor leader: survivor-leader / {content.SURVIVOR_LEADER_PASSWORD}" in output
    client.post("/en/accounts/login/", {"login": "survivor-leader", "password": content.SURVIVOR_LEADER_PASSWORD})
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(content.SURVIVOR_LEADER_TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/snippets/feedback/programreply/").status_code == 200
