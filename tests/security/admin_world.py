"""The admin's fixture world: a member's story, profile and image, an invitation code, two programs
with their answers, and one user per role (program staff of each program, a reviewer, a survivor
leader, a moderator, an administrator). Security tests attack the admin from each role."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.models import Collection

from feedback.models import ProgramReply, SurvivorLeadersView
from feedback.roles import FEEDBACK_REVIEWERS, PROGRAM_STAFF, SURVIVOR_LEADERS, ensure_feedback_groups
from gsn_site.models import SiteImage
from home.models import ChapterMessage, ChapterPage
from members.models import InvitationCode
from reporting.models import ReportingPeriod
from tests.conftest import sign_in_with_two_steps
from tests.feedback.factories import ProgramFactory, make_response, make_survey
from tests.stories.conftest import submitted_story
from tests.stories.factories import MemberFactory, ModeratorFactory, StoryIndexPageFactory

STORY_TITLE = "Secret draft of a teller"
PSEUDONYM = "Mwangaza-Pseudonym"
IMAGE_TITLE = "Portrait uploaded with a story"
MESSAGE = "Please call me back about the chapter meeting"
PROGRAM_A = "Aftercare Alpha"
PROGRAM_B = "Aftercare Bravo"
INVITATION_CODE = "F9GH-76J0"
ANSWER_A = "Alpha opened on Saturdays"
ANSWER_B = "Bravo hired a counsellor"
LEADERS_VIEW_B = "Leaders on the Bravo quarter"
MEMBER_USERNAME = "mwangaza-login"


def build_world(demo_site):
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
    message = ChapterMessage.objects.create(chapter=chapter, message=MESSAGE)
    survey = make_survey(parent=demo_site, slug="program-survey")
    program_a = ProgramFactory(code="alpha", name=PROGRAM_A, survey=survey)
    program_b = ProgramFactory(code="bravo", name=PROGRAM_B, survey=survey)
    for program in (program_a, program_b):
        make_response(program, survey)
    period = ReportingPeriod.objects.named("2025-Q3")
    answer_a = ProgramReply.objects.create(program=program_a, period=period, you_said_en="Said", we_did_en=ANSWER_A)
    answer_b = ProgramReply.objects.create(program=program_b, period=period, you_said_en="Said", we_did_en=ANSWER_B)
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
        "message": message,
        "users": users,
    }


def client_for(client, role, world):
    if role == "anonymous":
        return client
    user = world["users"][role]
    if role == "member":
        client.force_login(user)
        return client
    return sign_in_with_two_steps(client, user)
