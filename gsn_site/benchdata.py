"""Generated content in bulk for the query-bound tests and `make bench`: fictional, clearly numbered."""

import datetime
import json
import random

from django.conf import settings
from django.utils import timezone

from gsn_site.bulk_pages import bulk_add_children

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
    from gsn_site.casework import CaseworkType
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
