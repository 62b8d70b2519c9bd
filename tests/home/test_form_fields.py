"""Every form's help and errors reach screen readers: the one field include links them to the fields."""

from html.parser import HTMLParser

import pytest
from django.core.cache import cache

from stories.models import StoryPage
from tests.stories.factories import MemberFactory, StoryIndexPageFactory, StoryPageFactory


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.described = []  # (tag, name or id, [ids]) of every element with aria-describedby
        self.invalid = []  # (name or id, aria-describedby) of every element with aria-invalid="true"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        label = attrs.get("name") or attrs.get("id") or tag
        if attrs.get("aria-describedby"):
            self.described.append((tag, label, attrs["aria-describedby"].split()))
        if attrs.get("aria-invalid") == "true":
            self.invalid.append((label, attrs.get("aria-describedby", "")))


def parse(response):
    parser = _Attributes()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture(autouse=True)
def _no_rate_limits_or_cached_pages():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member_story(demo_site):
    member = MemberFactory(pseudonym="Mwangaza").user
    index = StoryIndexPageFactory(parent=demo_site)
    story = StoryPageFactory(parent=index, owner=member, byline="Mwangaza")
    return member, StoryPage.objects.get(pk=story.pk)


def published(story):
    story.save_revision(user=story.owner).publish()
    return StoryPage.objects.get(pk=story.pk)


# page: (path, data of an invalid submission or None when the form has no invalid state,
#        status of the invalid submission, needs a member)
FORM_PAGES = {
    "share story": ("/en/share-your-story/", {"title": "", "body": ""}, 400, True),
    "edit story": ("/en/my-stories/{pk}/edit/", {"title": "", "body": ""}, 400, True),
    # The consent page and allauth's sign-in answer an invalid form with the form again (status 200);
    # the sign-up, a public form, answers 400 like the others.
    "consent": ("/en/my-stories/{pk}/consent/", {"publish": "on", "expires_on": "not a date"}, 200, True),
    "report story": ("/en/report-story/{pk}/", {"reason": "", "note": "x"}, 400, False),
    "feedback withdrawal": ("/en/feedback/withdraw/", {"receipt_code": ""}, 400, False),
    "chapter contact": ("/en/network/sample-chapter-kenya/", {"message": ""}, 400, False),
    "sign in": ("/en/accounts/login/", {"login": "", "password": ""}, 200, False),
    "sign up": ("/en/accounts/signup/", {"username": "", "invitation_code": "nope"}, 400, False),
    "story filters": ("/en/stories/", None, None, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", FORM_PAGES)
def test_help_and_errors_are_linked_to_their_fields(client, member_story, name):
    path, invalid_data, invalid_status, needs_member = FORM_PAGES[name]
    member, story = member_story
    if name == "report story":
        story = published(story)
    path = path.format(pk=story.pk)
    if needs_member:
        client.force_login(member)
    form_page = f"/en/stories/{story.slug}/" if name == "report story" else path

    page = parse(client.get(form_page))
    for tag, label, ids in page.described:
        missing = [i for i in ids if i not in page.ids]
        assert missing == [], f"{name}: {tag} {label} points at {missing}, which are not in the page"

    if invalid_data is None:
        return
    response = client.post(path, invalid_data)
    assert response.status_code == invalid_status, name
    page = parse(response)
    assert page.invalid, f"{name}: no field is marked invalid"
    # A radio or checkbox group is described as a whole, on its fieldset.
    groups = {
        ids[-1].removesuffix("_error").removeprefix("id_"): ids
        for tag, _label, ids in page.described
        if tag == "fieldset"
    }
    for label, described_by in page.invalid:
        error_ids = [i for i in (described_by or " ".join(groups.get(label, []))).split() if i.endswith("_error")]
        assert error_ids, f"{name}: invalid {label} is not described by its error"
        assert all(i in page.ids for i in error_ids), (name, label, error_ids)
    for tag, label, ids in page.described:
        assert all(i in page.ids for i in ids), (name, tag, label, ids)


@pytest.mark.django_db
def test_a_radio_group_is_a_fieldset_described_by_its_error(client, member_story):
    _member, story = member_story
    story = published(story)
    response = client.post(f"/en/report-story/{story.pk}/", {"reason": ""})
    html = response.content.decode()
    assert '<fieldset class="field field--group field--error" aria-describedby="id_reason_error">' in html
    assert '<div class="error" id="id_reason_error">This field is required.</div>' in html
    page = parse(response)
    radios = [label for label, _described_by in page.invalid if label == "reason"]
    assert len(radios) == 5  # every choice of the group is marked invalid
