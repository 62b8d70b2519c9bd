"""Turning what a member writes into a StoryPage draft, and sending it to the moderators."""

import secrets

from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection

from gsn_site.sanitize import plain_text_to_rich_paragraphs, rich_paragraphs_to_plain_text

from .models import StoryConsent, StoryPage

TRANSLATED_FIELDS = ("title", "summary", "content_notes", "body")
MEMBER_IMAGE_TITLE = "Image from a member's story"


def story_slug(title):
    base = slugify(title, allow_unicode=True)[:40].strip("-") or "story"
    return f"{base}-{secrets.token_hex(3)}"


def body_stream(text, image=None, caption=""):
    """One paragraph block per paragraph the member wrote; their image (if any) after the first."""
    stream = [("paragraph", paragraph) for paragraph in plain_text_to_rich_paragraphs(text)]
    if image is not None:
        stream.insert(1, ("image", {"image": image, "caption": caption, "alt_text": caption}))
    return stream


def save_member_image(upload, user):
    """The title is neutral: neither the file's name nor the story's title says who is in the photo."""
    image = get_image_model()(
        title=MEMBER_IMAGE_TITLE, file=upload, uploaded_by_user=user, collection=Collection.get_first_root_node()
    )
    image.save()
    return image


def existing_image(page, language):
    for block in getattr(page, f"body_{language}") or []:
        if block.block_type == "image":
            return block.value["image"], block.value["caption"]
    return None, ""


def apply_story_form(page, data, user):
    """Write the form's values into the original-language fields of `page`.

    The title is also stored in English because the page tree requires it; the story still says
    which language it was written in and is shown in that language.
    """
    language = data["original_language"]
    previous_language = page.original_language if page.pk else language
    image, caption = existing_image(page, previous_language) if page.pk else (None, "")
    if data.get("remove_image"):
        image, caption = None, ""
    if data.get("image"):
        image = save_member_image(data["image"], user)
    caption = data.get("image_caption") or caption
    if previous_language != language:
        for field in TRANSLATED_FIELDS:
            setattr(page, f"{field}_{previous_language}", "" if field != "body" else [])
    page.original_language = language
    page.title_en = page.title_en if (page.pk and language != "en" and page.title_en) else data["title"]
    setattr(page, f"title_{language}", data["title"])
    setattr(page, f"summary_{language}", data["summary"])
    setattr(page, f"content_notes_{language}", data["content_notes"])
    setattr(page, f"body_{language}", body_stream(data["body"], image, caption))
    page.themes = data["themes"]
    page.casework_type = data["casework_type"]
    page.country = data["country"]
    return page


def create_story(index_page, user, data, consent):
    profile = user.member_profile
    page = StoryPage(slug=story_slug(data["title"]), owner=user, live=False, byline=profile.pseudonym)
    apply_story_form(page, data, user)
    index_page.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    StoryConsent.objects.create(story=page, **consent)
    page.submit_for_review(user)
    return page


def update_story(page, user, data):
    """Changes from the teller make a new revision, and the review starts again."""
    draft = page.get_latest_revision_as_object()
    apply_story_form(draft, data, user)
    draft.withdrawn_at = None
    draft.save_revision(user=user, log_action=True)
    StoryPage.objects.filter(pk=page.pk).update(withdrawn_at=None)
    page.refresh_from_db()
    page.submit_for_review(user)
    return page


def story_form_initial(page):
    draft = page.get_latest_revision_as_object()
    language = draft.original_language
    body = getattr(draft, f"body_{language}") or []
    paragraphs = [block.value.source for block in body if block.block_type == "paragraph"]
    image, caption = existing_image(draft, language)
    return {
        "title": getattr(draft, f"title_{language}") or draft.title_en,
        "summary": getattr(draft, f"summary_{language}"),
        "body": rich_paragraphs_to_plain_text(paragraphs),
        "original_language": language,
        "themes": draft.themes,
        "casework_type": draft.casework_type,
        "country": draft.country,
        "content_notes": getattr(draft, f"content_notes_{language}"),
        "image_caption": caption,
        "image": image,
    }
