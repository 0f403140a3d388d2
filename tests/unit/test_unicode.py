"""newscrawl.text.unicode: noise out, words untouched — table-driven and property-based."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.text.unicode import clean_inline, repair_mojibake

SENTENCE = "وقال الأمين العام للأمم المتحدة إن 62 شخصاً قُتلوا، وفق «رويترز»؟"


@pytest.mark.parametrize("noisy, clean", [
    ("الحكـــومة", "الحكومة"),                                  # tatweel stretching a word
    ("ـــــــ عنوان ـــــــ", "عنوان"),                          # tatweel as a rule line
    ("الـ36 عاماً", "الـ36 عاماً"),                            # tatweel detaching a prefix: kept
    ("بـ\"الجيش الحر\"", "بـ\"الجيش الحر\""),
    ("لـ «اليوم»", "لـ «اليوم»"),
    ("5 رجب 1439 هـ", "5 رجب 1439 هـ"),
    ("الـــ36", "الـ36"),
    ("الخرطوم ـ أعلن الجيش", "الخرطوم ـ أعلن الجيش"),          # alone between spaces: a dash
    ("\u202bنص\u202c", "نص"),                                    # embedding
    ("62\u200f قتيلاً", "62 قتيلاً"),                            # RLM
    ("مي\u200cخواهم", "میخواهم".replace("ی", "ي")),               # ZWNJ removed, letters kept
    ("\ufeffبداية", "بداية"),
    ("كلمة\u061cأخرى", "كلمةأخرى"),
    ("\u2067عزل\u2069", "عزل"),
    ("كلمة\u00a0أخرى", "كلمة أخرى"),
    ("كلمة\u2009\u2009أخرى", "كلمة أخرى"),
    ("  كلمة   أخرى  ", "كلمة أخرى"),
    ("سطر\nآخر", "سطر آخر"),
    ("ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "السلام عليكم"),                             # presentation forms B
    ("ﷲ", "الله"),                                               # presentation forms A ligature
    ("&quot;نص&quot; &amp; آخر&nbsp;هنا", "\"نص\" & آخر هنا"),
    ("&#1575;&#1604;&#1606;&#1589;", "النص"),
    ("ط§ظ„ط³ظ„ط§ظ… ط¹ظ„ظٹظƒظ…", "السلام عليكم"),                        # UTF-8 read as Windows-1256
    ("Ø§Ù„Ø³Ù„Ø§Ù… Ø¹Ù„ÙŠÙƒÙ…", "السلام عليكم"),                        # UTF-8 read as Windows-1252
    ("ÇáÓáÇã Úáíßã", "السلام عليكم"),                              # Windows-1256 read as Latin-1
    # Each alone in otherwise clean text, so no other noise sends it through every step.
    ("ا\u0653لان", "آلان"),                                          # decomposed: NFC composes
    ("\u2028نص\x85", "نص"),                                         # line and paragraph separators
    ("الأخبار &amp; التقارير", "الأخبار & التقارير"),                # entity
])
def test_noise_is_removed(noisy, clean):
    assert clean_inline(noisy) == clean


@pytest.mark.parametrize("text", [
    SENTENCE,
    "أإآٱا ى ي ة ه ؤ ئ ء",                       # hamza and alef forms, ى/ي, ة/ه
    "مُحَمَّدٌ وَعَلِيٌّ",                        # diacritics
    "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 0123456789",          # digits stay as printed
    "قال: «نعم»! ماذا؟ (لا) — حسناً؛ 3.5% …",   # punctuation
    "Café résumé",                               # Latin-1 text that is not mojibake
    "ع؟", "ط، ط،", "ÇáÓ",                        # too short to call mojibake
])
def test_clean_text_is_left_alone(text):
    assert clean_inline(text) == text
    assert repair_mojibake(text) == text


LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩"
NOISE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
         "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufeff"]

word = st.builds(lambda letters, marks: "".join(letter + m for letter, m in zip(letters, marks, strict=False)),
                 st.text(LETTERS, min_size=1, max_size=8),
                 st.lists(st.sampled_from(["", *MARKS]), min_size=8, max_size=8))
token = st.one_of(word, st.text(DIGITS, min_size=1, max_size=4), st.sampled_from(["،", ".", "؟", "«نعم»", "-"]))


@st.composite
def noisy_text(draw):
    """(noisy, truth): truth is clean words; noise is inserted where pages put it."""
    words = draw(st.lists(token, min_size=1, max_size=12))
    truth = " ".join(words)
    noisy_words = []
    for w in words:
        if draw(st.booleans()) and len(w) > 2 and w[0] in LETTERS and w[1] in LETTERS:
            w = w[0] + "ـ" * draw(st.integers(1, 3)) + w[1:]
        if draw(st.booleans()):
            w = draw(st.sampled_from(NOISE)) + w
        noisy_words.append(w)
    separators = [draw(st.sampled_from([" ", "  ", "\u00a0", " \u200f", "\u2009"])) for _ in noisy_words]
    noisy = "".join(w + s for w, s in zip(noisy_words, separators, strict=True))
    return noisy, truth


@settings(max_examples=400, deadline=None)
@given(noisy_text())
def test_cleaning_removes_only_noise(case):
    noisy, truth = case
    assert clean_inline(noisy) == truth


@settings(max_examples=400, deadline=None)
@given(st.text(LETTERS + MARKS + DIGITS + " \u0640\u00a0\u200c\u200f\u202b\ufeffﺍﻟﺴﻼﻡ&;#.،؟«»" + "ØÙطظ§„"))
def test_cleaning_is_idempotent(text):
    once = clean_inline(text)
    assert clean_inline(once) == once


@settings(max_examples=300, deadline=None)
@given(st.lists(word, min_size=1, max_size=12))
def test_letters_digits_and_marks_survive(words):
    text = " ".join(words)
    assert clean_inline(text) == text
