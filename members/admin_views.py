"""Admin screens that are not plain create/edit forms: the printable invitation slip and a temporary
password for a member who lost theirs."""

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import EnrolmentCode, InvitationCode, MemberProfile, may_use_admin


class SlipLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the slip"), choices=settings.LANGUAGES, required=False)


def qr_code_svg(data):
    """An SVG QR code to place inline: no image request, nothing third-party, works when printed."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    # qrcode draws only squares from the data; the markup holds no text from it.
    return mark_safe(image.to_string(encoding="unicode"))


def invitation_slip(request, viewset, pk):
    """One invitation on paper, in the language of the person who will receive it."""
    if not viewset.permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    invitation = get_object_or_404(InvitationCode, pk=pk)
    form = SlipLanguageForm(request.GET or None)
    language = (form.is_valid() and form.cleaned_data["language"]) or settings.LANGUAGE_CODE
    signup_url = invitation.signup_url(language)
    with override(language):
        expiry = date_format(timezone.localtime(invitation.expires_at), "j F Y")
    return TemplateResponse(
        request,
        "members/admin/invitation_slip.html",
        {
            "invitation": invitation,
            "form": form,
            "slip_language": language,
            "signup_url": signup_url,
            "signup_page": signup_url.split("?", 1)[0],
            "expiry": expiry,
            "qr_svg": qr_code_svg(signup_url),
            "index_url": reverse(viewset.get_url_name("list")),
        },
    )


class TemporaryPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Temporary password")
        self.fields["new_password1"].help_text = _(
            "Give it to the member in person or by phone, never by message. "
            "They must choose their own password when they sign in."
        )
        self.fields["new_password2"].label = _("Temporary password again")


class TemporaryPasswordView(WagtailAdminTemplateMixin, FormView):
    """A moderator sets a temporary password for a member who lost theirs and has no email address."""

    template_name = "members/admin/temporary_password.html"
    form_class = TemporaryPasswordForm
    header_icon = "key"
    viewset = None

    def dispatch(self, request, pk):
        self.profile = get_object_or_404(MemberProfile.objects.select_related("user"), pk=pk)
        if not self.profile.temporary_password_allowed_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Set a temporary password")

    def get_page_subtitle(self):
        return self.profile.pseudonym

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.profile.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "profile": self.profile, "index_url": self.index_url()}

    def index_url(self):
        return reverse(self.viewset.get_url_name("list"))

    def form_valid(self, form):
        self.profile.set_temporary_password(form.cleaned_data["new_password1"], by=self.request.user)
        messages.success(
            self.request,
            _("%(pseudonym)s has a temporary password and must choose a new one at the next sign-in.")
            % {"pseudonym": self.profile.pseudonym},
        )
        return redirect(self.index_url())


def enrolment_code(request, user_pk):
    """An administrator issues a staff member's enrolment code, to hand over on paper or by phone.

    Only administrators: whoever issues a code can enrol an authenticator for that account.
    """
    if not request.user.is_superuser:
        raise PermissionDenied
    staff = get_object_or_404(get_user_model(), pk=user_pk)
    if not may_use_admin(staff):
        raise Http404
    title = _("Issue an enrolment code")
    context = {
        "staff": staff,
        "index_url": reverse("wagtailusers_users:index"),
        "code": None,
        "header_title": title,
        "page_title": title,
        "page_subtitle": staff.get_username(),
        "header_icon": "key",
    }
    if request.method == "POST":
        enrolment, context["code"] = EnrolmentCode.objects.issue(staff, by=request.user)
        context["expiry"] = date_format(timezone.localtime(enrolment.expires_at), "j F Y, H:i")
    response = TemplateResponse(request, "members/admin/enrolment_code.html", context)
    # The code is shown once: never kept by a browser or any cache.
    add_never_cache_headers(response)
    return response
