"""`make loadtest` fails for the right reasons: its verdict on a run's figures, without any load."""

from bench.loadtest import problems


def run_figures(readers=(10, 10), shelter=(20, 20), lost=0, server_errors=0, stored=None, **shelter_turned_away):
    """Figures of one run: (sent, accepted) per group, everything else fine unless given."""
    groups = {
        "readers": {"sent": readers[0], "accepted": readers[1], "rejected": 0, "rate_limited": 0, "unanswered": 0},
        "shelter": {"sent": shelter[0], "accepted": shelter[1], "rejected": 0, "rate_limited": 0, "unanswered": 0},
    }
    groups["shelter"].update(shelter_turned_away)
    accepted = readers[1] + shelter[1]
    return {
        "run": "steady",
        "server_errors_5xx": server_errors,
        "feedback_submissions": groups,
        "feedback_sent": readers[0] + shelter[0],
        "feedback_accepted": accepted,
        "feedback_distinct_receipts": accepted,
        "feedback_lost": lost,
        "responses_stored": accepted if stored is None else stored,
    }


def test_a_run_with_every_submission_accepted_and_stored_passes():
    assert problems(run_figures()) == []


def test_no_submission_accepted_fails_as_when_the_receipt_cookie_never_came_back():
    # The run that printed "passed" with feedback_accepted: 0 (37 submissions, none with a receipt).
    figures = run_figures(readers=(17, 0), shelter=(20, 0))
    assert problems(figures) == ["steady: only 0 of 37 feedback submissions were accepted (at least 90% must be)"]


def test_ninety_percent_accepted_passes_and_less_fails():
    assert problems(run_figures(readers=(80, 70), shelter=(20, 20))) == []
    assert problems(run_figures(readers=(80, 69), shelter=(20, 20))) == [
        "steady: only 89 of 100 feedback submissions were accepted (at least 90% must be)"
    ]


def test_a_run_that_sent_no_feedback_fails():
    assert problems(run_figures(readers=(0, 0), shelter=(0, 0))) == ["steady: no feedback submission was sent"]


def test_one_lost_answer_fails():
    assert problems(run_figures(lost=1)) == ["steady: accepted answers missing from the database: 1"]


def test_fewer_stored_responses_than_receipts_fails():
    assert problems(run_figures(stored=29)) == ["steady: 29 responses were stored for 30 receipts"]


def test_one_server_error_fails():
    assert problems(run_figures(server_errors=1)) == ["steady: 5xx answers: 1"]


def test_one_shelter_client_turned_away_fails_even_with_ninety_percent_accepted():
    figures = run_figures(readers=(100, 100), shelter=(20, 19), rate_limited=1)
    assert problems(figures) == ["steady: submissions from the shelter's one address turned away: 1"]
