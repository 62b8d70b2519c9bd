# Members' tests use the same people and site as the stories' tests.
from tests.stories.conftest import _clean_state, make_published, member, moderator, other_member, story_index  # noqa: F401
