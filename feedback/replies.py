"""Program answers in the admin: who may see and edit which answer, and the snippet screens."""

import functools

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from gsn_site.admin_viewsets import PermissionCheckedChooserViewSet
from gsn_site.ids import parse_pk
from programs.models import Program
from reporting.models import ReportingPeriod

from .accountability import ANSWER_PERIOD_KIND
from .models import ProgramReply, SurvivorLeadersView
from .panels import PeriodFiguresPanel

TRANSLATED_FIELDS = ("you_said", "we_did", "next_steps")
REVIEW_ALL_ANSWERS = "feedback.review_program_answers"


def answer_programs(user):
    """Programs whose answers `user` may open: survivor leaders review every program's answer."""
    if user.has_perm(REVIEW_ALL_ANSWERS):
        return Program.objects.all()
    return Program.objects.visible_to(user)


class ProgramReplyPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, and then only for answers of the user's own programs."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and answer_programs(user).filter(pk=instance.program_id).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, actions).filter(program__in=answer_programs(user))


class ProgramReplyForm(WagtailAdminModelForm):
    """Staff choose among their own programs and the periods that have ended."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "program" in self.fields and self.for_user is not None:
            self.fields["program"].queryset = answer_programs(self.for_user)
        if "period" in self.fields:
            # The quarters that ended recently are always there to choose.
            for label in ReportingPeriod.objects.recent_closed_labels(months=0, quarters=4, years=0):
                ReportingPeriod.objects.named(label)
            self.fields["period"].queryset = ReportingPeriod.objects.closed().filter(kind=ANSWER_PERIOD_KIND)
        for field in ("you_said", "we_did"):
            name = f"{field}_{settings.LANGUAGE_CODE}"
            if name in self.fields:
                self.fields[name].required = True
        if self.instance.pk is None and {"program", "period"} <= set(self.fields):
            self._offer_only_what_is_left()
        elif self.instance.pk is not None and self.for_user is not None and not self._words_are_the_users():
            # Survivor leaders review every program's answer, and approve it from its screen; the
            # words stay the program's: every field shows, none takes what is posted.
            for field in self.fields.values():
                field.disabled = True

    def _words_are_the_users(self):
        return Program.objects.visible_to(self.for_user).filter(pk=self.instance.program_id).exists()

    def _offer_only_what_is_left(self):
        """Staff of one program find it chosen, and only the quarters it has not answered yet."""
        programs = list(self.fields["program"].queryset[:2])
        if len(programs) != 1:
            return
        self.fields["program"].initial = programs[0].pk
        if not self.is_bound:
            # Only when offering: a quarter answered since (an old tab) is refused in clean(), with a
            # link to the answer, not as "not one of the available choices".
            answered = ProgramReply.objects.filter(program=programs[0]).values("period")
            self.fields["period"].queryset = self.fields["period"].queryset.exclude(pk__in=answered)
            if not self.fields["period"].queryset.exists():
                self.fields["period"].help_text = _(
                    "Every quarter that has ended already has an answer from this program. To change one, open it from the list of answers."
                )

    def clean(self):
        cleaned = super().clean()
        program, period = cleaned.get("program"), cleaned.get("period")
        if program is not None and period is not None:
            existing = ProgramReply.objects.filter(program=program, period=period).exclude(pk=self.instance.pk).first()
            if existing is not None:
                # Where the answer already is, rather than a second one for the same quarter.
                self.add_error(
                    "period",
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("This program already has an answer for this period. Edit that answer instead."),
                        reverse("wagtailsnippets_feedback_programreply:edit", args=[existing.pk]),
                        _("Open that answer"),
                    ),
                )
        return cleaned


def scoped_to_answer_programs(view):
    """Every screen about one answer (edit, history, revisions, workflow actions, delete…) answers
    404 for an answer of a program the user does not work with: one check for all of them."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if "pk" in kwargs:
            pk = parse_pk(ProgramReply, unquote(str(kwargs["pk"])))
            if pk is None or not ProgramReply.objects.filter(pk=pk, program__in=answer_programs(request.user)).exists():
                raise Http404
        return view(request, *args, **kwargs)

    return wrapper


class WithHeading:
    """Wagtail's snippet add and edit screens render their (screen-reader) h1 only from a `title`
    their view does not give: name the screen, so that it has a heading like every other."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        subtitle = self.get_page_subtitle()
        context.setdefault("title", f"{self.get_page_title()}: {subtitle}" if subtitle else self.get_page_title())
        return context


class ReplyCreateView(WithHeading, CreateView):
    pass


class ReplyEditView(WithHeading, EditView):
    pass


class ProgramReplyViewSet(SnippetViewSet):
    model = ProgramReply
    add_view_class = ReplyCreateView
    edit_view_class = ReplyEditView
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "comment"
    menu_label = _("Answers to survivors")
    menu_order = 253
    add_to_admin_menu = True
    list_display = ["program", "period", "next_step_due", "live"]
    list_filter = ["live"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel([FieldPanel("program"), FieldPanel("period")], heading=_("Program and period")),
            PeriodFiguresPanel(),
            *[
                MultiFieldPanel(
                    [FieldPanel(f"{field}_{code}") for field in TRANSLATED_FIELDS],
                    heading=format_lazy(_("Answer in {language}"), language=name),
                    classname="" if code == settings.LANGUAGE_CODE else "collapsed",
                )
                for code, name in settings.LANGUAGES
            ],
            FieldPanel("next_step_due"),
        ],
        base_form_class=ProgramReplyForm,
    )

    def get_queryset(self, request):
        return ProgramReply.objects.filter(program__in=answer_programs(request.user))

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = scoped_to_answer_programs(pattern.callback)
        return patterns


class SurvivorLeadersViewForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[f"text_{settings.LANGUAGE_CODE}"].required = True
        self.fields["period"].queryset = ReportingPeriod.objects.closed().filter(kind=ANSWER_PERIOD_KIND)


class SurvivorLeadersViewViewSet(SnippetViewSet):
    model = SurvivorLeadersView
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "openquote"
    menu_label = _("Survivor leaders' views")
    menu_order = 254
    add_to_admin_menu = True
    list_display = ["period", "program", "published"]
    list_filter = ["published"]
    edit_handler = ObjectList(
        [
            FieldPanel("period"),
            FieldPanel("program"),
            MultiFieldPanel(
                [FieldPanel(f"text_{code}") for code, _name in settings.LANGUAGES], heading=_("Survivor leaders' view")
            ),
            FieldPanel("published"),
        ],
        base_form_class=SurvivorLeadersViewForm,
    )
