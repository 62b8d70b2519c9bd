from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from gsn_site.admin_scoping import listed_for
from gsn_site.admin_viewsets import ListedChooserViewSet

from .models import Program

# Apps that keep their own records about a program (the survey its feedback link opens, say) add
# panels to the program's edit screen through this hook, so one screen edits a program whole while
# this app knows nothing of them. Each hook function returns a list of panels.
PROGRAM_PANELS_HOOK = "register_program_panels"


def _active_listed(view):
    return listed_for(view.request, Program).active()


class ProgramChooserViewSet(ListedChooserViewSet):
    """The program chooser (on a program answer, say) offers only the active programs the user may
    see: program staff their own, reviewers and administrators every one (the listing's queryset)."""

    choose_view_class = type(
        "ChooseView", (ListedChooserViewSet.choose_view_class,), {"get_object_list": _active_listed}
    )
    choose_results_view_class = type(
        "ChooseResultsView",
        (ListedChooserViewSet.choose_results_view_class,),
        {"get_object_list": _active_listed},
    )
    chosen_view_class = type(
        "ChosenView", (ListedChooserViewSet.chosen_view_class,), {"get_object_list": _active_listed}
    )


class ProgramViewSet(SnippetViewSet):
    model = Program
    icon = "group"
    menu_label = _("Programs")
    list_display = ["name", "code", "organisation", "country", "active", "missing_languages_text"]
    list_filter = ["active", "country"]
    chooser_viewset_class = ProgramChooserViewSet

    panels = [
        MultiFieldPanel(
            [FieldPanel("code"), FieldPanel("name"), FieldPanel("description"), FieldPanel("keyword")],
            heading=_("Program"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("country"),
                FieldPanel("casework_types"),
                FieldPanel("helpline"),
                FieldPanel("active"),
            ],
            heading=_("Details"),
        ),
        MultiFieldPanel(
            [FieldPanel("staff"), FieldPanel("staff_may_read_free_text"), FieldPanel("publish_impact")],
            heading=_("Access"),
        ),
    ]

    def get_edit_handler(self):
        panels = list(self.panels)
        for contributed_panels in hooks.get_hooks(PROGRAM_PANELS_HOOK):
            panels.extend(contributed_panels())
        return ObjectList(panels).bind_to_model(self.model)

    def get_queryset(self, request):
        return Program.objects.visible_to(request.user)


register_snippet(ProgramViewSet)
