"""The member's side of stories (share, dashboard, edit, withdraw, delete, consent) and reporting."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import OperationalError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gsn_site.forms import error_summary
from gsn_site.ratelimits import address_limit_exceeded, client_key
from members.models import MemberProfile

from .forms import ConsentForm, ContentReportForm, StoryConsentFields, StoryForm
from .models import ContentReport, StoryConsent, StoryIndexPage, StoryPage
from .submission import create_story, story_form_initial, update_story


def member_required(view):
    """Signed-in members only; staff without a member profile cannot write stories here either."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not MemberProfile.objects.filter(user=request.user).exists():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@member_required
def welcome(request):
    """Where a new member lands after signing up."""
    return TemplateResponse(request, "stories/welcome.html", {})


def is_database_busy(error):
    """SQLite answers "database is locked" when another write holds it longer than its timeout."""
    return "locked" in str(error) or "busy" in str(error)


def save_in_one_transaction(save):
    """Run `save()` atomically. Returns False, with nothing saved, when the database is busy."""
    try:
        with transaction.atomic():
            save()
    except OperationalError as error:
        if not is_database_busy(error):
            raise
        return False
    return True


def story_form_response(request, template, context, forms):
    """The form again, with what the member typed; a photo cannot be sent back, so say so."""
    status = 400 if request.method == "POST" else 200
    if context.get("database_busy"):
        status = 503
    story_form = forms[0]
    if request.method == "POST" and request.FILES.get("image") and "image" not in story_form.errors:
        context["photo_not_kept"] = True
    context["error_summary"] = error_summary(forms)
    return TemplateResponse(request, template, context, status=status)


def own_story(request, pk):
    """The member's own story, or 404: another member's story does not exist for them."""
    return get_object_or_404(StoryPage.objects.owned_by(request.user).select_related("consent"), pk=pk)


@member_required
def share_story(request):
    index_page = StoryIndexPage.objects.live().first()
    if index_page is None:
        raise Http404
    form = StoryForm(request.POST or None, request.FILES or None)
    consent_form = StoryConsentFields(request.POST or None)
    if request.method == "GET":
        form.initial["original_language"] = request.user.member_profile.preferred_language
    context = {"form": form, "consent_form": consent_form}
    if request.method == "POST" and form.is_valid() and consent_form.is_valid():
        if save_in_one_transaction(
            lambda: create_story(index_page, request.user, form.cleaned_data, consent_form.consent_values())
        ):
            messages.success(request, _("Thank you. Your story was sent to the moderators. You can follow it here."))
            return redirect("stories:my_stories")
        context["database_busy"] = True
    return story_form_response(request, "stories/share_story.html", context, [form, consent_form])


@member_required
def my_stories(request):
    stories = StoryPage.objects.owned_by(request.user).select_related("consent").order_by("-latest_revision_created_at")
    return TemplateResponse(request, "stories/my_stories.html", {"stories": stories})


@member_required
def edit_story(request, pk):
    story = own_story(request, pk)
    initial = story_form_initial(story)
    current_image = initial.pop("image")
    form = StoryForm(request.POST or None, request.FILES or None, initial=initial, current_image=current_image)
    context = {"form": form, "story": story, "current_image": current_image}
    if request.method == "POST" and form.is_valid():
        if save_in_one_transaction(lambda: update_story(story, request.user, form.cleaned_data)):
            messages.success(request, _("Your changes were saved and sent to the moderators again."))
            return redirect("stories:my_stories")
        context["database_busy"] = True
    return story_form_response(request, "stories/edit_story.html", context, [form])


@member_required
def preview_story(request, pk):
    story = own_story(request, pk)
    draft = story.get_latest_revision_as_object()
    return TemplateResponse(
        request,
        "stories/story_page.html",
        {**draft.get_context(request), "page": draft, "is_preview": True, "show_body": True},
    )


@member_required
def withdraw_story(request, pk):
    story = own_story(request, pk)
    if request.method == "POST":
        story.withdraw(request.user)
        messages.success(request, _("Your story was withdrawn. Nobody can read it on the site any more."))
        return redirect("stories:my_stories")
    return TemplateResponse(request, "stories/confirm.html", {"story": story, "action": "withdraw"})


@member_required
def delete_story(request, pk):
    story = own_story(request, pk)
    if request.method == "POST":
        story.delete_for_good(request.user)
        messages.success(request, _("Your story and its images were deleted."))
        return redirect("stories:my_stories")
    return TemplateResponse(request, "stories/confirm.html", {"story": story, "action": "delete"})


@member_required
def story_consent(request, pk):
    story = own_story(request, pk)
    form = ConsentForm(request.POST or None, instance=story.story_consent or StoryConsent(story=story))
    if request.method == "POST" and form.is_valid():
        story.change_consent(request.user, form.cleaned_data)
        messages.success(request, _("Your consent was updated."))
        return redirect("stories:my_stories")
    return TemplateResponse(request, "stories/consent.html", {"form": form, "story": story})


def reporter_key(request, story):
    """Tells reporters of one story apart (per account, else per client address) without storing who they are."""
    return client_key(request, purpose=f"report:{story.pk}")


def is_report_rate_limited(request):
    return address_limit_exceeded(request, "story-report", settings.STORY_REPORTS_PER_HOUR)


@require_POST
def report_story(request, pk):
    story = get_object_or_404(StoryPage.objects.published(), pk=pk)
    form = ContentReportForm(request.POST)
    if not form.is_valid():
        context = story.get_context(request)
        context["report_form"] = form
        return TemplateResponse(request, story.get_template(request), context, status=400)
    if is_report_rate_limited(request):
        # The story comes back with the report form as it was typed, and says why it was not sent.
        form.add_error(
            None,
            _("You have sent several reports in a short time, so this one was not sent. Please try again in an hour."),
        )
        context = story.get_context(request)
        context["report_form"] = form
        return TemplateResponse(request, story.get_template(request), context, status=429)
    held = ContentReport.objects.file(
        story, form.cleaned_data["reason"], form.cleaned_data["note"], reporter_key(request, story)
    )
    if held:
        return redirect(reverse("stories:report_received"))
    return redirect(f"{story.url}?reported=1#report")


def report_received(request):
    return TemplateResponse(request, "stories/report_received.html", {})
