"""A story stays online only while its teller can still withdraw it (docs/rules.md, rule 4).

Only the teller gives or withdraws consent. When an administrator makes a teller's account inactive,
its published stories go offline at once, and any review in progress or publication scheduled for
later is cancelled, so that nothing publishes them while nobody can take them down; once the
account is active again, the teller sends them for review as after any change. When the account is
deleted, its stories are withdrawn as if the teller had withdrawn them (offline, images out of
reach) and stay in the admin, where an administrator may delete them for good.

Wagtail's user screens reach this through Django's signals; its bulk action that marks users
inactive writes one UPDATE and sends none, so `stories.wagtail_hooks` calls
`take_down_stories_of_inactive_accounts` after it.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_delete


def take_down_stories_of_inactive_accounts(user_ids):
    from .models import StoryPage

    stories = StoryPage.objects.filter(owner_id__in=user_ids, owner__is_active=False).annotate_approved_schedule()
    for story in stories:
        story.cancel_review(None)
        if story.live or story.approved_schedule:
            story.take_down(None, "stories.account_inactive")
        if story.latest_revision_is_approved():
            # That approval was given while the teller could withdraw the story. A new revision of
            # the same words leaves it behind: once the account is active again, the story goes
            # back online only through a new review, never by a moderator's "Publish".
            story.get_latest_revision_as_object().save_revision(user=None, log_action=False, clean=False)


def withdraw_stories_of_deleted_account(user):
    from .models import StoryPage

    for story in StoryPage.objects.filter(owner=user, withdrawn_at__isnull=True):
        story.withdraw(None, action="stories.account_deleted")


def _account_saved(sender, instance, **kwargs):
    if not instance.is_active:
        take_down_stories_of_inactive_accounts([instance.pk])


def _account_deleted(sender, instance, **kwargs):
    withdraw_stories_of_deleted_account(instance)


def connect():
    user_model = get_user_model()
    post_save.connect(_account_saved, sender=user_model, dispatch_uid="stories-account-saved")
    pre_delete.connect(_account_deleted, sender=user_model, dispatch_uid="stories-account-deleted")
