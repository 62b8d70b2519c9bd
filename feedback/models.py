import datetime
import hashlib
import json
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, Page, RevisionMixin, WorkflowMixin

from gsn_site.middleware import LANGUAGE_PREFIX
from gsn_site.pages import SitePage
from gsn_site.sanitize import likely_names_and_places, redact_personal_data, redact_spans
from programs.models import Program, sees_every_program
from programs.outcome_domains import OutcomeDomainCode
from reporting.keys import new_record_key
from reporting.models import ReportingPeriod
from reporting.periods import PeriodKind

from .receipts import receipt_hash_candidates


class QuestionType(models.TextChoices):
    LIKERT = "likert", _("Agree or disagree (5 steps)")
    YES_NO_UNSURE = "yes_no_unsure", _("Yes, no or not sure")
    SINGLE_CHOICE = "single_choice", _("One choice from a list")
    MULTIPLE_CHOICE = "multiple_choice", _("Several choices from a list")
    SCALE = "scale_0_10", _("Scale from 0 to 10")
    FREE_TEXT = "free_text", _("Free text")


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    ASSISTED = "assisted", _("Assisted by staff")
    PAPER = "paper", _("Paper form")
    SMS = "sms", _("Text message (SMS)")
    USSD = "ussd", _("USSD menu")
    WHATSAPP = "whatsapp", _("WhatsApp")


class ReviewStatus(models.TextChoices):
    NEW = "new", _("Not reviewed")
    REVIEWED = "reviewed", _("Reviewed")
    FLAGGED = "flagged", _("Flagged for follow-up")


class FeedbackSurvey(SitePage):
    """An anonymous feedback survey. Its questions are versioned so that old answers stay readable."""

    intro = models.TextField(
        _("opening words"),
        blank=True,
        help_text=_("Shown on the opening screen, before the questions, in plain language."),
    )
    thank_you = models.TextField(_("thank-you words"), blank=True)
    accepting_responses = models.BooleanField(
        _("open for responses"), default=True, help_text=_("A closed survey shows a notice instead of the questions.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("accepting_responses"),
        InlinePanel("questions", heading=_("Questions"), label=_("question")),
        FieldPanel("thank_you"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("feedback survey")
        verbose_name_plural = _("feedback surveys")

    @property
    def is_open(self):
        return self.live and self.accepting_responses

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = self.programs_for_picker()
        return context

    def serve(self, request, *args, **kwargs):
        # One program picker for the whole site: the survey's own page sends visitors to it.
        return redirect("feedback:picker")

    def programs_for_picker(self):
        """Active programs whose feedback link opens this survey."""
        programs = Program.objects.active()
        if FeedbackSurvey.objects.live().first() == self:
            return programs.filter(
                models.Q(feedback_links__survey=self) | models.Q(feedback_links__survey__isnull=True)
            ).distinct()
        return programs.filter(feedback_links__survey=self)

    def question_snapshot(self):
        """Everything needed to show and read answers to the current questions, in every language."""
        return [question.snapshot() for question in self.questions.all()]

    def current_version(self):
        """The version matching the current questions, created the first time it is needed."""
        snapshot = self.question_snapshot()
        fingerprint = hashlib.sha256(json.dumps(snapshot, sort_keys=True).encode()).hexdigest()
        version = self.versions.filter(fingerprint=fingerprint).first()
        if version:
            return version
        try:
            with transaction.atomic():
                number = (self.versions.aggregate(models.Max("number"))["number__max"] or 0) + 1
                return self.versions.create(number=number, fingerprint=fingerprint, questions=snapshot)
        except IntegrityError:
            # Another request created it at the same moment.
            return self.versions.get(fingerprint=fingerprint)


class FeedbackLink(models.Model):
    """Which survey a program's feedback link opens. A program without one opens the first live survey.

    Edited on the program's own screen (see wagtail_hooks), so the program itself knows no survey.
    """

    program = ParentalKey(Program, on_delete=models.CASCADE, related_name="feedback_links")
    survey = models.ForeignKey(
        FeedbackSurvey,
        verbose_name=_("survey"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="program_links",
        help_text=_("The survey this program's feedback link opens. Empty: the first live survey."),
    )

    panels = [FieldPanel("survey")]

    class Meta:
        verbose_name = _("feedback link")
        verbose_name_plural = _("feedback links")
        constraints = [models.UniqueConstraint(fields=["program"], name="one_feedback_link_per_program")]

    def __str__(self):
        return str(self.survey or _("The first live survey"))

    def clean(self):
        if self.survey_id and not self.survey.live:
            raise ValidationError(
                {
                    "survey": _(
                        "Choose a published survey. A draft cannot take answers: the link would tell survivors it is closed."
                    )
                }
            )


def program_survey(program):
    """The live survey that `program`'s feedback link opens, or None."""
    link = next(iter(program.feedback_links.all()), None)
    if link and link.survey_id:
        return link.survey if link.survey.live else None
    return FeedbackSurvey.objects.live().first()


def feedback_path(program):
    """The language-neutral path of a program's feedback link: the visitor's browser picks the language."""
    return LANGUAGE_PREFIX.sub("/", reverse("feedback:program", kwargs={"code": program.code}), count=1)


def feedback_url(program):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + feedback_path(program)


class SurveyQuestion(Orderable):
    page = ParentalKey(FeedbackSurvey, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"),
        max_length=50,
        blank=True,
        help_text=_("Stays the same when the wording changes, so answers can be compared. Filled in automatically."),
    )
    question_type = models.CharField(
        _("type"), max_length=20, choices=QuestionType.choices, default=QuestionType.LIKERT
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    options = models.TextField(
        _("options"),
        blank=True,
        help_text=_("For choice questions: one option per line, in the same order in every language."),
    )
    domain = models.CharField(
        _("outcome domain"),
        max_length=40,
        choices=OutcomeDomainCode.choices,
        blank=True,
        help_text=_("Answers to a scale question in a domain are shown beside the outcome assessments."),
    )
    reverse_scored = models.BooleanField(
        _("reverse scored"),
        default=False,
        help_text=_('Tick when agreeing means things are worse (e.g. "I often feel afraid").'),
    )

    panels = [
        FieldPanel("question_type"),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("options"),
        FieldPanel("domain"),
        FieldPanel("reverse_scored"),
        FieldPanel("key"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = slugify(self.text_en or self.text)[:40] or "question"
            siblings = SurveyQuestion.objects.filter(page_id=self.page_id).exclude(pk=self.pk)
            base, number = self.key, 2
            while siblings.filter(key=self.key).exists():
                self.key, number = f"{base}-{number}", number + 1
        super().save(*args, **kwargs)

    def snapshot(self):
        languages = [code for code, _name in settings.LANGUAGES]
        option_lines = {code: _lines(getattr(self, f"options_{code}", "") or "") for code in languages}
        options = []
        for position, english in enumerate(option_lines[settings.LANGUAGE_CODE] or option_lines.get("en", [])):
            key = slugify(english)[:40] or str(position + 1)
            if any(option["key"] == key for option in options):
                key = f"{key}-{position + 1}"
            labels = {code: lines[position] for code, lines in option_lines.items() if len(lines) > position}
            options.append({"key": key, "label": labels})
        return {
            "key": self.key or slugify(self.text)[:40],
            "type": self.question_type,
            "text": _translations(self, "text", languages),
            "help": _translations(self, "help_text", languages),
            "options": options,
            "domain": self.domain or None,
            "reverse_scored": self.reverse_scored,
        }


def _lines(value):
    return [line.strip() for line in value.splitlines() if line.strip()]


def shown_language(instance, fields):
    """The language `fields` of `instance` are shown in: the reader's when all are translated into
    it, else English, which is required and is what modeltranslation falls back to."""
    current = get_language() or settings.LANGUAGE_CODE
    if all(getattr(instance, f"{field}_{current}", None) for field in fields):
        return current
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def _translations(instance, field, languages):
    return {code: value for code in languages if (value := getattr(instance, f"{field}_{code}", None))}


def localised(texts, language=None):
    """The text of a snapshot entry in `language`, falling back to English."""
    language = language or get_language() or settings.LANGUAGE_CODE
    return texts.get(language) or texts.get(settings.LANGUAGE_CODE) or next(iter(texts.values()), "")


class SurveyVersion(models.Model):
    """A frozen copy of a survey's questions; every response points to the version it answered."""

    survey = models.ForeignKey(
        FeedbackSurvey, on_delete=models.PROTECT, related_name="versions", verbose_name=_("survey")
    )
    number = models.PositiveIntegerField(_("version"))
    fingerprint = models.CharField(max_length=64, editable=False)
    questions = models.JSONField(_("questions"), default=list)
    created_on = models.DateField(_("created on"), default=datetime.date.today)

    class Meta:
        verbose_name = _("survey version")
        verbose_name_plural = _("survey versions")
        ordering = ["survey", "number"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="feedback_unique_survey_version_number"),
            models.UniqueConstraint(fields=["survey", "fingerprint"], name="feedback_unique_survey_version_questions"),
        ]

    def __str__(self):
        return _("%(survey)s, version %(number)s") % {"survey": self.survey.title, "number": self.number}

    def question(self, key):
        return next((question for question in self.questions if question["key"] == key), None)


def first_withdrawable_day(today=None):
    """Answers sent on this day or later can still be withdrawn with their receipt code."""
    return (today or datetime.date.today()) - datetime.timedelta(days=settings.FEEDBACK_WITHDRAWAL_DAYS)


class FeedbackResponseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Responses of the programs `user` may see (Program.objects.visible_to is the rule)."""
        return self.filter(program__in=Program.objects.visible_to(user))

    def withdrawable(self, receipt_code, today=None):
        """The responses `receipt_code` may still withdraw: none once FEEDBACK_WITHDRAWAL_DAYS have passed."""
        # Every key the receipt may have been made with: codes handed out before a key rotation still work.
        return self.filter(
            receipt_hash__in=receipt_hash_candidates(receipt_code), submitted_on__gte=first_withdrawable_day(today)
        )

    def withdraw(self, receipt_code, today=None):
        """Delete the responses `receipt_code` may withdraw, with all their answers. Returns how many went."""
        _total, deleted = self.withdrawable(receipt_code, today).delete()
        return deleted.get(FeedbackResponse._meta.label, 0)

    def past_withdrawal(self, today=None):
        """Responses whose receipt code no longer withdraws anything."""
        return self.filter(submitted_on__lt=first_withdrawable_day(today))

    def in_period(self, date_from=None, date_to=None):
        queryset = self
        if date_from:
            queryset = queryset.filter(submitted_on__gte=date_from)
        if date_to:
            queryset = queryset.filter(submitted_on__lte=date_to)
        return queryset


class FeedbackResponse(models.Model):
    """One anonymous response. Deliberately no IP address, user agent, account or time of day.

    The key is a random UUID: it says nothing about when a response arrived or how many came
    before it, so no URL, export or log line can be lined up with a visit.
    """

    # A record, not content: no admin usage screen lists it (it has no edit screen), and indexing
    # its links would write a row for every answer survivors send.
    wagtail_reference_index_ignore = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="responses", verbose_name=_("program"))
    survey_version = models.ForeignKey(
        SurveyVersion, on_delete=models.PROTECT, related_name="responses", verbose_name=_("survey version")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    submitted_on = models.DateField(_("date"), default=datetime.date.today)
    # The cell key method's secret record key (reporting.ptable): never shown, never exported.
    record_key = models.PositiveSmallIntegerField(default=new_record_key, editable=False)
    # A hash of the one-time token in the form: a resubmitted form cannot make a second response.
    submission_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A hash of the receipt code; cleared once the withdrawal period is over.
    receipt_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    review_status = models.CharField(
        _("review status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.NEW
    )
    is_sample = models.BooleanField(_("sample"), default=False)

    objects = FeedbackResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback response")
        verbose_name_plural = _("feedback responses")
        ordering = ["-submitted_on", "-pk"]

    def __str__(self):
        return _("Response %(reference)s") % {"reference": self.reference}

    @property
    def reference(self):
        """A pseudonymous reference: it reveals neither the order nor the number of responses."""
        from .receipts import pseudonym

        return pseudonym(self.pk)

    @property
    def survey(self):
        return self.survey_version.survey

    def free_text_readable_by(self, user):
        """Reviewers read written answers at once; program staff, where allowed, only once reviewed.

        Automatic redaction cannot catch names and places, so a reviewer reads each answer before
        staff who may know the person do.
        """
        if sees_every_program(user):
            return True
        return self.program.staff_may_read_free_text and self.review_status in (
            ReviewStatus.REVIEWED,
            ReviewStatus.FLAGGED,
        )

    def free_text_answers(self):
        return list(self.answers.filter(question_type=QuestionType.FREE_TEXT))

    def redact_free_text(self, texts, by):
        """Store a reviewer's edit of the written answers (`texts`: answer id to text), passed once more
        through the automatic redaction; an answer left empty is deleted. The access log records it."""
        for answer in self.free_text_answers():
            text = redact_personal_data(texts.get(answer.pk, answer.text))
            if text != answer.text:
                answer.text = text
                answer.save(update_fields=["text"])
        self.answers.filter(question_type=QuestionType.FREE_TEXT, text="").delete()
        self._record_redaction(by)

    def redact_highlighted(self, chosen_keys, by):
        """Replace the likely names and places a reviewer ticked (`chosen_keys`, from
        FeedbackAnswer.highlight_key) with [removed]. Only spans found again in the stored text can be
        chosen, so a forged key removes nothing. The access log records it."""
        for answer in self.free_text_answers():
            spans = [span for span in answer.likely_names_and_places() if answer.highlight_key(span) in chosen_keys]
            if spans:
                answer.text = redact_spans(answer.text, spans)
                answer.save(update_fields=["text"])
        self._record_redaction(by)

    def _record_redaction(self, user):
        AccessLogEntry.record(
            user, AccessLogEntry.Action.REDACT, program=self.program, object_reference=self.reference, record_count=1
        )

    def answers_for_display(self, language=None, include_free_text=True):
        """(question text, answer text, answer) in the order of the survey version.

        Without `include_free_text` a written answer's text is None: it never leaves the model.
        """
        order = {question["key"]: position for position, question in enumerate(self.survey_version.questions)}
        # Ticked options in the order the question lists them (answer keys are random).
        options = {
            (question["key"], option["key"]): position
            for question in self.survey_version.questions
            for position, option in enumerate(question.get("options", []))
        }
        rows = []
        for answer in sorted(
            self.answers.all(),
            key=lambda a: (order.get(a.question_key, 999), options.get((a.question_key, a.choice), 999), a.text),
        ):
            question = self.survey_version.question(answer.question_key) or {"text": {}, "options": []}
            hidden = answer.question_type == QuestionType.FREE_TEXT and not include_free_text
            value = None if hidden else answer.display_value(question, language)
            rows.append((localised(question["text"], language) or answer.question_key, value, answer))
        return rows


class FeedbackAnswer(models.Model):
    """One answer. A multiple-choice question has one row per option ticked.

    The question's type, domain and scoring direction are copied from the survey version so that
    reports can be computed by the database. The key is a random UUID, as a response's is: the
    review screens name answers by it, and it must not show the order in which they arrived.
    """

    # Part of a response, never content other screens point at (see FeedbackResponse).
    wagtail_reference_index_ignore = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        FeedbackResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question_key = models.SlugField(_("question"), max_length=50)
    question_type = models.CharField(_("type"), max_length=20, choices=QuestionType.choices)
    domain = models.CharField(_("outcome domain"), max_length=40, choices=OutcomeDomainCode.choices, blank=True)
    reverse_scored = models.BooleanField(_("reverse scored"), default=False)
    number = models.SmallIntegerField(_("number"), null=True, blank=True)
    choice = models.CharField(_("choice"), max_length=50, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question_key", "question_type"])]

    def __str__(self):
        return f"{self.question_key}: {self.number if self.number is not None else self.choice}"

    def likely_names_and_places(self):
        """(start, end) spans of the text a reviewer should look at before staff read it."""
        return likely_names_and_places(self.text)

    def highlight_key(self, span):
        """Names one highlighted span of this answer in the review form."""
        return f"{self.pk}-{span[0]}-{span[1]}"

    def display_value(self, question, language=None):
        from .questions import number_label

        if self.question_type == QuestionType.FREE_TEXT:
            return self.text
        if self.choice:
            option = next((option for option in question.get("options", []) if option["key"] == self.choice), None)
            return localised(option["label"], language) if option else self.choice
        return number_label(self.question_type, self.number)


class AccessLogEntry(models.Model):
    """Who looked at or exported feedback response records, and when (read by administrators)."""

    # A record, not content: usage screens must not list it (it has no edit screen).
    wagtail_reference_index_ignore = True

    class Action(models.TextChoices):
        LIST = "list", _("Viewed the list of responses")
        DETAIL = "detail", _("Viewed a response")
        EDIT = "edit", _("Changed a response")
        REDACT = "redact", _("Redacted a response")
        ASSISTED_ENTRY = "assisted", _("Entered a paper or assisted response")
        REPORT = "report", _("Viewed an aggregate report")
        EXPORT_REPORT = "export_report", _("Exported an aggregate report")
        EXPORT_RECORDS = "export_records", _("Exported response records")
        DELETE = "delete", _("Deleted a response")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("user")
    )
    username = models.CharField(_("username"), max_length=150)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("program")
    )
    object_reference = models.CharField(_("record"), max_length=100, blank=True)
    record_count = models.PositiveIntegerField(_("records"), default=0)
    timestamp = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("feedback access log entry")
        verbose_name_plural = _("feedback access log")
        ordering = ["-timestamp", "-pk"]

    def __str__(self):
        return f"{self.username} · {self.get_action_display()} · {self.timestamp:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, user, action, program=None, object_reference="", record_count=0):
        return cls.objects.create(
            user=user,
            username=user.get_username(),
            action=action,
            program=program,
            object_reference=object_reference,
            record_count=record_count,
        )


class ProgramReplyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Answers of the programs `user` may see (Program.objects.visible_to is the rule)."""
        return self.filter(program__in=Program.objects.visible_to(user))

    def published(self):
        """Answers the survivor leaders approved: their row holds the published text."""
        return self.filter(live=True).select_related("period", "program")

    def latest_for(self, program):
        return self.published().filter(program=program).order_by("-period__end", "-period__start").first()


class ProgramReply(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A program's answer to what survivors said in one closed period: "You said / We did / Next".

    Written by program staff beside the period's disclosure-controlled figures, reviewed by the
    survivor leaders in a workflow, and shown on the program's feedback page once published.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="replies", verbose_name=_("program"))
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="program_replies",
        verbose_name=_("reporting period"),
        help_text=_("A quarter that has ended."),
    )
    you_said = models.TextField(
        _("you said"),
        help_text=_(
            "A few short lines, one a line, on what survivors said, drawn from the figures shown beside this form. No quotes."
        ),
    )
    we_did = models.TextField(_("we did"), help_text=_("A few short lines, one a line, on what the program changed."))
    next_steps = models.TextField(_("what comes next"), blank=True, help_text=_("A few short lines, one a line."))
    next_step_due = models.DateField(
        _("next step due by"), null=True, blank=True, help_text=_("When the next step will be done.")
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="program_reply",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="program_reply",
        for_concrete_model=False,
    )

    objects = ProgramReplyQuerySet.as_manager()

    class Meta:
        verbose_name = _("program answer")
        verbose_name_plural = _("program answers")
        ordering = ["-period__start", "program__name"]
        permissions = [
            (
                "review_program_answers",
                _("Can review every program's answers and read every program's aggregate reports"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "period"],
                name="feedback_one_answer_per_program_and_period",
                violation_error_message=_(
                    "This program already has an answer for this period. Edit that answer instead."
                ),
            )
        ]

    def __str__(self):
        return f"{self.program.name} · {self.period.name}"

    def clean(self):
        super().clean()
        if self.period_id and self.period.kind != PeriodKind.QUARTER:
            raise ValidationError({"period": _("Programs answer per quarter: choose a quarter.")})
        if self.period_id and not self.period.is_closed():
            raise ValidationError({"period": _("Answer a period only after it has ended.")})

    def lines(self, field):
        return _lines(getattr(self, field) or "")

    def you_said_lines(self):
        return self.lines("you_said")

    def we_did_lines(self):
        return self.lines("we_did")

    def next_steps_lines(self):
        return self.lines("next_steps")

    @property
    def content_language(self):
        return shown_language(self, ("you_said", "we_did"))

    @property
    def is_translation_fallback(self):
        return self.content_language != (get_language() or settings.LANGUAGE_CODE)

    def survivor_leaders_view(self):
        """The published survivor leaders' view on this program's period, else on the whole period."""
        views = SurvivorLeadersView.objects.filter(period=self.period_id, published=True)
        return views.filter(program=self.program_id).first() or views.filter(program__isnull=True).first()


class SurvivorLeadersView(models.Model):
    """The survivor leaders' own words on a period, shown beside the program's answer."""

    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="survivor_leaders_views",
        verbose_name=_("reporting period"),
    )
    program = models.ForeignKey(
        Program,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survivor_leaders_views",
        verbose_name=_("program"),
        help_text=_("Empty: the view is about every program in this period."),
    )
    text = models.TextField(_("survivor leaders' view"), help_text=_("A few short lines, one a line."))
    published = models.BooleanField(_("published"), default=False)
    updated_on = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("survivor leaders' view")
        verbose_name_plural = _("survivor leaders' views")
        ordering = ["-period__start"]

    def __str__(self):
        return f"{self.period.name} · {self.program.name if self.program_id else _('every program')}"

    def lines(self):
        return _lines(self.text or "")

    @property
    def content_language(self):
        return shown_language(self, ("text",))


class AnswerDueNotice(models.Model):
    """That program staff were told an answer to this period is due: each is sent once."""

    # Bookkeeping, not content (see AccessLogEntry).
    wagtail_reference_index_ignore = True

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+", verbose_name=_("program"))
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="+", verbose_name=_("reporting period")
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("answer due notice")
        verbose_name_plural = _("answer due notices")
        constraints = [
            models.UniqueConstraint(fields=["program", "period"], name="feedback_one_due_notice_per_program_and_period")
        ]

    def __str__(self):
        return f"{self.program.name} · {self.period.name}"
