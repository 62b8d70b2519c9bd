"""The consent to quoting names who may quote, in full and in the reader's script; the report
reasons have no English word left in them."""

import re

import pytest
from django.utils import translation

from stories.forms import ConsentForm, StoryConsentFields
from stories.models import ReportReason, StoryConsent

QUOTE_LABELS = {
    "en": (
        "I agree that International Justice Mission (IJM) and the Global Survivor Network (GSN) quote it in their materials.",
        "quoted by International Justice Mission (IJM) and the Global Survivor Network (GSN)",
    ),
    "hi": (
        "मैं सहमत हूँ कि इंटरनेशनल जस्टिस मिशन (आईजेएम) और ग्लोबल सर्वाइवर नेटवर्क (जीएसएन) अपनी सामग्री में इसके हिस्से उद्धृत करें।",
        "इंटरनेशनल जस्टिस मिशन (आईजेएम) और ग्लोबल सर्वाइवर नेटवर्क (जीएसएन) द्वारा उद्धृत करना",
    ),
    "ar": (
        "أوافق على أن تقتبس منها بعثة العدالة الدولية والشبكة العالمية للناجين في موادهما.",
        "اقتباس بعثة العدالة الدولية والشبكة العالمية للناجين منها",
    ),
}
LATIN = re.compile("[A-Za-z]")


@pytest.mark.parametrize("language", ["en", "hi", "ar"])
def test_the_quote_consent_names_both_organisations_in_the_readers_language(language):
    form_label, scope_label = QUOTE_LABELS[language]
    with translation.override(language):
        assert str(StoryConsentFields().fields["consent_quote"].label) == form_label
        assert str(ConsentForm().fields["quote"].label) == scope_label
        assert StoryConsent(quote=True).scope_labels == [scope_label]


@pytest.mark.parametrize("language", ["es", "fr", "pt", "sw", "hi", "km", "ar"])
def test_the_quote_consent_never_leaves_only_the_initials(language):
    with translation.override(language):
        labels = [str(StoryConsentFields().fields["consent_quote"].label), str(StoryConsent.QUOTE_LABEL)]
    for label in labels:
        assert "IJM and GSN" not in label
        if language in ("hi", "km", "ar"):
            assert not LATIN.search(label), label


@pytest.mark.parametrize("language", ["sw", "km"])
def test_the_report_reasons_are_written_in_swahili_and_khmer_only(language):
    with translation.override(language):
        labels = [str(label) for _value, label in ReportReason.choices]
    assert not [label for label in labels if LATIN.search(label) and language == "km"]
    assert not [label for label in labels if "spam" in label.lower()]


@pytest.mark.parametrize("language, expected", [("en", ", "), ("hi", ", "), ("ar", "، ")])
def test_the_consent_scopes_are_listed_with_the_languages_own_separator(language, expected):
    from django.template import Context, Template

    consent = StoryConsent(publish=True, translate=True)
    with translation.override(language):
        labels = consent.scope_labels
        text = Template("{% load gsn_tags %}{{ labels|list_text }}").render(Context({"labels": labels}))
    assert text == expected.join(labels)
