"""Members: invitations that open the site to one person each, and the profile that speaks for them
(the pseudonym on their stories, their chapter and language)."""

import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

TEMPORARY_PASSWORD_ACTION = "members.temporary_password"


# Crockford's base32: digits and capitals without I, L, O and U, so nothing looks like anything else.
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
INVITATION_CODE_GROUPS = 2
INVITATION_CODE_GROUP_LENGTH = 4
# What people type for the letters that are not in the alphabet.
CROCKFORD_FOLDING = str.maketrans({"I": "1", "L": "1", "O": "0"})


def default_invitation_code():
    """A code a person can read out or copy from paper: `K7M2-9QXD` (40 random bits)."""
    groups = [
        "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(INVITATION_CODE_GROUP_LENGTH))
        for _ in range(INVITATION_CODE_GROUPS)
    ]
    return "-".join(groups)


def canonical_invitation_code(typed):
    """The code as stored, from what a person typed: any case, spaces, dashes, I/L for 1 and O for 0."""
    compact = "".join(typed.split()).replace("-", "").upper().translate(CROCKFORD_FOLDING)
    size = INVITATION_CODE_GROUP_LENGTH
    return "-".join(compact[start : start + size] for start in range(0, len(compact), size))


# Staff may type their own code and expiry; these keep a code unguessable and short-lived.
MIN_INVITATION_CODE_CHARACTERS = 8
MAX_INVITATION_VALIDITY = timedelta(days=90)


def default_invitation_expiry():
    return timezone.now() + timedelta(days=14)


class InvitationCodeQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, revoked=False, expires_at__gt=timezone.now())

    def matching(self, typed):
        """The code a person typed, however they wrote it; codes made before the short form match exactly."""
        typed = typed.strip()
        return self.filter(Q(code=typed) | Q(code=canonical_invitation_code(typed)))


class InvitationCode(models.Model):
    """A single-use code that lets one person create a member account before it expires."""

    code = models.CharField(_("code"), max_length=32, unique=True, default=default_invitation_code)
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("Who the code is for, in words only staff understand. Never a full name."),
    )
    expires_at = models.DateTimeField(_("expires at"), default=default_invitation_expiry)
    revoked = models.BooleanField(_("revoked"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    used_at = models.DateTimeField(_("used at"), null=True, blank=True, editable=False)
    used_by = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("used by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
        editable=False,
    )

    objects = InvitationCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation code")
        verbose_name_plural = _("invitation codes")
        ordering = ["-created_at"]

    def __str__(self):
        return self.code

    def clean(self):
        """What staff type must make a code nobody can guess, valid for a while and not for ever."""
        super().clean()
        errors = {}
        significant = "".join(
            character for character in canonical_invitation_code(self.code or "") if character.isalnum()
        )
        if len(significant) < MIN_INVITATION_CODE_CHARACTERS:
            errors["code"] = _("A code needs at least %(count)s letters or digits, so that nobody can guess it.") % {
                "count": MIN_INVITATION_CODE_CHARACTERS
            }
        # Checked on every save, not only on creation: editing a code must not stretch it for ever.
        # The longest validity counts from when the code was made, so repeated edits cannot extend it.
        stored_expiry = (
            None
            if self._state.adding
            else type(self).objects.filter(pk=self.pk).values_list("expires_at", flat=True).first()
        )
        if self.expires_at is not None and self.expires_at != stored_expiry:
            now = timezone.now()
            made = self.created_at or now
            if self.expires_at <= now:
                errors["expires_at"] = _("The expiry date must be in the future.")
            elif self.expires_at > made + MAX_INVITATION_VALIDITY:
                errors["expires_at"] = _("An invitation can be valid for at most %(days)s days.") % {
                    "days": MAX_INVITATION_VALIDITY.days
                }
        if errors:
            raise ValidationError(errors)

    @property
    def is_usable(self):
        return self.used_at is None and not self.revoked and self.expires_at > timezone.now()

    is_usable.fget.short_description = _("usable")

    @property
    def status(self):
        """Where the code stands, in words: "Unused, expires 3 March 2027", "Used", "Revoked" or "Expired"."""
        if self.used_at is not None:
            return gettext("Used")
        if self.revoked:
            return gettext("Revoked")
        if self.expires_at <= timezone.now():
            return gettext("Expired")
        expiry = date_format(timezone.localtime(self.expires_at), "j F Y")
        return gettext("Unused, expires %(date)s") % {"date": expiry}

    status.fget.short_description = _("status")

    def signup_url(self, language_code):
        """The signup page in this language with the code filled in, as an absolute link for the QR code."""
        with translation.override(language_code):
            path = reverse("account_signup")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        return f"{base}{path}?{urlencode({'code': self.code})}"


class MemberProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="member_profile"
    )
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=60,
        help_text=_("The name shown with your stories. Do not use your real name."),
    )
    chapter = models.ForeignKey(
        "home.ChapterPage",
        verbose_name=_("chapter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    must_change_password = models.BooleanField(
        _("must change password"),
        default=False,
        help_text=_("Set when a moderator gave a temporary password; cleared when the member chooses their own."),
        editable=False,
    )

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        permissions = [("set_temporary_password", _("Can set a temporary password for a member"))]

    def __str__(self):
        return self.pseudonym

    def temporary_password_allowed_for(self, actor):
        """Moderators and administrators may reset a member's password; never a staff account's this way."""
        target = self.user
        return (
            actor.has_perm("members.set_temporary_password")
            and actor.pk != target.pk
            and not (target.is_staff or target.is_superuser or target.has_perm("wagtailadmin.access_admin"))
        )

    def set_temporary_password(self, password, by):
        """A moderator hands over a password on paper or by phone; the member must replace it at sign-in."""
        self.user.set_password(password)
        self.user.save(update_fields=["password"])
        self.must_change_password = True
        self.save(update_fields=["must_change_password"])
        # The log says who did it and for whom, never the password.
        log(instance=self, action=TEMPORARY_PASSWORD_ACTION, user=by)


def clear_temporary_password(sender, request, user, **kwargs):
    MemberProfile.objects.filter(user=user, must_change_password=True).update(must_change_password=False)


ENROLMENT_CODE_ISSUED_ACTION = "members.enrolment_code_issued"
ENROLMENT_CODE_USED_ACTION = "members.enrolment_code_used"
ENROLMENT_CODE_GROUPS = 3
ENROLMENT_CODE_HASH_PURPOSE = "staff-enrolment"


def may_use_admin(user):
    return user.is_authenticated and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def new_enrolment_code():
    """`K7M2-9QXD-4T1B`: 60 random bits in the alphabet of invitation codes, easy to read out."""
    return "-".join(
        "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(INVITATION_CODE_GROUP_LENGTH))
        for _ in range(ENROLMENT_CODE_GROUPS)
    )


class EnrolmentCodeQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())

    def matching(self, user, typed):
        from gsn_site.hashing import keyed_hash_candidates

        canonical = canonical_invitation_code(typed or "")
        return self.filter(user=user, code_hash__in=keyed_hash_candidates(ENROLMENT_CODE_HASH_PURPOSE, canonical))

    def issue(self, user, by=None):
        """A new code for `user`'s first authenticator, replacing any unused one. Returns (row, code).

        The code itself is shown once, to whoever issued it, and stored only as a keyed hash.
        """
        from gsn_site.hashing import keyed_hash

        code = new_enrolment_code()
        now = timezone.now()
        with transaction.atomic():
            self.filter(user=user).usable().update(expires_at=now)
            enrolment = self.create(
                user=user,
                code_hash=keyed_hash(ENROLMENT_CODE_HASH_PURPOSE, code),
                expires_at=now + timedelta(days=settings.STAFF_ENROLMENT_CODE_DAYS),
                created_by=by,
            )
            log(instance=enrolment, action=ENROLMENT_CODE_ISSUED_ACTION, user=by)
        return enrolment, code

    def redeem(self, user, typed):
        """Use up `user`'s code if `typed` is it and it is still usable; True if it was."""
        with transaction.atomic():
            enrolment = self.usable().matching(user, typed).select_for_update().first()
            # The update only succeeds once, however many requests race for the same code.
            if enrolment is None or not self.filter(pk=enrolment.pk, used_at__isnull=True).update(
                used_at=timezone.now()
            ):
                return False
            log(instance=enrolment, action=ENROLMENT_CODE_USED_ACTION, user=user)
        return True


class EnrolmentCode(models.Model):
    """What a staff member needs, besides their password, to set up their first authenticator.

    An administrator issues it (the admin's user list, or `manage.py issue_enrolment_code`) and hands
    it over on paper or by phone, so that someone who knows only the password cannot enrol their own
    authenticator app and lock the owner out.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="enrolment_codes"
    )
    code_hash = models.CharField(_("code hash"), max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    used_at = models.DateTimeField(_("used at"), null=True, blank=True, editable=False)

    objects = EnrolmentCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment code")
        verbose_name_plural = _("enrolment codes")
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Enrolment code for %(username)s") % {"username": self.user.get_username()}
