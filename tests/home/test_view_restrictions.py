"""A page under a view restriction, and every page below it, stays out of every public list."""

import pytest
from wagtail.models import PageViewRestriction

from home.models import ChapterPage, NetworkIndexPage

pytestmark = pytest.mark.django_db


def chapter_slugs(html):
    return sorted(slug for slug in ChapterPage.objects.values_list("slug", flat=True) if f"/{slug}/" in html)


def test_a_restricted_chapter_leaves_the_network_and_home_lists_and_the_rest_stay(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    every = sorted(ChapterPage.objects.values_list("slug", flat=True))
    assert chapter_slugs(client.get("/en/network/").text) == every

    kenya = ChapterPage.objects.get(slug="sample-chapter-kenya")
    PageViewRestriction.objects.create(page=kenya, restriction_type="password", password="not-for-readers")
    others = [slug for slug in every if slug != "sample-chapter-kenya"]
    assert chapter_slugs(client.get("/en/network/").text) == others
    assert chapter_slugs(client.get("/en/").text) == others
    assert list(ChapterPage.objects.live().public().order_by("slug").values_list("slug", flat=True)) == others


def test_a_restriction_on_a_section_hides_everything_below_it(demo_site):
    network = NetworkIndexPage.objects.get()
    PageViewRestriction.objects.create(page=network, restriction_type="password", password="not-for-readers")
    assert not ChapterPage.objects.live().public().exists()
    assert not NetworkIndexPage.objects.live().public().exists()
    assert ChapterPage.objects.live().not_public().count() == ChapterPage.objects.count()
