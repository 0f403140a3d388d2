import re

import pytest

from newscrawl.sites.elaph import SITE as ELAPH
from newscrawl.text import keys
from newscrawl.text.keys import content_hash, headline_key, paragraph_key

SITE_NAMES = ELAPH.site_names

BASE = "62 قتيلا من قوات النظام حصيله جديده لهجوم داعش في جنوب دمشق"


@pytest.mark.parametrize("headline", [
    "62 قتيلاً من قوات النظام حصيلة جديدة لهجوم داعش في جنوب دمشق",
    "٦٢ قتيلاً من قوات النظام حصيلة جديدة لهجوم داعش في جنوب دمشق",             # Eastern Arabic digits
    "62 قَتيلاً من قُوّات النظام حصيلة جديدة لهجوم داعش في جنوب دمشق",           # diacritics
    "62 قتيـــلاً من قوات النظام حصيلة جديدة لهجوم داعش في جنوب دمشق",          # tatweel
    "62 قتيلاً من قوات النظام: حصيلة جديدة لهجوم «داعش» في جنوب دمشق!",         # punctuation
    "62 قتيلاً من قوات النظام حصيلة جديدة لهجوم داعش في جنوب دمشق | إيلاف",     # site suffix
    "62 قتيلاً من قوات النظام حصيلة جديدة لهجوم داعش في جنوب دمشق - إيلاف",
    "  62   قتيلاً من قوات النظام حصيلة\u00a0جديدة لهجوم داعش في جنوب دمشق ",  # spacing
])
def test_same_headline_same_key(headline):
    assert headline_key(headline, SITE_NAMES) == BASE


@pytest.mark.parametrize("text, key", [
    ("أحمد إبراهيم آل ٱلشيخ", "احمد ابراهيم ال الشيخ"),
    ("مستشفى الرياض", "مستشفي الرياض"),
    ("مدرسة الحكمة", "مدرسه الحكمه"),
    ("مؤتمر رئيس", "موتمر رييس"),
    ("BBC News: Breaking", "bbc news breaking"),
    ("سعر الدولار ۱۵ جنيهاً", "سعر الدولار 15 جنيها"),
    ("هل تتخلف روسيا؟", "هل تتخلف روسيا"),
])
def test_folding_table(text, key):
    assert headline_key(text) == key


def test_different_headlines_differ():
    assert headline_key("36 قتيلاً في دمشق") != headline_key("62 قتيلاً في دمشق")


def test_content_hash_ignores_spelling_noise_only():
    assert content_hash("قال الأمين العام: «نعم».") == content_hash("قال الامين العام نعم")
    assert content_hash("قال الأمين العام: نعم") != content_hash("قال الأمين العام: لا")


@pytest.mark.parametrize("text", [
    "", "   ", "...", "كلمة", " كلمة،  وأخرى. ", "«اقتباس»—نهاية", "a_b snake_case __x__", "٣ آلاف و١٥٠",
    "tab\tnew\nline\u00a0nbsp\u2009thin", "e\u0301t\u00e9 café", "emoji 🙂 here🙂there", "x-ray/هـ", "_", "ق.م.",
    "\u200f\u200eخفي\u200b", "1,000.5 درهم", "『括弧』 ٪٢٠",
])
def test_matching_form_breaks_words_where_the_regex_definition_does(text):
    # The definition: every run of characters that are not letters or digits is one break.
    assert keys._words_only(text) == re.sub(r"[\W_]+", " ", text).strip()



@pytest.mark.parametrize("text, terms", [
    ("الدولة الإسلامية", ["دوله", "اسلاميه"]),
    ("الدوله الاسلاميه", ["دوله", "اسلاميه"]),
    ("والدولة", ["دوله"]),
    ("وبالدولة", ["دوله"]),
    ("للدولة", ["لدوله"]),  # «لل» is ل + ال with the alef dropped: left as written
    ("ولد", ["ولد"]),  # no stem of three letters would remain
    ("مُستشفى", ["مستشفي"]),
    ("٢٠٢٤", ["2024"]),
    ('"الدولة" OR NOT -x*', ["دوله", "or", "not", "x"]),  # quotes and operators are words
])
def test_search_terms(text, terms):
    from newscrawl.text.keys import search_terms

    assert search_terms(text) == terms


@pytest.mark.parametrize("one, other, same", [
    ("وقت القراءة: 6 دقائق", "وقت القراءة: ٣ دقائق", True),  # a template's counter, any number
    ("(21) تعليق", "(3) تعليق", True),
    ("تابعونا على  تيليغرام", "تابعونا على تيليغرام", True),
    ("قتل 12 شخصا في انفجار وقع صباح اليوم في سوق شعبية وسط المدينة بحسب مصادر أمنية",
     "قتل 40 شخصا في انفجار وقع صباح اليوم في سوق شعبية وسط المدينة بحسب مصادر أمنية", False),  # an article's news
    ("المرحلة الأولى", "المرحلة الثانية", False),
])
def test_paragraph_keys(one, other, same):
    assert (paragraph_key(one, already_clean=False) == paragraph_key(other, already_clean=False)) is same
