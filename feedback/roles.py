"""The two feedback roles as Django groups. Program scoping itself is Program.objects.visible_to."""

from django.apps import apps as global_apps

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
        ("feedback", "view_all_programs"),
        ("feedback", "view_program"),
        ("feedback", "view_feedbackresponse"),
        ("feedback", "add_feedbackresponse"),
        ("feedback", "change_feedbackresponse"),
    ],
}


def ensure_feedback_groups(apps=global_apps):
    """Create the groups with their permissions; running it again changes nothing."""
    if apps is not global_apps:
        _create_permissions_in_migration(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {}
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        groups[name] = group
    return groups


def _create_permissions_in_migration(apps):
    """Permissions are normally created after `migrate`; a data migration needs them earlier.

    Only here: create_permissions clears the content type cache, which must not happen at run time.
    """
    from django.contrib.auth.management import create_permissions

    # wagtailadmin.access_admin is created by wagtailadmin's own migration.
    app_config = apps.get_app_config("feedback")
    # In a migration the app config is a stub without models_module, which create_permissions skips.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
