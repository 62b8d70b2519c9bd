from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from programs.models import Program

from .admin_views import AccessLogViewSet, ResponseViewSet, admin_urlpatterns
from .models import ProgramReply
from .panels import FeedbackLinkPanel, SurveyChoicePanel
from .replies import ProgramReplyPermissionPolicy, ProgramReplyViewSet, SurvivorLeadersViewViewSet

register_permission_policy(ProgramReply, ProgramReplyPermissionPolicy(ProgramReply))
register_snippet(ProgramReplyViewSet)
register_snippet(SurvivorLeadersViewViewSet)


@hooks.register("register_program_panels")
def program_feedback_link_panels():
    """The survey a program's feedback link opens, with the link and its QR codes, on the program's screen."""
    return [
        MultiFieldPanel(
            [
                SurveyChoicePanel(
                    "feedback_links",
                    max_num=1,
                    heading=_("Survey"),
                    label=_("Survey for this program"),
                    help_text=_("Without one, the feedback link opens the first live survey."),
                ),
                FeedbackLinkPanel(),
            ],
            heading=_("Feedback link"),
        )
    ]


@hooks.register("register_admin_viewset")
def register_feedback_viewsets():
    return [ResponseViewSet("feedback_responses"), AccessLogViewSet("feedback_access_log")]


@hooks.register("register_admin_urls")
def register_feedback_admin_urls():
    return [path("feedback/", include((admin_urlpatterns, "feedback_admin")))]


class FeedbackMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        permissions = self.permission if isinstance(self.permission, tuple) else (self.permission,)
        return any(request.user.has_perm(permission) for permission in permissions)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return FeedbackMenuItem(
        _("Feedback report"),
        reverse("feedback_admin:report"),
        icon_name="table",
        order=251,
        permission=("feedback.view_feedbackresponse", "feedback.review_program_answers"),
    )


@hooks.register("register_admin_menu_item")
def register_assisted_entry_menu_item():
    return FeedbackMenuItem(
        _("Enter paper feedback"),
        reverse("feedback_admin:assisted_entry"),
        icon_name="form",
        order=252,
        permission="feedback.add_feedbackresponse",
    )


class AccountabilityPanel(Component):
    """For survivor leaders and administrators: each program's answers to the last closed quarters."""

    name = "answers-accountability"
    order = 141
    template_name = "feedback/admin/accountability_panel.html"
    shown_quarters = 4

    def get_context_data(self, parent_context):
        from .accountability import program_accountability

        programs = []
        for program in Program.objects.active():
            figures = program_accountability(program)
            programs.append({**figures, "rows": figures["rows"][: self.shown_quarters]})
        return {"programs": programs, "answers_url": reverse("wagtailsnippets_feedback_programreply:list")}


@hooks.register("construct_homepage_panels")
def add_accountability_panel(request, panels):
    if request.user.is_superuser or request.user.has_perm("feedback.review_program_answers"):
        panels.append(AccountabilityPanel())
