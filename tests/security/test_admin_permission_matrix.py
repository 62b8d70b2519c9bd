"""Every role against every admin endpoint, object by object.

Each role is signed in with both steps (password and code). For every endpoint the test asserts
exactly whether the role may open it, and that nothing of another scope appears in what it gets:
program staff read their own program's data and nothing of stories, members, images, chapter
messages or other programs.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Collection

from feedback.models import ProgramAnswer, ReportingPeriod, SurvivorLeadersView
from feedback.roles import FEEDBACK_REVIEWERS, PROGRAM_STAFF, SURVIVOR_LEADERS, ensure_feedback_groups
from gsn_site.models import SiteImage
from home.models import ChapterMessage, ChapterPage
from tests.conftest import sign_in_with_two_steps
from tests.feedback.factories import ProgramFactory, make_response, make_survey
from tests.stories.conftest import submitted_story
from members.models import InvitationCode
from tests.stories.factories import MemberFactory, ModeratorFactory, StoryIndexPageFactory

pytestmark = pytest.mark.django_db

STORY_TITLE = "Secret draft of a teller"
PSEUDONYM = "Mwangaza-Pseudonym"
IMAGE_TITLE = "Portrait uploaded with a story"
MESSAGE = "Please call me back about the chapter meeting"
PROGRAM_A = "Aftercare Alpha"
PROGRAM_B = "Aftercare Bravo"
INVITATION_CODE = "F9GH-76J0"
ANSWER_A = "Alpha opened on Saturdays"
ANSWER_B = "Bravo hired a counsellor"
LEADERS_VIEW_B = "Leaders on Bravo's quarter"
MEMBER_USERNAME = "mwangaza-login"

ROLES = ["anonymous", "member", "moderator", "reviewer", "staff_a", "staff_b", "administrator"]
SIGNED_OUT = "signed out"


@pytest.fixture
def world(demo_site):
    cache.clear()
    index = StoryIndexPageFactory(parent=demo_site)
    member = MemberFactory(pseudonym=PSEUDONYM, user__username=MEMBER_USERNAME).user
    story = submitted_story(index, member, title=STORY_TITLE)
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "white").save(buffer, "PNG")
    image = SiteImage.objects.create(
        title=IMAGE_TITLE,
        file=SimpleUploadedFile("portrait.png", buffer.getvalue(), content_type="image/png"),
        uploaded_by_user=member,
        collection=Collection.get_first_root_node(),
    )
    chapter = ChapterPage.objects.first()
    ChapterMessage.objects.create(chapter=chapter, message=MESSAGE)
    survey = make_survey(parent=demo_site, slug="program-survey")
    program_a = ProgramFactory(code="alpha", name=PROGRAM_A, survey=survey)
    program_b = ProgramFactory(code="bravo", name=PROGRAM_B, survey=survey)
    for program in (program_a, program_b):
        make_response(program, survey)
    period = ReportingPeriod.objects.named("2025-Q3")
    answer_a = ProgramAnswer.objects.create(program=program_a, period=period, you_said_en="Said", we_did_en=ANSWER_A)
    answer_b = ProgramAnswer.objects.create(program=program_b, period=period, you_said_en="Said", we_did_en=ANSWER_B)
    leaders_view = SurvivorLeadersView.objects.create(period=period, program=program_b, text_en=LEADERS_VIEW_B)
    invitation = InvitationCode.objects.create(code=INVITATION_CODE, note="For the chapter meeting")
    groups = ensure_feedback_groups()
    User = get_user_model()
    users = {"member": member, "moderator": ModeratorFactory(username="moderator")}
    users["reviewer"] = User.objects.create_user("reviewer", is_staff=True)
    users["reviewer"].groups.add(groups[FEEDBACK_REVIEWERS])
    for key, program in (("staff_a", program_a), ("staff_b", program_b)):
        users[key] = User.objects.create_user(f"{key}-user", is_staff=True)
        users[key].groups.add(groups[PROGRAM_STAFF])
        program.staff.add(users[key])
    users["leader"] = User.objects.create_user("leader-user", is_staff=True)
    users["leader"].groups.add(Group.objects.get(name=SURVIVOR_LEADERS))
    users["administrator"] = User.objects.create_superuser("administrator")
    return {
        "story": story,
        "index": index,
        "image": image,
        "program_a": program_a,
        "program_b": program_b,
        "answer_a": answer_a,
        "answer_b": answer_b,
        "leaders_view": leaders_view,
        "invitation": invitation,
        "users": users,
    }


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
    # site history lists only entries of objects the user may see.
    "reviewer": {
        "dashboard",
        "page chooser",
        "page chooser search",
        "page API",
        "image chooser",
        "image chooser search",
        "document chooser",
        "site history",
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
        "site history",
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
        "site history",
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


def client_for(client, role, world):
    if role == "anonymous":
        return client
    user = world["users"][role]
    if role == "member":
        client.force_login(user)
        return client
    return sign_in_with_two_steps(client, user)


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
