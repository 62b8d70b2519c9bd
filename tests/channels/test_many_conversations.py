"""200 conversations in progress at the same time, their messages interleaved: no answer lost, none
stored twice, none given to another conversation."""

import collections

import pytest

from channels.adapters import adapter_for
from channels.conversations import receive
from feedback.models import FeedbackAnswer, FeedbackResponse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sms_channels")]

CONVERSATIONS = 200


@pytest.fixture(autouse=True)
def _tasks_wait(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def script(index):
    """What survivor `index` sends: keyword, language, nine answers (some skipped), send without receipt."""
    likert = str(1 + index % 5)
    free_text = f"Answer of survivor {index}" if index % 4 == 0 else "0"
    return ["SAUTI", str(1 + index % 8), likert, "0", str(1 + index % 3), "0", likert, "0", "0", "1 2", free_text, "2"]


def test_interleaved_conversations_store_every_answer_once(demo_survey):
    adapter = adapter_for("external")
    numbers = [f"+2547{index:08d}" for index in range(CONVERSATIONS)]
    scripts = [script(index) for index in range(CONVERSATIONS)]
    for step in range(len(scripts[0])):
        for number, replies in zip(numbers, scripts, strict=True):
            receive(adapter, number, replies[step])

    assert FeedbackResponse.objects.filter(channel="sms").count() == CONVERSATIONS
    likert = collections.Counter(
        FeedbackAnswer.objects.filter(question_key="safe-where-i-live").values_list("number", flat=True)
    )
    # Reply 1 is "Strongly agree" (5) ... reply 5 is "Strongly disagree" (1); 40 survivors each.
    assert likert == {5: 40, 4: 40, 3: 40, 2: 40, 1: 40}
    assert FeedbackAnswer.objects.filter(question_key="people-to-turn-to").count() == CONVERSATIONS
    assert FeedbackAnswer.objects.filter(question_key="support-that-helped").count() == 2 * CONVERSATIONS
    texts = set(FeedbackAnswer.objects.filter(question_key="what-could-be-better").values_list("text", flat=True))
    assert texts == {f"Answer of survivor {index}" for index in range(0, CONVERSATIONS, 4)}
    languages = collections.Counter(FeedbackResponse.objects.values_list("language", flat=True))
    assert languages == {code: 25 for code in ["en", "es", "fr", "pt", "hi", "sw", "km", "ar"]}
