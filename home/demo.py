"""Demo pages for the site itself: home, about, safety, network index and four sample chapters."""

import json

from wagtail.models import Page, Site

from gsn_site.demo import get_or_create_page, root_page, set_translations

from . import demo_content as content
from .models import ChapterPage, HomePage, NetworkIndexPage, SafetySettings, StandardPage


def paragraph_stream(values):
    """A StreamField value with one paragraph, per language."""
    return {code: json.dumps([{"type": "paragraph", "value": html}]) for code, html in values.items()}


def seed(stdout):
    root = root_page()
    # Wagtail's own root page predates the translation columns; give it an English title.
    Page.objects.filter(pk=root.pk, title_en__isnull=True).update(title_en=root.title)

    home = HomePage.objects.first()
    if home is None:
        # Wagtail's placeholder welcome page (and the site pointing at it) make way for ours.
        Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
        home, _created = get_or_create_page(
            root,
            HomePage,
            "home",
            translations={
                "title": content.HOME["title"],
                **{field: content.HOME[field] for field in ("intro", "feedback_heading", "feedback_text")},
            },
        )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Global Survivor Network"},
        )
        stdout.write("Created the home page.")

    for page_data in (content.ABOUT, content.SAFETY):
        get_or_create_page(
            home,
            StandardPage,
            page_data["slug"],
            show_in_menus=True,
            translations={
                "title": page_data["title"],
                "intro": page_data["intro"],
                "body": paragraph_stream(page_data["body"]),
            },
        )

    network, _created = get_or_create_page(
        home,
        NetworkIndexPage,
        content.NETWORK["slug"],
        show_in_menus=True,
        translations={"title": content.NETWORK["title"], "intro": content.NETWORK["intro"]},
    )
    for chapter in content.CHAPTERS:
        description = {
            code: f"<p>{content.SAMPLE_NOTE[code]}</p><p>{chapter['focus_areas'][code]}.</p>"
            for code in content.SAMPLE_NOTE
        }
        get_or_create_page(
            network,
            ChapterPage,
            chapter["slug"],
            founded=chapter["founded"],
            is_sample=True,
            translations={
                "title": chapter["title"],
                "country": chapter["country"],
                "region": chapter["region"],
                "languages": chapter["languages"],
                "focus_areas": chapter["focus_areas"],
                "description": description,
            },
        )

    site = Site.objects.get(is_default_site=True)
    safety = SafetySettings.for_site(site)
    if not safety.safety_notice_en:
        set_translations(safety, "safety_notice", content.SAFETY_NOTICE)
        set_translations(safety, "footer_text", content.FOOTER)
        safety.save()
    return home
