"""The signup form: open only to people holding a valid invitation code."""

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.forms import SignupForm
from allauth.core import context, ratelimit
from allauth.mfa.totp.forms import ActivateTOTPForm
from allauth.mfa.utils import is_mfa_enabled
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from gsn_site.forms import HoneypotMixin, IdChoiceField
from gsn_site.sanitize import plain_text
from home.models import ChapterPage

from .models import EnrolmentCode, InvitationCode, MemberProfile, may_use_admin


class InvitationSignupForm(HoneypotMixin, SignupForm):
    """allauth's signup form, open only to people holding a valid invitation code."""

    invitation_code = forms.CharField(
        label=_("Invitation code"),
        max_length=40,
        help_text=_("For example K7M2-9QXD. Capitals, small letters, spaces and dashes are all fine."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=60,
        help_text=_("The name shown with your stories. Do not use your real name."),
    )
    chapter = IdChoiceField(
        label=_("Chapter"), queryset=ChapterPage.objects.none(), required=False, empty_label=_("No chapter")
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    field_order = [
        "invitation_code",
        "username",
        "pseudonym",
        "email",
        "password1",
        "password2",
        "chapter",
        "preferred_language",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chapter"].queryset = ChapterPage.objects.live().public().order_by("title")
        # Someone reading the page in Swahili most likely wants the site in Swahili.
        self.fields["preferred_language"].initial = get_language()
        if "email" in self.fields:
            # allauth's label already says "(optional)", and so does every optional field on our pages.
            self.fields["email"].label = _("Email")
            self.fields["email"].help_text = _(
                "Optional. Without an email address you cannot reset your password yourself: "
                "a moderator of your chapter can reset it for you."
            )
        self.order_fields(self.field_order)

    def full_clean(self):
        super().full_clean()
        # A wrong code says only that: nothing about usernames that exist, nothing about passwords.
        if self.is_bound and "invitation_code" in self._errors:
            self._errors = ErrorDict({"invitation_code": self._errors["invitation_code"]})
            self.cleaned_data = {}

    def clean_invitation_code(self):
        invitation = InvitationCode.objects.usable().matching(self.cleaned_data["invitation_code"]).first()
        if invitation is None:
            raise forms.ValidationError(
                _("This invitation code is not valid. It may have expired or been used already.")
            )
        return invitation.code

    def clean_pseudonym(self):
        pseudonym = plain_text(self.cleaned_data["pseudonym"])
        if not pseudonym:
            raise forms.ValidationError(_("Please choose a pseudonym."))
        if pseudonym.casefold() == (self.cleaned_data.get("username") or "").casefold():
            raise forms.ValidationError(_("Your pseudonym must be different from your username."))
        return pseudonym

    def save(self, request):
        with transaction.atomic():
            invitation = (
                InvitationCode.objects.usable()
                .select_for_update()
                .filter(code=self.cleaned_data["invitation_code"])
                .first()
            )
            if invitation is None:
                # Used by someone else between validation and saving.
                raise PermissionDenied
            user = super().save(request)
            invitation.used_at = timezone.now()
            invitation.used_by = user
            invitation.save(update_fields=["used_at", "used_by"])
            MemberProfile.objects.create(
                user=user,
                pseudonym=self.cleaned_data["pseudonym"],
                chapter=self.cleaned_data["chapter"],
                preferred_language=self.cleaned_data["preferred_language"],
            )
        return user


def needs_enrolment_code(user):
    """Staff setting up their first authenticator: the password alone must not be enough."""
    return may_use_admin(user) and not is_mfa_enabled(user)


class EnrolmentActivateTOTPForm(ActivateTOTPForm):
    """allauth's form to switch on an authenticator app, asking staff for their enrolment code too."""

    enrolment_code = forms.CharField(
        label=_("Enrolment code"),
        max_length=40,
        help_text=_("An administrator gives it to you on paper or by phone, for example K7M2-9QXD-4T1B."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_enrolment_code(self.user):
            self.order_fields(["enrolment_code", "code"])
        else:
            del self.fields["enrolment_code"]

    def clean(self):
        cleaned_data = super().clean()
        # Only once everything else is right, so that a mistyped app code does not use the code up.
        if "enrolment_code" in self.fields and not self.errors:
            # Guesses count with wrong sign-in codes, under the same growing delay.
            if not ratelimit.consume(context.request, action="login_failed", key=f"enrolment-{self.user.pk}"):
                raise get_account_adapter().validation_error("too_many_login_attempts")
            if not EnrolmentCode.objects.redeem(self.user, cleaned_data["enrolment_code"]):
                self.add_error(
                    "enrolment_code",
                    _(
                        "This enrolment code is not valid. It may have expired or been used already: "
                        "ask an administrator for a new one."
                    ),
                )
        return cleaned_data


class NamesOptionalMixin:
    """Members sign in with a username and give no name or email address (docs/rules.md, rule 7).

    Wagtail's user forms require all three, which would make an administrator who only marks a
    member inactive type a name and an address the member never gave.
    """

    optional_fields = ("email", "first_name", "last_name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.optional_fields:
            self.fields[name].required = False
            self.fields[name].help_text = _("Optional. Members do not give one.")


class AccountCreationForm(NamesOptionalMixin, UserCreationForm):
    pass


class AccountEditForm(NamesOptionalMixin, UserEditForm):
    pass
