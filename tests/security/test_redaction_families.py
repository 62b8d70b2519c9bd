"""An attacker's tables: contact details written the way people dodge filters, in every configured
language (and Italian and German), must not reach storage; ordinary feedback must come through as
typed; likely names and places are highlighted whole for the reviewer."""

import time

import pytest

from gsn_site.sanitize import REMOVED, likely_names_and_places, redact_personal_data

from .redaction_corpus import ORDINARY_SENTENCES

R = REMOVED

# "at" and "dot" said in words, in the eight languages and in Italian and German.
AT_AND_DOT_WORDS = [
    ("écris à amina chez exemple point fr merci", f"écris à {R} merci"),
    ("mi correo: amina arroba gmail punto com", f"mi correo: {R}"),
    ("meu email é amina arroba gmail ponto com", f"meu email é {R}"),
    ("barua pepe yangu ni amina kwa gmail nukta com", f"barua pepe yangu ni {R}"),
    ("मेरा ईमेल amina एट gmail डॉट com है", f"मेरा ईमेल {R} है"),
    ("मेरा ईमेल अमीना एट जीमेल डॉट कॉम है", f"मेरा ईमेल {R} है"),
    ("بريدي amina على gmail نقطة com شكرا", f"بريدي {R} شكرا"),
    ("អ៊ីមែល amina នៅ gmail ចុច com", f"អ៊ីមែល {R}"),
    ("scrivimi a amina chiocciola esempio punto it", f"scrivimi a {R}"),
    ("schreib an amina at beispiel punkt de", f"schreib an {R}"),
    ("amina (at) example (dot) org", R),
    ("amina[at]example[.]org", R),
    ("amina@example[.]org", R),
    ("amina @ example dot com", R),
    ("amina at gmail dot com", R),
    ("amina.k (at) proton (.) me", R),
    ("write to amina dot k at gmail dot com", f"write to {R}"),
    ("écrivez-moi : amina point k chez gmail point com", f"écrivez-moi : {R}"),
    ("amina[dot]k[at]gmail[dot]com", R),
]

# Letters of other scripts that look like Latin ones, full-width forms and invisible characters.
LOOK_ALIKE_LETTERS = [
    ("write amina@exаmple.оrg soon", f"write {R} soon"),  # Cyrillic а and о
    ("amina@gmаil.cοm", R),  # Cyrillic а, Greek ο
    ("Call О7І2 345 678", f"Call {R}"),  # Cyrillic О and І for 0 and 1
    ("іnstа: amina_k", f"іnstа: {R}"),  # Cyrillic і and а in the platform word
    ("see t.mе/amina", f"see {R}"),  # Cyrillic е
    ("ｈｔｔｐｓ：／／ｔ．ｍｅ／ａｍｉｎａ", R),
    ("Tel ０７１２－３４５－６７８", f"Tel {R}"),
    ("am\u200bina@exa\u200cmple.org", R),
    (
        "w\u2060h\u2060a\u2060t\u2060s\u2060a\u2060p\u2060p amina_k254",
        f"w\u2060h\u2060a\u2060t\u2060s\u2060a\u2060p\u2060p {R}",
    ),
    ("𝐚𝐦𝐢𝐧𝐚@𝐠𝐦𝐚𝐢𝐥.𝐜𝐨𝐦", R),
]

# Numbers written in words in the eight languages, native digits, keycaps, spaced digits.
NUMBERS_IN_WORDS = [
    ("call oh seven twelve thirty four fifty six seventy eight", f"call {R}"),
    ("appelle-moi au zéro six douze trente-quatre cinquante-six soixante-dix-huit", f"appelle-moi au {R}"),
    ("llámame al seis doce, treinta y cuatro, cincuenta y seis, setenta y ocho", f"llámame al {R}"),
    ("liga pro nove meia um dois três quatro cinco seis", f"liga pro {R}"),
    ("namba yangu ni sufuri saba moja mbili tatu nne tano sita", f"namba yangu ni {R}"),
    ("मेरा नंबर ज़ीरो नौ आठ सात छह पाँच चार तीन है", f"मेरा नंबर {R} है"),
    ("رقمي صفر سبعه واحد اثنين ثلاثه اربعه خمسه ستة", f"رقمي {R}"),
    ("លេខខ្ញុំ សូន្យ ប្រាំបួន មួយ ពីរ បី បួន ប្រាំ ប្រាំមួយ", f"លេខខ្ញុំ {R}"),
    ("លេខខ្ញុំ សូន្យប្រាំបួនមួយពីរបីបួនប្រាំប្រាំមួយ", f"លេខខ្ញុំ {R}"),
    ("मेरा नंबर ०७१२ ३४५ ६७८ है", f"मेरा नंबर {R} है"),
    ("رقمي ٠٧١٢-٣٤٥-٦٧٨", f"رقمي {R}"),
    ("លេខ ០១២-៣៤៥-៦៧៨", f"លេខ {R}"),
    ("call 0️⃣7️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣ tonight", f"call {R} tonight"),
    ("call 0 7 1 2 3 4 5 6 7 8", f"call {R}"),
    ("call 0.7.1.2.3.4.5.6.7.8", f"call {R}"),
    ("call 0 - 7 - 1 - 2 - 3 - 4 - 5 - 6", f"call {R}"),
]

# Links written so that they do not look like links.
DEFANGED_LINKS = [
    ("see hxxps://t.me/amina", f"see {R}"),
    ("hxxp://example[.]com/amina", R),
    ("my page is example[.]com", f"my page is {R}"),
    ("find me at t dot me slash amina_k", f"find me at {R}"),
    ("text me on wa.me/254712345678", f"text me on {R}"),
    ("wa dot me slash 254712345678", R),
    ("instagram dot com slash amina.k", R),
    ("t(.)me/amina", R),
    ("www dot example dot com", R),
]

# A handle after a platform word, without an @ or a colon.
HANDLES_AFTER_A_PLATFORM_WORD = [
    ("insta amina_k254", f"insta {R}"),
    ("my instagram is amina.wanjiru", f"my instagram is {R}"),
    ("find me on telegram amina_k", f"find me on telegram {R}"),
    ("tg: amina_k", f"tg: {R}"),
    ("tg amina_k", f"tg {R}"),
    ("fb amina.k", f"fb {R}"),
    ("my facebook is amina.wanjiru.9", f"my facebook is {R}"),
    ("tiktok amina254", f"tiktok {R}"),
    ("whatsapp amina_k", f"whatsapp {R}"),
    ("signal amina.01", f"signal {R}"),
    ("snapchat amina_k", f"snapchat {R}"),
    ("X: amina_k", f"X: {R}"),
    ("twitter amina_k", f"twitter {R}"),
    ("mi insta es amina_k", f"mi insta es {R}"),
    ("insta yangu ni amina_k", f"insta yangu ni {R}"),
    ("मेरा इंस्टा amina_k है", f"मेरा इंस्टा {R} है"),
    ("حسابي على انستغرام amina_k", f"حسابي على انستغرام {R}"),
    ("ابحثي عني في التليجرام amina_k", f"ابحثي عني في التليجرام {R}"),
]

FAMILIES = AT_AND_DOT_WORDS + LOOK_ALIKE_LETTERS + NUMBERS_IN_WORDS + DEFANGED_LINKS + HANDLES_AFTER_A_PLATFORM_WORD


@pytest.mark.parametrize(("typed", "stored"), FAMILIES)
def test_contact_details_written_to_dodge_a_filter_are_removed(typed, stored):
    assert redact_personal_data(typed) == stored


@pytest.mark.parametrize(("typed", "stored"), FAMILIES)
def test_redacting_the_stored_text_again_changes_nothing(typed, stored):
    assert redact_personal_data(stored) == stored


# Names and places are left in the stored text and highlighted for the reviewer, each whole.
NAMES_AND_PLACES = [
    ("Amina Wanjiru helped me a lot.", ["Amina Wanjiru"]),
    ("a man named john took my papers", ["john"]),
    ("Mama mmoja anaitwa wanjiru alinisaidia.", ["wanjiru"]),
    ("Mi consejera se llama rosa y es muy buena.", ["rosa"]),
    ("मेरी दीदी का नाम सुनीता है।", ["सुनीता"]),
    ("اسمي فاطمة وأسكن في حي النور.", ["فاطمة", "حي النور"]),
    ("ខ្ញុំឈ្មោះ សុភា។", ["សុភា"]),
]


def test_at_least_six_of_seven_names_and_places_are_highlighted_whole():
    whole = [
        text
        for text, names in NAMES_AND_PLACES
        if [text[start:end] for start, end in likely_names_and_places(text)] == names
    ]
    assert len(whole) >= 6, whole


@pytest.mark.parametrize(("text", "highlighted"), NAMES_AND_PLACES)
def test_a_name_or_place_is_highlighted_not_removed(text, highlighted):
    assert redact_personal_data(text) == text
    assert [text[start:end] for start, end in likely_names_and_places(text)] == highlighted


# The ceiling on false alarms: ordinary feedback in the eight languages, full of everyday words that
# are also "at", "dot", number and platform words.


def test_the_ordinary_corpus_has_at_least_200_sentences_in_each_of_the_eight_languages():
    assert len(ORDINARY_SENTENCES) >= 200
    assert {language for language, _sentence in ORDINARY_SENTENCES} == {"en", "es", "fr", "pt", "hi", "sw", "km", "ar"}
    assert (
        min(
            sum(1 for language, _sentence in ORDINARY_SENTENCES if language == wanted)
            for wanted in ("en", "es", "fr", "pt", "hi", "sw", "km", "ar")
        )
        >= 25
    )


def test_at_most_one_percent_of_ordinary_sentences_are_altered():
    # The ceiling is 1% (2 of 200); none is altered today, and this count says so exactly.
    altered = [sentence for _language, sentence in ORDINARY_SENTENCES if redact_personal_data(sentence) != sentence]
    assert (len(altered), altered) == (0, [])


def test_the_ordinary_corpus_is_redacted_quickly():
    redact_personal_data("warm up")  # the confusables table is built on first use, once per process
    started = time.perf_counter()
    for _language, sentence in ORDINARY_SENTENCES:
        redact_personal_data(sentence)
    assert time.perf_counter() - started < 0.5


# Every word a rule listens for, repeated thousands of times around short words: a pattern that could
# read the same text in two ways, or restart inside a chain, takes seconds or hours on these.
LISTENED_FOR = [
    "at", "(at)", "[.]", "(dot)", "dot", ".", "point", "punto", "nukta", "kwa", "chez", "arroba", "एट", "डॉट",
    "على", "نقطة", "នៅ", "ចុច", "slash", "/", "insta", "tg", "one", "un", "sifuri", "शून्य", "صفر", "សូន្យ", "7",
    "named", "नाम", "ឈ្មោះ", "Amina", "street",
]  # fmt: skip


@pytest.mark.parametrize("word", LISTENED_FOR)
@pytest.mark.parametrize("template", ["a {} ", "a{}", "{} a_1 ", "{} "])
def test_a_long_chain_of_listened_for_words_is_redacted_in_linear_time(word, template):
    text = template.format(word) * 1500
    started = time.perf_counter()
    redact_personal_data(text)
    likely_names_and_places(text)
    assert time.perf_counter() - started < 1.5
