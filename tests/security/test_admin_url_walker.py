"""Every URL the admin registers, walked by every role.

The walk reverses each named pattern under the admin's own prefix, filling its arguments with real
ids of the fixture world (a member's story, profile and image, an invitation code, program B and its
answer and survivor leaders' view), and GETs it. No answer may be a server error, and no 200 may hold
anything of a scope the role may not see. New screens (Wagtail's or ours) are walked as they arrive.
"""

import re

import pytest
from django.apps import apps
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse

from tests.security.admin_world import (
    ANSWER_A,
    ANSWER_B,
    IMAGE_TITLE,
    INVITATION_CODE,
    LEADERS_VIEW_B,
    MEMBER_USERNAME,
    MESSAGE,
    PROGRAM_A,
    PROGRAM_B,
    PSEUDONYM,
    STORY_TITLE,
    client_for,
)

pytestmark = pytest.mark.django_db

MEMBERS = [STORY_TITLE, PSEUDONYM, IMAGE_TITLE, MESSAGE, INVITATION_CODE, MEMBER_USERNAME]
NEVER_SEES = {
    "anonymous": MEMBERS + [PROGRAM_A, PROGRAM_B, ANSWER_A, ANSWER_B, LEADERS_VIEW_B],
    "member": [STORY_TITLE, IMAGE_TITLE, MESSAGE, INVITATION_CODE, PROGRAM_A, PROGRAM_B, ANSWER_B],
    "moderator": [ANSWER_A, ANSWER_B, LEADERS_VIEW_B],
    "reviewer": MEMBERS,
    "leader": MEMBERS,
    "staff_a": MEMBERS + [PROGRAM_B, ANSWER_B, LEADERS_VIEW_B],
    "staff_b": MEMBERS + [PROGRAM_A, ANSWER_A],
    "administrator": [],
}
ROLES = list(NEVER_SEES)
# Wagtail's page that fails on purpose, to show its server-error page.
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")
# Models whose records a bulk action or a generic "usage" screen is asked about, by app and model.
SEARCHES = ["?q=Aftercare", "?q=Secret"]
ASKED_ABOUT = ["invitation", "profile", "story", "answer_b", "program_b", "leaders_view"]


def admin_patterns():
    """(route, full name) of every named pattern under the admin's prefix."""
    admin_prefix = reverse("wagtailadmin_home").lstrip("/")

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif pattern.name and pattern.name not in DELIBERATE_ERRORS:
                yield prefix + str(pattern.pattern), ":".join(filter(None, [namespace, pattern.name]))

    return [
        (route, name) for route, name in walk(get_resolver().url_patterns, "", None) if route.startswith(admin_prefix)
    ]


def objects_of(world):
    member = world["users"]["member"]
    return {
        "invitation": world["invitation"],
        "profile": member.member_profile,
        "story": world["story"].page_ptr,
        "answer_b": world["answer_b"],
        "program_b": world["program_b"],
        "leaders_view": world["leaders_view"],
        "image": world["image"],
        "member": member,
        "response_b": world["program_b"].responses.get(),
        "message": world["message"],
    }


def object_for_namespace(namespace, objects):
    """The world's record a viewset's screens take by `pk`: its model is in the viewset's namespace."""
    if namespace.startswith("wagtailusers_users"):
        return objects["member"]
    if namespace.startswith("wagtailimages"):
        return objects["image"]
    if namespace.startswith("feedback_responses"):
        return objects["response_b"]
    match = re.match(r"wagtailsnippet(?:s|choosers)_([a-z_]+?)_([a-z]+)$", namespace)
    if match:
        model = apps.get_model(match.group(1), match.group(2))
        for record in objects.values():
            if isinstance(record, model):
                return record
        return model._default_manager.first()
    # A viewset registered under its own name (chapter messages, programs): its model says which.
    from wagtail.admin.viewsets import viewsets

    models = [
        getattr(viewset, "model", None)
        for viewset in viewsets.viewsets
        if getattr(viewset, "name", None) and viewset.url_namespace == namespace
    ]
    for record in objects.values():
        if type(record) in models or namespace.endswith(f"_{record._meta.model_name}"):
            return record
    return None


def urls_to_walk(world):
    objects = objects_of(world)
    story = objects["story"]
    fixed = {
        "page_id": story.pk,
        "parent_page_id": story.pk,
        "page_to_move_id": story.pk,
        "page_pk": story.pk,
        "destination_id": world["index"].pk,
        "image_id": objects["image"].pk,
        "revision_id": story.latest_revision_id,
        "revision_id_a": story.latest_revision_id,
        "revision_id_b": story.latest_revision_id,
        "program_id": objects["program_b"].pk,
        "user_id": objects["member"].pk,
        "filter_spec": "original",
        "export": "csv",
        "action": "delete",
        "action_name": "delete",
    }
    urls = []
    for route, name in admin_patterns():
        parameters = [a or b for a, b in PARAMETER.findall(route)]
        namespace = name.rpartition(":")[0]
        if {"app_label", "model_name"} & set(parameters) or {"content_type_app_name", "app_name"} & set(parameters):
            # Generic screens about any model (bulk actions, usage, history): asked about each record.
            for key in ASKED_ABOUT:
                record = objects[key]
                kwargs = {
                    "app_label": record._meta.app_label,
                    "model_name": record._meta.model_name,
                    "content_type_app_name": record._meta.app_label,
                    "content_type_model_name": record._meta.model_name,
                    "app_name": record._meta.app_label,
                    "pk": record.pk,
                    "object_id": record.pk,
                    "action": "delete",
                    "action_name": "delete",
                }
                urls.append((name, route, {k: kwargs[k] for k in parameters if k in kwargs}, f"?id={record.pk}"))
            continue
        record = object_for_namespace(namespace, objects) if ("pk" in parameters or "object_id" in parameters) else None
        values = {**fixed, "pk": record.pk if record else 1, "object_id": record.pk if record else 1}
        kwargs = {key: values.get(key, 1) for key in parameters}
        # Searches and choosers are searched for a program's name and a member's story title.
        for query in SEARCHES if re.search(r"search|choose", name) else [""]:
            urls.append((name, route, kwargs, query))
    resolved = []
    for name, _route, kwargs, query in urls:
        try:
            resolved.append(reverse(name, kwargs=kwargs) + query)
        except NoReverseMatch:
            continue
    return resolved


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_url_answers_each_role_without_a_server_error_or_another_scope(client, world, role, capsys):
    client = client_for(client, role, world)
    client.raise_request_exception = False
    urls = urls_to_walk(world)
    problems, seen = [], set()
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            problems.append((url, response.status_code))
            continue
        if response.status_code == 200:
            body = body_of(response)
            problems += [(url, secret) for secret in NEVER_SEES[role] if secret in body]
            seen |= {secret for secret in NEVER_SEES["anonymous"] if secret in body}
    with capsys.disabled():
        print(f"\nadmin URL walk: {role}: {len(urls)} URLs of {len(admin_patterns())} admin patterns")
    assert problems == [], "\n".join(map(str, problems))
    # The walk reaches the screens of every app with real ids: a fixture change that stops it filling
    # them fails here, since an administrator then no longer reads every scope's records.
    assert len(urls) >= 300
    if role == "administrator":
        # Every record the walk asks about by id (program A's answer it never asks about).
        assert seen == set(NEVER_SEES["anonymous"]) - {ANSWER_A}


def test_every_registered_bulk_action_names_only_visible_items():
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    from gsn_site.admin_scoping import BulkActionOnVisibleItemsMixin

    bulk_action_registry._scan_for_bulk_actions()
    registered = [
        action
        for models in bulk_action_registry.actions.values()
        for actions in models.values()
        for action in actions.values()
    ]
    assert len(registered) >= 15
    assert [action for action in registered if not issubclass(action, BulkActionOnVisibleItemsMixin)] == []
