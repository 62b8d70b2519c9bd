"""The conversation engine on its own: pure logic over a state, no database, no gateway."""

import datetime

import pytest
from django.test import override_settings

from channels import engine

NOW = datetime.datetime(2026, 12, 6, 10, 0, tzinfo=datetime.UTC)

QUESTIONS = [
    {
        "key": "feel-safe",
        "type": "likert",
        "text": {"en": "I feel safe.", "sw": "Ninajisikia salama.", "km": "ខ្ញុំមានសុវត្ថិភាព។"},
        "help": {},
        "options": [],
        "domain": "safety",
        "reverse_scored": False,
    },
    {
        "key": "confident",
        "type": "scale_0_10",
        "text": {"en": "How confident are you?"},
        "help": {},
        "options": [],
        "domain": None,
        "reverse_scored": False,
    },
    {
        "key": "helped",
        "type": "multiple_choice",
        "text": {"en": "What helped?"},
        "help": {},
        "options": [
            {"key": "counselling", "label": {"en": "Counselling", "sw": "Ushauri"}},
            {"key": "legal-help", "label": {"en": "Legal help"}},
            {"key": "health-care", "label": {"en": "Health care"}},
        ],
        "domain": None,
        "reverse_scored": False,
    },
    {
        "key": "better",
        "type": "free_text",
        "text": {"en": "What could be better?"},
        "help": {},
        "options": [],
        "domain": None,
        "reverse_scored": False,
    },
]


def run(replies, state=None, now=NOW, free_text=True):
    """Feed replies one by one; return the last outcome."""
    outcome = engine.start("kenya", 1, now) if state is None else None
    state = outcome.state if outcome else state
    for text in replies:
        outcome = engine.reply(state, text, QUESTIONS, now, free_text=free_text)
        state = outcome.state
        if state is None or outcome.submit:
            break
    return outcome


def test_the_first_message_names_each_language_in_its_own_script_with_its_number():
    menu = engine.start("kenya", 1, NOW).messages[0]
    assert menu.splitlines() == [
        "1 English",
        "2 Español",
        "3 Français",
        "4 Português",
        "5 हिन्दी",
        "6 Kiswahili",
        "7 ខ្មែរ",
        "8 العربية",
    ]


@pytest.mark.parametrize("reply", ["6", "Kiswahili", "kiswahili", "sw", "Swahili"])
def test_a_language_is_chosen_by_number_or_by_name(reply):
    outcome = run([reply])
    assert outcome.state.language == "sw"
    welcome, question = outcome.messages
    assert welcome.startswith("Utafiti usio na jina")
    assert question.splitlines()[0] == "1/4 Ninajisikia salama."
    assert question.splitlines()[-1] == "0 ruka, 9 rudi, 00 toka"


def test_khmer_by_its_own_script():
    outcome = run(["ខ្មែរ"])
    assert outcome.state.language == "km"
    assert outcome.messages[1].splitlines()[0] == "1/4 ខ្ញុំមានសុវត្ថិភាព។"


def test_an_unknown_language_shows_the_menu_again():
    outcome = run(["klingon"])
    assert outcome.state.phase == engine.CHOOSE_LANGUAGE
    assert outcome.messages == [engine.language_menu()]


def test_one_question_per_message_with_numbered_answers():
    prompt = run(["1"]).messages[1]
    assert prompt.splitlines() == [
        "1/4 I feel safe.",
        "1 Strongly agree",
        "2 Agree",
        "3 Neither agree nor disagree",
        "4 Disagree",
        "5 Strongly disagree",
        "0 skip, 9 back, 00 exit",
    ]


def test_numbered_answers_never_use_0_or_9():
    scale = run(["1", "1"]).messages[0].splitlines()
    numbers = [line.split(" ", 1)[0] for line in scale[1:-1]]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "10", "11", "12"]
    assert scale[1] == "1 0 - not at all" and scale[-2] == "12 10 - completely"


def test_answers_skip_and_back():
    outcome = run(["1", "2", "0", "9"])
    assert outcome.state.index == 1 and outcome.state.answers == {"feel-safe": "4"}
    outcome = run(["1", "2", "11", "1 3 3", "Staff were kind"])
    assert outcome.state.phase == engine.CONFIRM
    assert outcome.state.answers == {
        "feel-safe": "4",
        "confident": "9",
        "helped": ["counselling", "health-care"],
        "better": "Staff were kind",
    }


def test_a_reply_that_is_no_answer_asks_again_and_keeps_the_answers():
    outcome = run(["1", "2", "13"])
    assert outcome.state.index == 1 and outcome.state.answers == {"feel-safe": "4"}
    assert outcome.messages[0] == "Please reply with one of the numbers."
    assert outcome.messages[1].startswith("2/4 ")


def test_back_from_the_first_question_returns_to_the_languages():
    outcome = run(["1", "9"])
    assert outcome.state.phase == engine.CHOOSE_LANGUAGE


@pytest.mark.parametrize("word", ["00", "exit", "EXIT", " Toka ", "ចេញ", "خروج", "SALIR"])
def test_00_or_the_word_for_exit_in_any_language_ends_and_forgets_at_once(word):
    outcome = run(["1", "2", word])
    assert outcome.state is None and outcome.messages == [] and not outcome.submit


def test_stop_is_never_a_control():
    assert "STOP" not in engine.exit_words()
    outcome = run(["1", "STOP"])
    assert outcome.state is not None
    assert outcome.messages[0] == "Please reply with one of the numbers."
    assert "STOP" not in engine.welcome("en") and all("STOP" not in word for word in engine.exit_words())


def test_the_last_step_sends_with_or_without_the_receipt():
    outcome = run(["1", "2", "0", "0", "0", "1"])
    assert outcome.submit and outcome.send_receipt
    outcome = run(["1", "2", "0", "0", "0", "2"])
    assert outcome.submit and not outcome.send_receipt


def test_free_text_questions_are_passed_over_where_the_channel_carries_none():
    outcome = run(["1", "2", "0", "0"], free_text=False)
    assert outcome.state.phase == engine.CONFIRM


@override_settings(CHANNELS_IDLE_MINUTES=30)
def test_an_idle_conversation_asks_continue_or_start_again_before_going_on():
    state = run(["1", "2"]).state
    later = NOW + datetime.timedelta(minutes=31)
    outcome = engine.reply(state, "5", QUESTIONS, later)
    assert outcome.state.phase == engine.RESUME
    assert outcome.state.answers == {"feel-safe": "4"}  # the "5" was not taken as an answer
    assert outcome.messages == [
        "An unfinished survey was waiting on this phone. Reply 1 to continue it, 2 to start again, 00 to end it."
    ]
    resumed = engine.reply(outcome.state, "1", QUESTIONS, later)
    assert resumed.state.phase == engine.QUESTION and resumed.messages[0].startswith("2/4 ")
    fresh = engine.reply(outcome.state, "2", QUESTIONS, later)
    assert fresh.state.answers == {} and fresh.state.phase == engine.CHOOSE_LANGUAGE


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("WITHDRAW 7K2M-Q9XD-4HTB", "7K2MQ9XD4HTB"),
        ("withdraw 7k2m q9xd 4htb", "7K2MQ9XD4HTB"),
        ("ONDOA 7K2M-Q9XD-4HTB", "7K2MQ9XD4HTB"),
        ("ដក 7K2M-Q9XD-4HTB", "7K2MQ9XD4HTB"),
        ("WITHDRAW 7K2M", ""),
        ("PLEASE 7K2M-Q9XD-4HTB", ""),
    ],
)
def test_withdraw_with_the_code(text, code):
    assert engine.withdrawal_code(text) == code
