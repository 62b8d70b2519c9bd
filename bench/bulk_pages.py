"""Insert thousands of live pages in a few queries, for benchmarks and large-content tests.

`Page.add_child` validates, saves, indexes and records references for each page (about 70 ms a
page here); building 10,000 stories that way would take longer than the benchmark itself. This
writes the tree rows directly in batches: no revisions, no search index entries, no signals. Use it
only for generated data, never for editors' content.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from gsn_site.page_cache import purge_public_page_cache

BATCH_SIZE = 500


@transaction.atomic
def bulk_add_children(parent, pages):
    """Add unsaved `pages` (all of one page type) as live children of `parent`, after its existing ones.

    A page's `first_published_at` is kept when set, otherwise it is now.
    """
    if not pages:
        return []
    model = type(pages[0])
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last_child = parent.get_last_child()
    first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, first_step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        # Generated content may bring its own publication dates (a realistic spread for ordering).
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.latest_revision_created_at = page.first_published_at

    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    own_fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(pages), BATCH_SIZE):
        batch = pages[start : start + BATCH_SIZE]
        bases = Page.objects.bulk_create(
            [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in batch]
        )
        for page, base in zip(batch, bases, strict=True):
            page.id = page.page_ptr_id = base.pk
        # The page type's own table: the same single INSERT that bulk_create would send for it.
        model._base_manager._insert(batch, fields=own_fields, using=model._base_manager.db)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    purge_public_page_cache()
    return pages
