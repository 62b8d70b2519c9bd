"""Survivor-led stories: invitations, member profiles, story pages, consent and content reports."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db import connections, models
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Page,
    PageLogEntry,
    PageManager,
    PagePermissionTester,
    Workflow,
    WorkflowState,
)
from wagtail.search import index
from wagtail.search.index import remove_object

from gsn_site.countries import country_spellings
from gsn_site.fields import MultipleChoiceField
from gsn_site.page_cache import cached_fragment, pages_that_may_show, purge_public_page_cache
from gsn_site.pages import SitePage, SitePageQuerySet
from gsn_site.pagination import paginate
from gsn_site.sanitize import plain_text
from programs.casework import CaseworkType

from .blocks import StoryBodyBlock

STORY_REVIEW_WORKFLOW = "Story review"
MODERATORS_GROUP = "Moderators"
STORIES_PER_PAGE = 12


class StoryTheme(models.TextChoices):
    RESILIENCE = "resilience", _("Resilience")
    JUSTICE = "justice", _("Justice and the courts")
    FAMILY = "family", _("Family and community")
    WORK = "work", _("Work and livelihood")
    HEALING = "healing", _("Healing")
    LEADERSHIP = "leadership", _("Survivor leadership")
    ADVOCACY = "advocacy", _("Advocacy")


class StoryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ON_HOLD = "on_hold", _("On hold while reports are reviewed")


# --- Pages ---------------------------------------------------------------------------------


class StoryIndexPage(RoutablePageMixin, SitePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["stories.StoryPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("story index page")

    def stories(self):
        """Published stories for lists (listing, feeds, home page), newest first: with their consent,
        which decides each card's language, and without the bodies that no list shows."""
        return (
            StoryPage.objects.child_of(self)
            .published()
            .select_related("consent")
            .defer_streamfields()
            .order_by("-first_published_at")
        )

    def featured_stories(self, count=3):
        return self.stories()[:count]

    def filtered_stories(self, request):
        from .forms import StoryFilterForm

        form = StoryFilterForm(request.GET or None)
        stories = self.stories()
        if form.is_valid():
            data = form.cleaned_data
            if data["theme"]:
                stories = stories.with_theme(data["theme"])
            if data["casework_type"]:
                stories = stories.filter(casework_type=data["casework_type"])
            if data["country"]:
                spellings = country_spellings(data["country"])
                stories = stories.filter(reduce(or_, (Q(country__iexact=spelling) for spelling in spellings)))
            if data["my_language"]:
                stories = stories.available_in(get_language())
            if data["q"]:
                # The search backend cannot filter on consent; search first, then keep the matches.
                matches = StoryPage.objects.child_of(self).live().search(data["q"])
                stories = stories.filter(pk__in=[match.pk for match in matches])
        return form, stories

    def story_count(self, request, form, stories):
        """How many stories the listing shows with these filters: every page of it repeats the figure,
        and counting 20,000 stories costs more than the rest of the page. Kept like the menu (see
        gsn_site.page_cache.cached_fragment): a publication, withdrawal or consent change retires it,
        and the date is part of the key because a consent can expire overnight. A search is counted
        afresh each time; its words never go into the shared cache, not even hashed. So is a country:
        it is typed, so any number of made-up values could otherwise fill the cache."""
        # The filters as filtered_stories applied them: none when the form is empty or invalid.
        applied = form.cleaned_data if form.is_bound and form.is_valid() else {}
        if applied.get("q") or applied.get("country"):
            return None
        filters = [applied.get(name) or "" for name in ("theme", "casework_type", "my_language")]
        return cached_fragment(request, "story-count", stories.count, vary_on=(timezone.localdate(), *filters))

    @path("")
    def index_route(self, request):
        form, stories = self.filtered_stories(request)
        count = self.story_count(request, form, stories)
        page_of_stories, filter_query = paginate(request, stories, STORIES_PER_PAGE, count=count)
        return self.render(
            request,
            context_overrides={"filter_form": form, "stories": page_of_stories, "filter_query": filter_query},
        )

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from .feeds import StoryRssFeed

        return StoryRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import StoryAtomFeed

        return StoryAtomFeed(self)(request)

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin's preview (the index route) comes first in this class's bases: it is
        # shown in the chosen language as every other page's preview is.
        return self.serve_preview_in_language(request, mode_name, super().serve_preview)

    def get_cached_paths(self):
        """What a CDN in front keeps of the index: the listing and both feeds (pages of the listing and
        filtered lists have a query string, which no CDN is allowed to keep: gsn_site.page_cache)."""
        return ["/", self.reverse_subpage("rss"), self.reverse_subpage("atom")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # From the request's root paths (the fragment cache), not Wagtail's own read of them in Redis.
        url = self.get_url(request)
        context["rss_url"] = url + self.reverse_subpage("rss")
        context["atom_url"] = url + self.reverse_subpage("atom")
        return context


class StoryPageQuerySet(SitePageQuerySet):
    def published(self):
        return self.live().public().consented()

    def consented(self):
        """Stories whose teller's consent allows publication today: StoryConsent.allows_publication in SQL."""
        return self.filter(consent__publish=True).filter(
            Q(consent__expires_on__isnull=True) | Q(consent__expires_on__gte=timezone.localdate())
        )

    def with_theme(self, theme):
        """Stories tagged with `theme`. PostgreSQL asks whether the list contains it, which the GIN
        index of migration 0007 answers without reading every story; SQLite has no containment for
        JSON, so there the quoted code is looked for in the list's text."""
        if connections[self.db].vendor == "postgresql":
            return self.filter(themes__contains=[theme])
        return self.filter(themes__icontains=f'"{theme}"')

    def available_in(self, language_code):
        """Stories written in this language, or translated into it with the teller's consent."""
        translated = Q(**{f"summary_{language_code}__gt": ""}, consent__translate=True)
        return self.filter(Q(original_language=language_code) | translated)

    def owned_by(self, user):
        return self.filter(owner=user)


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryPagePermissionTester(PagePermissionTester):
    """Nobody publishes a story directly: only the approval of its latest revision in the workflow does.

    Nor does anyone publish or send for review a story its teller withdrew, or one whose teller can no
    longer sign in (docs/rules.md, rule 4): nobody would be left who could take it down again.
    """

    def can_publish(self):
        return super().can_publish() and self.page.may_go_online() and self.page.latest_revision_is_approved()

    def can_submit_for_moderation(self):
        return super().can_submit_for_moderation() and self.page.may_go_online()


class StoryPage(SitePage):
    # Blank at the model level: a story written in Hindi has no English summary.
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    byline = models.CharField(_("byline"), max_length=60, help_text=_("The teller's pseudonym. Never a real name."))
    content_notes = models.TextField(
        _("content notes"),
        blank=True,
        help_text=_("What readers should know before they read, for example: violence, abuse of a child."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)
    themes = MultipleChoiceField(_("themes"), item_choices=StoryTheme.choices)
    casework_type = models.CharField(_("casework type"), max_length=32, choices=CaseworkType.choices, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True, help_text=_("Coarse location only."))
    region = models.CharField(_("region"), max_length=100, blank=True, help_text=_("A large region, never a town."))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    on_hold = models.BooleanField(
        _("on hold"),
        default=False,
        help_text=_("Unpublished automatically because several readers reported it; a moderator decides."),
    )

    objects = StoryPageManager()

    # A story is only "translated" when the summary exists in that language.
    translation_marker_field = "summary"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("byline"),
        FieldPanel("content_notes"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("casework_type"), FieldPanel("country"), FieldPanel("region")],
            heading=_("About the story"),
        ),
    ]
    # Every language's text is indexed: a story written in Hindi is found by its Hindi words.
    search_fields = (
        Page.search_fields
        + [
            index.SearchField(f"{field}_{code}")
            for field in ("title", "summary", "body")
            for code, _name in settings.LANGUAGES
        ]
        + [
            index.SearchField("byline"),
            index.FilterField("country"),
            index.FilterField("casework_type"),
            index.FilterField("original_language"),
        ]
    )
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    # --- Consent and languages ------------------------------------------------------------

    @property
    def story_consent(self):
        try:
            return self.consent
        except StoryConsent.DoesNotExist:
            return None

    def has_translation(self, language_code):
        if language_code != self.original_language:
            consent = self.story_consent
            if consent is None or not consent.translate:
                return False
        return super().has_translation(language_code)

    @property
    def theme_labels(self):
        labels = dict(StoryTheme.choices)
        return [labels[theme] for theme in self.themes if theme in labels]

    @property
    def visible_body(self):
        """The body blocks a reader sees: images only while the teller consents to their use."""
        consent = self.story_consent
        show_images = consent is not None and consent.images
        return [block for block in self.body if show_images or block.block_type != "image"]

    def get_admin_display_title(self):
        """The title in the story's own language in admin listings (a Swahili story by its Swahili
        title, even when its English title is empty), unless a newer draft changed the title."""
        titles = {getattr(self, f"title_{code}", "") for code, _name in settings.LANGUAGES}
        if self.draft_title and self.draft_title not in titles:
            return self.draft_title
        return getattr(self, f"title_{self.original_language}", "") or super().get_admin_display_title()

    def text_in_content_language(self, field):
        """A translated field in the language the story is shown in (its original when not translated)."""
        return getattr(self, f"{field}_{self.content_language}", "") or getattr(self, field)

    def with_content_json(self, content):
        """A revision holds the story's words, not the teller's or the moderators' decisions.

        Wagtail keeps `owner` and `live` from the row whatever revision is shown, saved or
        published; a withdrawal and a hold are kept the same way. Otherwise the admin's edit screen
        would judge a withdrawn story by its last revision (never withdrawn) and offer to publish
        it, and saving a draft there would write that revision's empty withdrawal over the row.
        """
        page = super().with_content_json(content)
        page.withdrawn_at = self.withdrawn_at
        page.on_hold = self.on_hold
        return page

    # --- Workflow -------------------------------------------------------------------------

    def get_workflow(self):
        return Workflow.objects.filter(name=STORY_REVIEW_WORKFLOW, active=True).first()

    def permissions_for_user(self, user):
        return StoryPagePermissionTester(user, self)

    def latest_workflow_state(self):
        return (
            WorkflowState.objects.for_instance(self)
            .select_related("current_task_state")
            .order_by("-created_at", "-pk")
            .first()
        )

    def latest_revision_is_approved(self):
        """True when the review approved this story and nobody has changed it since."""
        state = self.latest_workflow_state()
        if not state or state.status != WorkflowState.STATUS_APPROVED or not state.current_task_state:
            return False
        # A moderator may correct the story and approve it in one step: that revision counts as approved.
        approved_at = state.current_task_state.finished_at
        latest = self.revisions.order_by("-created_at", "-pk").values_list("created_at", flat=True).first()
        return bool(approved_at and latest and latest <= approved_at)

    def submit_for_review(self, user):
        """Start (or restart) the "Story review" workflow for the latest revision."""
        workflow = self.get_workflow()
        self.cancel_review(user)
        return workflow.start(self, user)

    @property
    def status(self):
        if self.withdrawn_at:
            return StoryStatus.WITHDRAWN
        if self.on_hold:
            return StoryStatus.ON_HOLD
        if self.live:
            return StoryStatus.PUBLISHED
        state = self.latest_workflow_state()
        if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
            return StoryStatus.IN_REVIEW
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return StoryStatus.CHANGES_REQUESTED
        return StoryStatus.DRAFT

    @property
    def moderator_comment(self):
        """What a moderator last said to the teller: a note, or the comment on a returned review."""
        note = self.author_notes.order_by("-created_at").first()
        state = self.latest_workflow_state()
        task_state = state.current_task_state if state else None
        task_comment = task_state.comment if task_state and task_state.finished_at else ""
        if note and (not task_comment or note.created_at >= task_state.finished_at):
            return note.text
        return task_comment

    @property
    def status_string(self):
        """What the admin's page listings show: a held story is "on hold", not a "draft"."""
        if self.on_hold and not self.live:
            return gettext("on hold")
        return super().status_string

    # --- The teller's and the moderators' decisions ------------------------------------------

    def take_down(self, user, action, data=None):
        """Unpublish at once, leave search, purge caches, and write it to the audit log.

        A publication scheduled for later is cancelled too: Wagtail's unpublishing cancels it only
        for a story already live, and `publish_scheduled` would put any other online when its time came.
        """
        if self.live:
            # The teller may always take their own story down, whatever their admin permissions.
            # Unpublishing purges the caches (purge_when_unpublished).
            UnpublishPageAction(self, user=user).execute(skip_permission_checks=True)
        else:
            self.purge_caches()
        self.revisions.update(approved_go_live_at=None)
        remove_object(self)
        log(instance=self, action=action, user=user, data=data or {})

    def may_go_online(self):
        """Only the teller consents: a story goes online only while they can still withdraw it."""
        return not self.withdrawn_at and self.owner_id is not None and self.owner.is_active

    def cancel_review(self, user):
        state = self.current_workflow_state
        if state:
            state.cancel(user=user)

    def withdraw(self, user, action="stories.withdraw"):
        self.cancel_review(user)
        self.take_down(user, action)
        self.hide_images()
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at"])

    def change_consent(self, member, choices):
        """Store the teller's answers to the consent questions (`choices`: field name to value) and act on them.

        Withdrawing publication (or an expiry date already past) withdraws the story; withdrawing the
        images hides them at once; withdrawing translation drops the cached pages that showed one.
        Returns the stored consent.
        """
        # What was stored, not the instance a form may already have changed.
        consent = StoryConsent.objects.filter(story=self).first() or StoryConsent(story=self)
        before = set(consent.scopes)
        for name, value in choices.items():
            setattr(consent, name, value)
        if not consent.publish and consent.withdrawn_on is None:
            consent.withdrawn_on = timezone.localdate()
        elif consent.publish:
            consent.withdrawn_on = None
        consent.save()
        self.consent = consent
        after = set(consent.scopes)
        log(
            instance=self,
            action="stories.consent_change",
            user=member,
            data={"given": sorted(after - before), "withdrawn": sorted(before - after)},
        )
        if "images" in before - after:
            self.hide_images()
        if not consent.allows_publication:
            self.withdraw(member)
        elif "translate" in before - after:
            self.purge_caches()
        return consent

    def hide_images(self):
        """The teller's images in this story stop being served at once, under every URL they had."""
        for image in self.images_uploaded_by_owner():
            image.move_out_of_reach()

    def purge_caches(self):
        """The site's own page cache and any CDN in front of it forget this story and every page that
        lists it: the listing, its feeds and the home page."""
        purge_public_page_cache()
        purge_pages_from_cache(pages_that_may_show(self))

    def images_uploaded_by_owner(self):
        """Images in the story (any language) that its teller uploaded."""
        image_ids = set()
        for code, _name in settings.LANGUAGES:
            for block in getattr(self, f"body_{code}") or []:
                if block.block_type == "image" and block.value["image"]:
                    image_ids.add(block.value["image"].pk)
        return get_image_model().objects.filter(pk__in=image_ids, uploaded_by_user=self.owner_id)

    def delete_for_good(self, user):
        """The story, its revisions and its images are gone; the audit log keeps no title."""
        images = list(self.images_uploaded_by_owner())
        page_id = self.pk
        self.take_down(user, "stories.withdraw")
        # The teller may always delete their own story, whatever their admin permissions.
        DeletePageAction(self, user=user).execute(skip_permission_checks=True)
        for image in images:
            image.delete_files()
            image.delete()
        PageLogEntry.objects.filter(page_id=page_id).update(label=gettext("Deleted story"), data={})
        forget_deleted_search_words()

    def hold_for_review(self):
        """Enough readers reported the story: take it down until a moderator decides. A review in
        progress is cancelled, so that the approval of what was sent before the reports cannot
        publish it; the teller may send it again."""
        self.cancel_review(None)
        self.take_down(None, "stories.auto_unpublish")
        StoryPage.objects.filter(pk=self.pk).update(on_hold=True)
        self.on_hold = True

    def release_hold(self, user):
        """A moderator kept the story: it goes back online if its latest revision was approved."""
        StoryPage.objects.filter(pk=self.pk).update(on_hold=False)
        self.on_hold = False
        if self.latest_revision_is_approved() and self.may_go_online():
            self.get_latest_revision().publish(user=user, log_action=True)

    # --- Serving --------------------------------------------------------------------------

    @property
    def is_publicly_listed(self):
        consent = self.story_consent
        return consent is not None and consent.allows_publication

    @classmethod
    def unlisted_pages(cls):
        """The live stories that `is_publicly_listed` refuses, as a query (site search leaves them out)."""
        return cls.objects.live().exclude(pk__in=cls.objects.consented().values("pk"))

    # What a story in a list of mixed pages (search results) reads: its consent decides its language.
    listing_prefetch = ("consent",)

    def serve(self, request, *args, **kwargs):
        if not self.is_publicly_listed:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .forms import ContentReportForm

        context = super().get_context(request, *args, **kwargs)
        context["report_form"] = ContentReportForm()
        context["show_body"] = not self.content_notes or request.GET.get("continue") == "1"
        context["reported"] = request.GET.get("reported") == "1"
        return context


def end_hold_when_published(sender, instance, **kwargs):
    """A moderator who publishes a held story (or approves the teller's new version of it) has
    decided, as releasing the hold does: a story online is never "on hold" on its teller's page or in
    the moderators' queue."""
    if instance.on_hold:
        StoryPage.objects.filter(pk=instance.pk).update(on_hold=False)
        instance.on_hold = False


def purge_when_unpublished(sender, instance, **kwargs):
    """However a story leaves the site (the teller, a moderator's "Unpublish", an expiry), no cache
    keeps a page that lists it."""
    instance.purge_caches()


def forget_deleted_search_words():
    """SQLite's full-text index (FTS5) keeps the words of deleted rows in its segments until they are
    merged; merge them now so a deleted story's words are gone from every table of the index."""
    from django.db import connection
    from wagtail.search.models import IndexEntry

    if connection.vendor != "sqlite":
        return  # PostgreSQL keeps the search vector in the index row itself, deleted with it.
    table = f"{IndexEntry._meta.db_table}_fts"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [table])
        if cursor.fetchone():
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


class StoryConsent(models.Model):
    """What the teller agrees to, scope by scope. Any scope can be withdrawn at any time."""

    story = models.OneToOneField(StoryPage, verbose_name=_("story"), on_delete=models.CASCADE, related_name="consent")
    publish = models.BooleanField(_("publish on this site"), default=False)
    translate = models.BooleanField(_("translate into other languages"), default=False)
    quote = models.BooleanField(_("quote in IJM and GSN materials"), default=False)
    images = models.BooleanField(_("use my images"), default=False)
    given_on = models.DateField(_("consent given on"), default=timezone.localdate)
    expires_on = models.DateField(_("consent expires on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    SCOPES = ("publish", "translate", "quote", "images")
    # What a teller reads: the two organisations named in full, not by their initials.
    QUOTE_LABEL = _("quoted by International Justice Mission (IJM) and the Global Survivor Network (GSN)")

    class Meta:
        verbose_name = _("story consent")
        verbose_name_plural = _("story consents")

    def __str__(self):
        return str(self.story)

    @property
    def allows_publication(self):
        return self.publish and (self.expires_on is None or self.expires_on >= timezone.localdate())

    @property
    def scopes(self):
        return [scope for scope in self.SCOPES if getattr(self, scope)]

    @property
    def scope_labels(self):
        return [
            str(self.QUOTE_LABEL if scope == "quote" else self._meta.get_field(scope).verbose_name)
            for scope in self.scopes
        ]


class AuthorNote(models.Model):
    """A note from a moderator to the teller, shown on their dashboard."""

    story = models.ForeignKey(StoryPage, verbose_name=_("story"), on_delete=models.CASCADE, related_name="author_notes")
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("note to the author")
        verbose_name_plural = _("notes to authors")

    def __str__(self):
        return self.text[:60]


class ReportReason(models.TextChoices):
    IDENTITY_RISK = "identity_risk", _("It could identify or endanger someone")
    HARMFUL = "harmful", _("It is harmful or abusive")
    FALSE = "false", _("It is false")
    SPAM = "spam", _("It is spam")
    OTHER = "other", _("Something else")


class ContentReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ContentReport.Status.OPEN)

    def file(self, story, reason, note, reporter_key):
        """Record a reader's report. Returns True when it took the story down for a moderator to decide:
        STORY_REPORTS_AUTO_UNPUBLISH different readers have open reports on it."""
        report = self.create(story=story, reason=reason, note=note, reporter_key=reporter_key)
        log(instance=report, action="stories.report.received", user=None)
        open_reporters = story.reports.open().values("reporter_key").distinct().count()
        if open_reporters < settings.STORY_REPORTS_AUTO_UNPUBLISH:
            return False
        story.hold_for_review()
        return True

    def by_priority(self):
        """Reports that say a story could identify or endanger someone come first."""
        return self.annotate(
            open_first=Case(
                When(status=ContentReport.Status.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
            priority=Case(
                When(reason=ReportReason.IDENTITY_RISK, then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        ).order_by("open_first", "priority", "-created_at")


class ContentReport(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DISMISSED = "dismissed", _("Dismissed")
        ACTIONED = "actioned", _("Actioned")

    story = models.ForeignKey(StoryPage, verbose_name=_("story"), on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    # A keyed hash that tells reporters apart without storing who they are.
    reporter_key = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    objects = ContentReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.story.title}"

    def save(self, *args, **kwargs):
        self.note = plain_text(self.note)
        super().save(*args, **kwargs)
