"""The test database helpers of tests/seeded_rows.py: what a test is handed is what seeding gives."""

import io
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Revision, Site
from wagtail.search.models import IndexEntry

from gsn_site.page_cache import GENERATION_KEY
from home import demo
from tests.conftest import _after_a_flush
from tests.seeded_rows import migrated_rows, seeded, write_back_after_a_flush


def demo_site_as_a_reader_and_an_editor_see_it():
    """Everything of the demo site but row ids, which a write-back keeps and a real seed may not."""
    path_of = dict(Page.objects.values_list("pk", "path"))
    return {
        "pages": sorted(Page.objects.values_list("path", "slug", "title_en", "title_ar", "live", "numchild")),
        "sites": sorted(Site.objects.values_list("hostname", "root_page__path", "is_default_site")),
        "revisions per page": sorted(
            Counter(path_of[int(pk)] for pk in Revision.page_revisions.values_list("object_id", flat=True)).items()
        ),
        "search index entries": IndexEntry.objects.count(),
    }


def seed_the_demo_site():
    return demo.seed(io.StringIO()).pk


@pytest.mark.django_db
def test_rows_written_back_are_the_rows_seeding_leaves_and_retire_the_cached_pages():
    with transaction.atomic():
        seed_the_demo_site()
        seeded_for_real = demo_site_as_a_reader_and_an_editor_see_it()
        transaction.set_rollback(True)
    with transaction.atomic():
        seeded("demo site, compared", seed_the_demo_site)  # seeds, and keeps the rows
        transaction.set_rollback(True)
    cache.set(GENERATION_KEY, 1, timeout=None)

    seeded("demo site, compared", seed_the_demo_site)  # the same starting state: the kept rows come back

    assert demo_site_as_a_reader_and_an_editor_see_it() == seeded_for_real
    # The root and the eight pages of the demo site.
    assert len(seeded_for_real["pages"]) == 9
    # Publishing would have retired every cached public page; so does the write-back.
    assert cache.get(GENERATION_KEY) != 1


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_the_migrated_rows_come_back_and_new_rows_take_new_ids(demo_site):
    # As `manage.py flush` does by default, this flush also restarts every sequence.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert (Page.objects.count(), Group.objects.count()) == (0, 0)
    write_back_after_a_flush(_after_a_flush["rows"])
    # Wagtail's root and welcome pages, and the groups, as the migrations left them: not the demo site.
    assert list(Page.objects.values_list("depth", flat=True).order_by("path")) == [1, 2]
    assert Group.objects.count() > 0
    # The rows written back with their ids must not be handed out again to the next page saved.
    added = Page.get_first_root_node().add_child(instance=Page(title="Added after the write-back", slug="added"))
    assert added.pk > max(Page.objects.exclude(pk=added.pk).values_list("pk", flat=True))


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_starts_from_the_rows_the_migrations_left():
    # Seeded rows are kept per starting state: a transactional test that started from anything else
    # (Django's serialized rollback reloads the root page with an empty title) would seed every demo
    # again for real, tens of seconds each time.
    assert migrated_rows() == _after_a_flush["rows"]


def test_no_test_asks_for_the_serialized_rollback(request):
    # Each test that asked for it would start from the rows reloaded through the models, and every
    # demo it seeds would be seeded again for real (tests/seeded_rows.py, write_back_after_a_flush).
    asking = [
        item.nodeid
        for item in request.session.items
        if "django_db_serialized_rollback" in getattr(item, "fixturenames", ())
        or any(marker.kwargs.get("serialized_rollback") for marker in item.iter_markers("django_db"))
    ]
    assert asking == []
