"""A program-year of feedback and assessments, drawn from a fixed seed, for the release tests."""

import datetime
import random

from feedback.models import FeedbackResponse
from tests.feedback.factories import ProgramFactory, make_response, make_survey
from tests.outcomes.helpers import assess

YEAR = 2025


def answers(rng):
    """One response's answers; some questions skipped, as people do."""
    chosen = {
        "feel_safe": str(rng.choice([1, 2, 3, 4, 4, 5, 5, 5])),
        "often_afraid": str(rng.choice([1, 1, 2, 3, 4])),
        "legal_help_clear": str(rng.choice([0, 1, 2, 2])),
        "confident_earning": str(rng.randint(0, 10)),
        "contact": rng.choice(["every-week", "every-month", "never"]),
        "helped": rng.sample(["counselling", "legal-help", "health-care"], rng.randint(1, 2)),
    }
    return {key: value for key, value in chosen.items() if rng.random() > 0.1}


def program_year(seed=7, per_month=(6, 16), cases=30):
    """A program with `per_month` responses in each month of YEAR and `cases` survivors assessed twice."""
    rng = random.Random(seed)
    survey = make_survey(slug=f"survey-{seed}")
    program = ProgramFactory(survey=survey)
    for month in range(1, 13):
        for _number in range(rng.randint(*per_month)):
            day = datetime.date(YEAR, month, rng.randint(1, 28))
            language = rng.choice(["en", "en", "en", "sw", "fr"])
            channel = rng.choice(["web", "web", "paper"])
            make_response(program, survey, submitted_on=day, language=language, channel=channel, **answers(rng))
    for case in range(cases):
        first = datetime.date(YEAR, rng.randint(1, 5), rng.randint(1, 28))
        score = rng.choice([1.5, 2.0, 2.5])
        assess(program, f"case-{case}", first.isoformat(), "intake", score=score)
        later = datetime.date(YEAR, rng.randint(7, 12), rng.randint(1, 28))
        assess(program, f"case-{case}", later.isoformat(), "six_month", score=score + rng.choice([0, 0.5, 1.0, 1.5]))
    return program, survey


def responses_of(program):
    return FeedbackResponse.objects.filter(program=program)
