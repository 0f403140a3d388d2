"""The shared Arabic normalisation (newscrawl.text.arabic): table tests."""

import pytest

from newscrawl.text.arabic import ascii_digits, fold_letters, remove_marks, strip_site_name


@pytest.mark.parametrize("text, expected", [
    ("٢٠٢٤", "2024"),
    ("۱۴۰۳", "1403"),  # Eastern Arabic-Indic (Persian) digits
    ("عام 2024", "عام 2024"),
    ("٣ آذار", "3 آذار"),
    ("", ""),
])
def test_ascii_digits(text, expected):
    assert ascii_digits(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("مُحَمَّدٌ", "محمد"),
    ("الســـلام", "السلام"),  # tatweel
    ("هٰذا", "هذا"),  # superscript alef
    ("ذٰلِكَ ٱلْكِتَـٰبُ", "ذلك ٱلكتب"),  # Quranic marks go; the wasla's alef is a letter, folded separately
    ("بلا علامات", "بلا علامات"),
])
def test_remove_marks(text, expected):
    assert remove_marks(text) == expected


@pytest.mark.parametrize("text, word_endings, expected", [
    ("أحمد إلى آخر ٱلكتاب", True, "احمد الي اخر الكتاب"),
    ("الدولة الإسلامية", True, "الدوله الاسلاميه"),
    ("مؤتمر رئيس", True, "موتمر رييس"),
    ("الدولة مؤتمر", False, "الدولة مؤتمر"),  # dates fold only alef and yaa
    ("كانون الأول", False, "كانون الاول"),
    ("مستشفى", False, "مستشفي"),
])
def test_fold_letters(text, word_endings, expected):
    assert fold_letters(text, word_endings=word_endings) == expected


@pytest.mark.parametrize("text, expected", [
    ("عنوان الخبر | إيلاف", "عنوان الخبر"),
    ("عنوان الخبر - Elaph", "عنوان الخبر"),
    ("عنوان الخبر – ايلاف  ", "عنوان الخبر"),
    ("إيلاف تنشر الخبر", "إيلاف تنشر الخبر"),  # the name at the start is part of the headline
    ("عنوان الخبر", "عنوان الخبر"),
])
def test_strip_site_name(text, expected):
    assert strip_site_name(text, ("إيلاف", "Elaph", "ايلاف")) == expected
