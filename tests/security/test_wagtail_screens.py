"""Screens Wagtail adds on its own, attacked by each staff role that must not see everything.

Bulk-action confirmation pages, Wagtail's reports and the snippet choosers know nothing of our
scoping rules by themselves: each test here names what an attacker asks for and what must never come
back (an invitation code, a member's story or pseudonym or login name, another program's records).
"""

import csv
import io
import json

import openpyxl
import pytest
from django.urls import reverse
from wagtail.log_actions import log

from tests.security.admin_world import (
    INVITATION_CODE,
    MEMBER_USERNAME,
    PROGRAM_B,
    PSEUDONYM,
    STORY_TITLE,
    client_for,
)

pytestmark = pytest.mark.django_db

# Staff who may open the admin but must not see everything.
LIMITED_ROLES = ["leader", "staff_a", "reviewer"]
MEMBERS_SECRETS = [INVITATION_CODE, STORY_TITLE, PSEUDONYM, MEMBER_USERNAME]


def refused(response):
    """403; Wagtail's refusal (back to the dashboard); or 404, which inside the admin reaches the
    language redirect (/admin/x/ -> /en/admin/x/)."""
    return response.status_code in (403, 404) or (
        response.status_code == 302
        and (response["Location"] == reverse("wagtailadmin_home") or response["Location"].startswith("/en/admin/"))
    )


def secrets_of(role):
    return MEMBERS_SECRETS + ([PROGRAM_B] if role == "staff_a" else [])


def bulk_url(app_label, model_name, action, *ids):
    return reverse("wagtail_bulk_action", args=[app_label, model_name, action]) + "?" + "&".join(f"id={i}" for i in ids)


def bulk_screens(world):
    story, profile = world["story"], world["users"]["member"].member_profile
    a, b = world["program_a"], world["program_b"]
    screens = [bulk_url("members", "invitationcode", "delete", world["invitation"].pk)]
    screens += [
        bulk_url("wagtailcore", "page", action, story.pk) for action in ("delete", "move", "publish", "unpublish")
    ]
    screens += [
        bulk_url("members", "memberprofile", "delete", profile.pk),
        bulk_url("programs", "program", "delete", a.pk, b.pk),
        bulk_url("feedback", "programreply", "delete", world["answer_a"].pk, world["answer_b"].pk),
        bulk_url("feedback", "survivorleadersview", "delete", world["leaders_view"].pk),
        bulk_url("members", "user", "delete", world["users"]["member"].pk),
        bulk_url("members", "user", "set_active_state", world["users"]["member"].pk),
    ]
    return screens


@pytest.mark.parametrize("role", LIMITED_ROLES)
def test_a_bulk_action_confirmation_names_no_item_the_role_may_not_see(client, world, role):
    client = client_for(client, role, world)
    for url in bulk_screens(world):
        response = client.get(url)
        assert response.status_code == 200 or refused(response), (url, response.status_code)
        body = response.content.decode()
        for secret in secrets_of(role):
            assert secret not in body, (role, url, secret)


def test_program_staff_bulk_confirmation_names_only_their_own_answer(client, world):
    client = client_for(client, "staff_a", world)
    response = client.get(bulk_url("feedback", "programreply", "delete", world["answer_a"].pk, world["answer_b"].pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Aftercare Alpha · 2025 Q3 (July to September)" in body
    assert PROGRAM_B not in body


@pytest.mark.parametrize("role", LIMITED_ROLES)
def test_a_bulk_action_on_items_the_role_may_not_see_changes_nothing(client, world, role):
    client = client_for(client, role, world)
    url = bulk_url("members", "invitationcode", "delete", world["invitation"].pk)
    response = client.post(url)
    assert refused(response)
    assert world["invitation"].__class__.objects.filter(pk=world["invitation"].pk).exists()


def test_a_malformed_or_huge_id_on_a_bulk_action_is_a_404(client, world):
    client = client_for(client, "administrator", world)
    for raw in ("abc", "99999999999999999999999", "1e3"):
        for model in (("members", "invitationcode"), ("wagtailcore", "page")):
            response = client.get(bulk_url(*model, "delete", raw))
            assert response.status_code == 302 and response["Location"].startswith("/en/admin/"), (model, raw)


@pytest.fixture
def logged(world):
    """History of what happened to a member's story and to program B's answer."""
    users = world["users"]
    log(instance=world["story"], action="wagtail.edit", user=users["member"])
    log(instance=world["answer_b"], action="wagtail.edit", user=users["staff_b"])
    log(instance=world["answer_a"], action="wagtail.edit", user=users["staff_a"])
    return world


def readable(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return "\n".join(" ".join(str(cell) for cell in row) for row in sheet.iter_rows(values_only=True))
    return content.decode()


def chooser_html(response):
    """What a chooser shows: the modal's HTML (inside JSON), or the results panel's."""
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


@pytest.mark.parametrize("role", LIMITED_ROLES)
def test_site_history_shows_no_other_scope_and_no_member_login(client, logged, role):
    client = client_for(client, role, logged)
    url = reverse("wagtailadmin_reports:site_history")
    for query in ("", "?export=csv", "?export=xlsx"):
        response = client.get(url + query)
        assert response.status_code in (200, 403), (query, response.status_code)
        body = readable(response) if response.status_code == 200 else response.content.decode()
        for secret in secrets_of(role):
            assert secret not in body, (role, query, secret)


def test_administrators_site_history_lists_every_entry_and_its_csv_every_row(client, logged):
    client = client_for(client, "administrator", logged)
    url = reverse("wagtailadmin_reports:site_history")
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert STORY_TITLE in body and "Aftercare Bravo · 2025 Q3 (July to September)" in body
    export = b"".join(client.get(url + "?export=csv").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(export)))
    labels = {row[1] for row in rows[1:]}
    assert {
        STORY_TITLE,
        "Aftercare Alpha · 2025 Q3 (July to September)",
        "Aftercare Bravo · 2025 Q3 (July to September)",
    } <= labels


@pytest.mark.parametrize("user_id", ["99999999999999999999999", "-1", "abc"])
def test_a_huge_or_malformed_user_in_the_site_history_filter_is_no_server_error(client, logged, user_id):
    client = client_for(client, "administrator", logged)
    url = reverse("wagtailadmin_reports:site_history")
    for path in (url, reverse("wagtailadmin_reports:site_history_results")):
        response = client.get(f"{path}?user={user_id}")
        assert 200 <= response.status_code < 500, (path, response.status_code)


@pytest.mark.parametrize("name", ["aging_pages", "locked_pages", "page_types_usage", "workflow", "workflow_tasks"])
@pytest.mark.parametrize("role", LIMITED_ROLES)
def test_wagtails_page_reports_are_refused_to_staff_without_page_permissions(client, world, role, name):
    client = client_for(client, role, world)
    response = client.get(reverse(f"wagtailadmin_reports:{name}"))
    # Wagtail's own refusal: back to the dashboard, with its message.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


@pytest.mark.parametrize("role", LIMITED_ROLES)
def test_the_site_history_is_refused_to_staff_who_may_not_explore_pages(client, world, role):
    client = client_for(client, role, world)
    for name in ("site_history", "site_history_results"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}") + "?export=csv")
        assert response.status_code == 403
        assert response.content.decode() == "You do not have permission to see this."


def test_reports_menu_offers_limited_roles_no_wagtail_report(client, world):
    client = client_for(client, "staff_a", world)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in ("site_history", "aging_pages", "locked_pages", "page_types_usage", "workflow", "workflow_tasks"):
        assert reverse(f"wagtailadmin_reports:{name}") not in body, name


@pytest.mark.parametrize("role", ["reviewer", "administrator", "staff_a"])
def test_the_program_chooser_searches_without_a_server_error(client, world, role):
    client = client_for(client, role, world)
    for view in ("choose", "choose_results"):
        response = client.get(reverse(f"wagtailsnippetchoosers_programs_program:{view}") + "?q=Aftercare")
        assert response.status_code == 200, (role, view)
        body = chooser_html(response)
        assert ("Aftercare Bravo" in body) is (role != "staff_a"), (role, view)
        assert "Aftercare Alpha" in body


@pytest.mark.parametrize("model", ["programreply", "survivorleadersview"])
def test_answer_choosers_list_only_the_roles_own_programs(client, world, model):
    client = client_for(client, "staff_a", world)
    for view in ("choose", "choose_results"):
        response = client.get(reverse(f"wagtailsnippetchoosers_feedback_{model}:{view}") + "?q=Aftercare")
        assert response.status_code == 200 or refused(response), (model, view)
        assert PROGRAM_B not in chooser_html(response), (model, view)
    chosen = client.get(reverse(f"wagtailsnippetchoosers_feedback_{model}:chosen", args=[world["answer_b"].pk]))
    assert refused(chosen)


def test_the_answer_chooser_lists_program_staffs_own_answer(client, world):
    client = client_for(client, "staff_a", world)
    response = client.get(reverse("wagtailsnippetchoosers_feedback_programreply:choose"))
    assert response.status_code == 200
    assert "Aftercare Alpha · 2025 Q3 (July to September)" in chooser_html(response)
    multiple = client.get(
        reverse("wagtailsnippetchoosers_feedback_programreply:chosen_multiple")
        + f"?id={world['answer_a'].pk}&id={world['answer_b'].pk}&id=99999999999999999999"
    )
    assert multiple.status_code == 200
    assert [item["id"] for item in json.loads(multiple.content)["result"]] == [str(world["answer_a"].pk)]


def test_a_malformed_or_huge_answer_id_is_a_404_on_every_answer_screen(client, world):
    client = client_for(client, "staff_a", world)
    for raw in ("99999999999999999999999", "0"):
        for view in ("edit", "history", "usage", "delete"):
            response = client.get(reverse(f"wagtailsnippets_feedback_programreply:{view}", args=[raw]))
            assert refused(response), (view, raw, response.status_code)
