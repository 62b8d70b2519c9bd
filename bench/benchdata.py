"""Generated content in bulk for the query-bound tests and `make bench`: fictional, clearly numbered."""

import datetime
import hashlib
import json
import random

from django.conf import settings
from django.utils import timezone

from bench.bulk_pages import bulk_add_children

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def add_chapters(network, total):
    """Fill the network index up to `total` live chapters."""
    from home.models import ChapterPage

    existing = ChapterPage.objects.child_of(network).count()
    return bulk_add_children(
        network,
        [
            ChapterPage(title_en=f"Chapter {number}", slug=f"chapter-{number}", country_en="Kenya", is_sample=True)
            for number in range(existing, total)
        ],
    )


def add_stories(index, total, seed=1):
    """Fill the story index up to `total` live stories, each with consent to publish."""
    from programs.casework import CaseworkType
    from stories.models import StoryConsent, StoryPage, StoryTheme

    rng = random.Random(seed)
    existing = StoryPage.objects.child_of(index).count()
    body = json.dumps([{"type": "paragraph", "value": "<p>" + "A generated paragraph of a story. " * 40 + "</p>"}] * 4)
    stories = []
    newest = timezone.now()
    for number in range(existing, total):
        language = rng.choice(LANGUAGE_CODES)
        story = StoryPage(
            slug=f"generated-story-{number}",
            byline=f"Member {number % 97}",
            original_language=language,
            themes=rng.sample([theme.value for theme in StoryTheme], 2),
            casework_type=rng.choice(CaseworkType.values),
            country=rng.choice(["Kenya", "India", "Cambodia", "Brazil", "Peru"]),
            # About one story a day over the years, the newest first.
            first_published_at=newest - datetime.timedelta(days=(total - number) * 0.9),
        )
        story.title_en = f"Generated story {number}"
        setattr(story, f"title_{language}", f"Generated story {number}")
        setattr(story, f"summary_{language}", f"The summary of generated story {number}.")
        setattr(story, f"body_{language}", body)
        stories.append(story)
    bulk_add_children(index, stories)
    StoryConsent.objects.bulk_create(
        [StoryConsent(story=story, publish=True, translate=rng.random() < 0.5) for story in stories], batch_size=1000
    )
    return stories


def index_for_search(pages, batch_size=500):
    """Add pages inserted in bulk (which skips the search index) to the search index, in batches."""
    from wagtail.search.backends import get_search_backend

    if not pages:
        return
    backend = get_search_backend()
    model = type(pages[0])
    for start in range(0, len(pages), batch_size):
        backend.add_bulk(model, pages[start : start + batch_size])


def add_feedback_responses(program, total, year=2024, seed=3, batch_size=2000):
    """Fill `program` up to `total` anonymous responses to its current survey, spread over `year`.

    Written in batches with bulk inserts, answers included (about nine a response), the way
    feedback.submission stores them: types, domains and scoring direction copied from the version.
    """
    from feedback.models import FeedbackAnswer, FeedbackResponse, QuestionType, program_survey
    from feedback.questions import NUMBER_RANGES

    rng = random.Random(seed)
    version = program_survey(program).current_version()
    languages = [code for code in LANGUAGE_CODES if code in ("en", "sw", "fr")] or LANGUAGE_CODES
    first_day = datetime.date(year, 1, 1)
    days = (datetime.date(year + 1, 1, 1) - first_day).days
    existing = FeedbackResponse.objects.filter(program=program).count()
    for start in range(existing, total, batch_size):
        responses, answers = [], []
        for number in range(start, min(start + batch_size, total)):
            response = FeedbackResponse(
                program=program,
                survey_version=version,
                language=rng.choice(languages),
                submitted_on=first_day + datetime.timedelta(days=number % days),
                submission_hash=hashlib.sha256(f"bench-response-{program.pk}-{number}".encode()).hexdigest(),
            )
            responses.append(response)
            for question in version.questions:
                if rng.random() < 0.15:  # skipped
                    continue
                common = {
                    "response": response,
                    "question_key": question["key"],
                    "question_type": question["type"],
                    "domain": question["domain"] or "",
                    "reverse_scored": question["reverse_scored"],
                }
                if question["type"] in NUMBER_RANGES:
                    low, high = NUMBER_RANGES[question["type"]]
                    answers.append(FeedbackAnswer(number=rng.randint(low, high), **common))
                elif question["type"] == QuestionType.SINGLE_CHOICE:
                    answers.append(FeedbackAnswer(choice=rng.choice(question["options"])["key"], **common))
                elif question["type"] == QuestionType.MULTIPLE_CHOICE:
                    for option in rng.sample(question["options"], min(2, len(question["options"]))):
                        answers.append(FeedbackAnswer(choice=option["key"], **common))
                elif rng.random() < 0.2:
                    answers.append(FeedbackAnswer(text=f"Generated comment {number}.", **common))
        FeedbackResponse.objects.bulk_create(responses)
        FeedbackAnswer.objects.bulk_create(answers, batch_size=5000)
