from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from members.models import EnrolmentCode, may_use_admin


class Command(BaseCommand):
    help = (
        "Issue a one-time enrolment code with which a staff account sets up its first authenticator app "
        "(the first administrator, CI, a demo). Hand it over on paper or by phone; it replaces any unused one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account is called {username}.")
        if not may_use_admin(user):
            raise CommandError(f"{username} cannot open the administration: members need no enrolment code.")
        enrolment, code = EnrolmentCode.objects.issue(user)
        expiry = timezone.localtime(enrolment.expires_at).strftime("%Y-%m-%d %H:%M %Z")
        self.stdout.write(f"Enrolment code: {code} (for {username}, usable once, until {expiry})")
