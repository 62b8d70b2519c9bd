"""The test database helpers of tests/seeded_rows.py: what a test is handed is what seeding gives."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from home import demo
from tests.conftest import _Quiet
from tests.seeded_rows import seeded


def pages():
    return sorted(Page.objects.values_list("path", "slug", "title_en", "title_ar", "live"))


@pytest.mark.django_db
def test_rows_written_back_are_the_rows_seeding_leaves():
    seeded("demo site, compared", lambda: demo.seed(_Quiet()).pk)
    written_back = pages()
    Page.objects.filter(depth__gt=1).delete()
    Page.objects.filter(depth=1).update(numchild=0)
    demo.seed(_Quiet())
    # The root and the eight pages of the demo site, the same paths, titles and states.
    assert written_back == pages()
    assert len(written_back) == 9


# The two tests below run in this order on one process: the second starts after the first's flush.
@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_ends_with_a_flush(demo_site):
    assert Page.objects.count() == 9


@pytest.mark.django_db(transaction=True)
def test_the_next_test_finds_the_migrated_rows_written_back():
    assert list(Page.objects.values_list("depth", flat=True).order_by("path")) == [1, 2]
    assert Group.objects.count() > 0
