"""What an outside attack on the demo (every URL under /admin/ for every role, December 2026) found
still open, each held by a test: Wagtail's "chosen" views failed with a server error on an id that is
not a number, and wagtail-modeltranslation's "copy to another language" call answered any admin user,
for any page, without the CSRF token, and failed with a server error on a GET or an unknown page."""

import json

import pytest

from tests.security.admin_world import client_for

pytestmark = pytest.mark.django_db

MALFORMED_IDS = ["x", "1x", "99999999999999999999", "-1"]


def _ends_not_found(client, method, url, **extra):
    # A 404 inside /admin/ may first go to its language-prefixed address; the answer the person ends
    # on is "not found", never a server error.
    response = getattr(client, method)(url, follow=True, **extra)
    assert all(location.startswith("/en/admin/") for location, _status in response.redirect_chain)
    return response.status_code == 404


@pytest.mark.parametrize("pk", MALFORMED_IDS)
@pytest.mark.parametrize(
    "route",
    [
        "/admin/images/chooser/chosen/{}/",
        "/admin/documents/chooser/chosen/{}/",
        "/admin/snippets/choose/outcomes/subdomainlabel/chosen/{}/",
    ],
)
def test_a_chosen_view_answers_a_malformed_id_with_a_404(client, world, route, pk):
    client = client_for(client, "administrator", world)
    assert _ends_not_found(client, "get", route.format(pk))


def test_the_image_chosen_view_still_answers_a_real_id(client, world):
    client = client_for(client, "administrator", world)
    response = client.get(f"/admin/images/chooser/chosen/{world['image'].pk}/")
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"


def _copy_url(page):
    return f"/admin/pages/{page.pk}/edit/copy_translation_content/"


def _copy_data():
    return {
        "origin_field_name": "body_en",
        "target_field_name": "body_es",
        "serializedOriginField": json.dumps([{"name": "body_en-count", "value": "0"}]),
    }


XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.mark.parametrize("role", ["staff_a", "leader", "reviewer"])
def test_staff_who_cannot_edit_a_page_cannot_call_the_translation_copy_for_it(client, world, role):
    client = client_for(client, role, world)
    response = client.post(_copy_url(world["story"]), _copy_data(), **XHR)
    assert response.status_code in (302, 403)
    assert "body_es" not in response.text


def test_the_translation_copy_refuses_a_get_and_an_unknown_page(client, world):
    client = client_for(client, "administrator", world)
    assert client.get(_copy_url(world["story"])).status_code == 405
    assert _ends_not_found(client, "post", "/admin/pages/99999999999999999999/edit/copy_translation_content/", **XHR)
    assert _ends_not_found(client, "post", "/admin/pages/987654/edit/copy_translation_content/", **XHR)


def test_the_translation_copy_needs_the_csrf_token(world):
    from django.test import Client

    from tests.conftest import sign_in_with_two_steps

    client = sign_in_with_two_steps(Client(enforce_csrf_checks=True), world["users"]["administrator"])
    assert client.post(_copy_url(world["story"]), _copy_data(), **XHR).status_code == 403


def test_the_translation_copy_answers_an_editor_and_a_bad_field_name_is_a_400(client, world):
    client = client_for(client, "administrator", world)
    response = client.post(_copy_url(world["story"]), _copy_data(), **XHR)
    assert response.status_code == 200
    assert 'id="body_es"' in json.loads(response.content)
    bad = dict(_copy_data(), target_field_name="no_such_field")
    assert client.post(_copy_url(world["story"]), bad, **XHR).status_code == 400


@pytest.mark.parametrize(
    "route",
    [
        "/admin/images/chooser/chosen-multiple/",
        "/admin/documents/chooser/chosen-multiple/",
        "/admin/snippets/choose/outcomes/subdomainlabel/chosen-multiple/",
        "/admin/choose-page/chosen-multiple/",
    ],
)
def test_a_chosen_multiple_view_leaves_malformed_ids_out(client, world, route):
    client = client_for(client, "administrator", world)
    response = client.get(route, {"id": MALFORMED_IDS + ["1.5", "1,2"]})
    assert response.status_code == 200
    assert response.json()["result"] == []


@pytest.mark.parametrize("role", ["staff_a", "leader", "reviewer"])
def test_the_page_chooser_names_no_page_the_user_may_not_explore(client, world, role):
    from tests.security.admin_world import STORY_TITLE

    client = client_for(client, role, world)
    response = client.get("/admin/choose-page/chosen-multiple/", {"id": [world["story"].pk]})
    assert STORY_TITLE not in response.text
    assert response.status_code == 200
    assert response.json()["result"] == []


def test_the_page_chooser_still_names_a_page_a_moderator_may_explore(client, world):
    client = client_for(client, "moderator", world)
    response = client.get("/admin/choose-page/chosen-multiple/", {"id": [world["story"].pk, "x"]})
    assert [page["id"] for page in response.json()["result"]] == [world["story"].pk]


@pytest.mark.parametrize(
    "route",
    [
        "/admin/snippets/feedback/programreply/history/{answer}/?user={bad}",
        "/admin/snippets/feedback/programreply/history-results/{answer}/?user={bad}",
        "/admin/pages/{story}/history/?user={bad}",
        "/admin/api/main/pages/?offset={bad}",
        "/admin/api/main/pages/?limit={bad}",
    ],
)
def test_a_too_large_id_or_number_in_a_history_filter_or_the_page_api_is_not_found(client, world, route):
    client = client_for(client, "administrator", world)
    url = route.format(answer=world["answer_a"].pk, story=world["story"].pk, bad="99999999999999999999")
    assert _ends_not_found(client, "get", url)


def test_the_history_user_filter_still_filters(client, world):
    client = client_for(client, "administrator", world)
    administrator = world["users"]["administrator"]
    response = client.get(
        f"/admin/snippets/feedback/programreply/history/{world['answer_a'].pk}/?user={administrator.pk}"
    )
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["staff_a", "leader", "reviewer"])
def test_the_sub_domain_label_chooser_is_only_for_staff_who_may_see_the_labels(client, world, role):
    from outcomes.models import OutcomeDomain, SubdomainLabel

    SubdomainLabel.objects.create(domain=OutcomeDomain.objects.first(), number=1, label="Organisation's own wording")
    response = client_for(client, role, world).get("/admin/snippets/choose/outcomes/subdomainlabel/")
    assert response.status_code in (302, 403)
    assert "Organisation&#x27;s own wording" not in response.text
    assert "Organisation's own wording" not in response.text


def test_the_sub_domain_label_chooser_still_lists_the_labels_to_an_administrator(client, world):
    from outcomes.models import OutcomeDomain, SubdomainLabel

    SubdomainLabel.objects.create(domain=OutcomeDomain.objects.first(), number=1, label="Organisation wording")
    response = client_for(client, "administrator", world).get("/admin/snippets/choose/outcomes/subdomainlabel/")
    assert response.status_code == 200
    assert "Organisation wording" in response.json()["html"]
