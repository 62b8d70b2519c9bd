"""The test database helpers of tests/seeded_rows.py: what a test is handed is what seeding gives."""

import io

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from home import demo
from tests.seeded_rows import seeded


def pages():
    return sorted(Page.objects.values_list("path", "slug", "title_en", "title_ar", "live"))


@pytest.mark.django_db
def test_rows_written_back_are_the_rows_seeding_leaves():
    seeded("demo site, compared", lambda: demo.seed(io.StringIO()).pk)
    written_back = pages()
    Page.objects.filter(depth__gt=1).delete()
    Page.objects.filter(depth=1).update(numchild=0)
    demo.seed(io.StringIO())
    # The root and the eight pages of the demo site, the same paths, titles and states.
    assert written_back == pages()
    assert len(written_back) == 9


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_the_migrated_rows_come_back_and_new_rows_take_new_ids(demo_site):
    from django.core.management import call_command

    from tests.conftest import _after_a_flush
    from tests.seeded_rows import write_back_after_a_flush

    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert (Page.objects.count(), Group.objects.count()) == (0, 0)
    write_back_after_a_flush(_after_a_flush["rows"])
    # Wagtail's root and welcome pages, and the groups, as the migrations left them: not the demo site.
    assert list(Page.objects.values_list("depth", flat=True).order_by("path")) == [1, 2]
    assert Group.objects.count() > 0
    # The flush restarted every sequence (as `manage.py flush` does); the rows written back with
    # their ids must not be handed out again to the next page saved.
    added = Page.get_first_root_node().add_child(instance=Page(title="Added after the write-back", slug="added"))
    assert added.pk > max(Page.objects.exclude(pk=added.pk).values_list("pk", flat=True))
