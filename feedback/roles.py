"""The two feedback roles as Django groups. Program scoping itself is Program.objects.visible_to."""

from django.contrib.auth.models import Group, Permission

PROGRAM_STAFF = "Program staff"
FEEDBACK_REVIEWERS = "Feedback reviewers"
# Members of the network's leadership: review program answers, read every program's aggregates,
# never a response. Created with its permissions and review workflow by migration 0009.
SURVIVOR_LEADERS = "Survivor leaders"

GROUP_PERMISSIONS = {
    # Their own programs only: responses (without free text unless allowed), reports, paper entry.
    PROGRAM_STAFF: [
        ("wagtailadmin", "access_admin"),
        ("feedback", "view_feedbackresponse"),
        ("feedback", "add_feedbackresponse"),
    ],
    # Moderators who review and redact feedback across every program.
    FEEDBACK_REVIEWERS: [
        ("wagtailadmin", "access_admin"),
        ("programs", "view_all_programs"),
        ("programs", "view_program"),
        ("feedback", "view_feedbackresponse"),
        ("feedback", "add_feedbackresponse"),
        ("feedback", "change_feedbackresponse"),
    ],
}


def ensure_feedback_groups():
    """Create the groups with their permissions; running it again changes nothing."""
    groups = {}
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        groups[name] = group
    return groups
