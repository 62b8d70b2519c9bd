import pytest
from django.core.cache import cache
from django.utils import translation

from stories.models import StoryPage

from .factories import MemberFactory, ModeratorFactory, StoryIndexPageFactory, StoryPageFactory


@pytest.fixture(autouse=True)
def _clean_state():
    # Rate limits and the page cache live in the cache; a request may leave its language active.
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


@pytest.fixture
def story_index(demo_site):
    return StoryIndexPageFactory(parent=demo_site)


@pytest.fixture
def member(db):
    return MemberFactory(pseudonym="Mwangaza").user


@pytest.fixture
def other_member(db):
    return MemberFactory(pseudonym="Someone else").user


@pytest.fixture
def moderator(db):
    return ModeratorFactory(username="moderator")


def submitted_story(index, owner, **fields):
    story = StoryPageFactory(parent=index, owner=owner, byline=owner.member_profile.pseudonym, **fields)
    story.submit_for_review(owner)
    return StoryPage.objects.get(pk=story.pk)


def approve(story, moderator):
    story.current_workflow_state.current_task_state.approve(user=moderator, comment="")
    return StoryPage.objects.get(pk=story.pk)


def published_story(index, owner, moderator, **fields):
    return approve(submitted_story(index, owner, **fields), moderator)


@pytest.fixture
def make_published(story_index, member, moderator):
    def make(owner=None, **fields):
        return published_story(story_index, owner or member, moderator, **fields)

    return make
