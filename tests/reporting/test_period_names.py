"""A quarter is named as each language says it ("2026 Q3" is English): on the Hindi and Arabic pages
that say when figures are released, and in the program answers' periods."""

import datetime

import pytest
from django.utils import translation

from reporting.periods import PeriodKind
from reporting.releases import period_name

QUARTERS = {
    "en": "2026 Q3",
    "es": "T3 de 2026",
    "fr": "T3 2026",
    "pt": "3º trimestre de 2026",
    "hi": "तिमाही 3, 2026",
    "sw": "Robo ya 3 ya 2026",
    "km": "ត្រីមាសទី 3 ឆ្នាំ 2026",
    "ar": "الربع 3 من 2026",
}


@pytest.mark.parametrize("language", sorted(QUARTERS))
def test_a_quarter_is_named_in_the_readers_language(language):
    with translation.override(language):
        assert period_name(PeriodKind.QUARTER, datetime.date(2026, 7, 1)) == QUARTERS[language]


@pytest.mark.django_db
def test_a_quarters_full_name_in_hindi_has_no_latin_q():
    from feedback.models import ReportingPeriod

    quarter = ReportingPeriod(kind=PeriodKind.QUARTER, start=datetime.date(2026, 7, 1), end=datetime.date(2026, 9, 30))
    with translation.override("hi"):
        assert quarter.name.startswith("तिमाही 3, 2026 (")
