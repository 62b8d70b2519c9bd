"""Every role against every admin endpoint, object by object.

Each role is signed in with both steps (password and code). For every endpoint the test asserts
exactly whether the role may open it, and that nothing of another scope appears in what it gets:
program staff read their own program's data and nothing of stories, members, images, chapter
messages or other programs.
"""

import pytest
from django.urls import reverse

from tests.security.admin_world import (
    IMAGE_TITLE,
    MESSAGE,
    PROGRAM_A,
    PROGRAM_B,
    PSEUDONYM,
    STORY_TITLE,
    client_for,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "moderator", "reviewer", "staff_a", "staff_b", "administrator"]


def endpoints(world):
    story, image, a, b = world["story"], world["image"], world["program_a"], world["program_b"]
    return {
        "dashboard": "/admin/",
        "page explorer": "/admin/pages/",
        "story edit": f"/admin/pages/{story.pk}/edit/",
        "page search": "/admin/pages/search/?q=Secret",
        "page chooser": "/admin/choose-page/",
        "page chooser, story index": f"/admin/choose-page/{world['index'].pk}/",
        "page chooser search": "/admin/choose-page/search/?q=Secret",
        "page API": "/admin/api/main/pages/",
        "page API, story": f"/admin/api/main/pages/{story.pk}/",
        "image listing": "/admin/images/",
        "image edit": f"/admin/images/{image.pk}/",
        "image chooser": "/admin/images/chooser/",
        "image chooser search": "/admin/images/chooser/results/?q=Portrait",
        "document chooser": "/admin/documents/chooser/",
        "member profiles": "/admin/snippets/members/memberprofile/",
        "member profile chooser": "/admin/snippets/choose/members/memberprofile/",
        "member profile chooser search": "/admin/snippets/choose/members/memberprofile/results/?q=a",
        "report chooser": "/admin/snippets/choose/stories/contentreport/",
        "invitation chooser": "/admin/snippets/choose/members/invitationcode/",
        "reported stories": "/admin/snippets/stories/contentreport/",
        "invitation codes": "/admin/snippets/members/invitationcode/",
        "programs": "/admin/snippets/programs/program/",
        "program A edit": f"/admin/snippets/programs/program/edit/{a.pk}/",
        "program B edit": f"/admin/snippets/programs/program/edit/{b.pk}/",
        "responses": reverse("feedback_responses:index"),
        "feedback report A": reverse("feedback_admin:report") + f"?program={a.pk}",
        "feedback report B": reverse("feedback_admin:report") + f"?program={b.pk}",
        "record export": reverse("feedback_admin:export_records"),
        "outcome report A": reverse("outcomes_program_report", args=[a.pk]),
        "outcome report B": reverse("outcomes_program_report", args=[b.pk]),
        "site history": "/admin/reports/site-history/",
        "users": "/admin/users/",
    }


# What each role may open; everything else must be refused (a redirect to sign-in, 403 or 404).
ALLOWED = {
    "anonymous": set(),
    "member": set(),
    "moderator": {
        "dashboard",
        "page explorer",
        "story edit",
        "page search",
        "page chooser",
        "page chooser, story index",
        "page chooser search",
        "page API",
        "page API, story",
        "image listing",
        "image edit",
        "image chooser",
        "image chooser search",
        "document chooser",
        "member profiles",
        "reported stories",
        "invitation codes",
        "site history",
        "member profile chooser",
        "member profile chooser search",
        "report chooser",
        "invitation chooser",
    },
    # Staff whose role grants no page or image permission may open the page and image choosers and the page API, which
    # then list nothing (NEVER_SEES checks the bodies); a story's page in them is a 404. Wagtail's
    # site history mixes every program's records and every user's name: only staff who may explore
    # pages read it (gsn_site.admin_scoping).
    "reviewer": {
        "dashboard",
        "page chooser",
        "page chooser search",
        "page API",
        "image chooser",
        "image chooser search",
        "document chooser",
        "programs",
        "responses",
        "feedback report A",
        "feedback report B",
        "outcome report A",
        "outcome report B",
    },
    "staff_a": {
        "dashboard",
        "page chooser",
        "page chooser search",
        "page API",
        "image chooser",
        "image chooser search",
        "document chooser",
        "responses",
        "feedback report A",
        "outcome report A",
    },
    "staff_b": {
        "dashboard",
        "page chooser",
        "page chooser search",
        "page API",
        "image chooser",
        "image chooser search",
        "document chooser",
        "responses",
        "feedback report B",
        "outcome report B",
    },
    "administrator": "everything",
}

# What a role must never read anywhere.
NEVER_SEES = {
    "reviewer": [STORY_TITLE, PSEUDONYM, IMAGE_TITLE, MESSAGE],
    "staff_a": [STORY_TITLE, PSEUDONYM, IMAGE_TITLE, MESSAGE, PROGRAM_B],
    "staff_b": [STORY_TITLE, PSEUDONYM, IMAGE_TITLE, MESSAGE, PROGRAM_A],
    "member": [STORY_TITLE, IMAGE_TITLE, MESSAGE, PROGRAM_A, PROGRAM_B],
    "anonymous": [STORY_TITLE, PSEUDONYM, IMAGE_TITLE, MESSAGE, PROGRAM_A, PROGRAM_B],
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_exactly_what_it_may_and_reads_nothing_of_other_scopes(client, world, role):
    client = client_for(client, role, world)
    outcomes = {}
    for name, url in endpoints(world).items():
        response = client.get(url)
        allowed = ALLOWED[role] == "everything" or name in ALLOWED[role]
        if response.status_code == 200:
            outcomes[name] = "open"
        elif response.status_code in (403, 404) or (
            # Wagtail's 404 inside /admin/ reaches the language redirect: /admin/x/ -> /en/admin/x/ (404).
            response.status_code == 302
            and response["Location"].startswith(("/en/accounts/login/", "/admin/", "/en/admin/"))
        ):
            outcomes[name] = "refused"
        else:
            outcomes[name] = f"unexpected {response.status_code} {response.get('Location', '')}"
        body = response.content.decode(errors="replace")
        for secret in NEVER_SEES.get(role, []):
            assert secret not in body, (role, name, secret)
        assert outcomes[name] == ("open" if allowed else "refused"), (role, name, outcomes[name])
