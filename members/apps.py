from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from allauth.account.signals import password_changed, password_reset
        from allauth.mfa.signals import authenticator_added

        from .middleware import remember_second_factor_set_up
        from .models import clear_temporary_password

        authenticator_added.connect(remember_second_factor_set_up, dispatch_uid="admin_second_factor_set_up")
        # Whichever way the member chose their own password, the temporary one is over.
        password_changed.connect(clear_temporary_password, dispatch_uid="members.clear_temporary_password.changed")
        password_reset.connect(clear_temporary_password, dispatch_uid="members.clear_temporary_password.reset")


class UsersAdminConfig(wagtail_users.WagtailUsersAppConfig):
    """Wagtail's user screens, with the account forms members need (settings: INSTALLED_APPS)."""

    default = False
    user_viewset = "members.viewsets.AccountViewSet"
