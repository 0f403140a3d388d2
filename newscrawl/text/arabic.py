"""Arabic normalisation for matching, in one place: what the headline keys, the date
reader and the furniture rules fold, they fold the same way. Pure and lossy — these forms
are for comparing text, never for storing it (newscrawl.text.unicode keeps stored text
faithful).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹, Persian and Urdu) digits.
_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                         **{chr(0x06F0 + i): str(i) for i in range(10)}})
_NON_ASCII_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# Harakat and tanwin, Quranic annotation marks, the superscript alef, and tatweel.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Spelling variants a reader does not notice: the hamza forms of alef and the wasla, and
# alif maqsura written for yaa, fold everywhere; taa marbuta / haa and hamza on waw or yaa
# only where whole words are compared (headline keys), as month names never carry them.
_ALEF_AND_YAA = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"))
_WORD_ENDINGS = (("ة", "ه"), ("ؤ", "و"), ("ئ", "ي"))


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits."""
    return text.translate(_DIGITS) if _NON_ASCII_DIGIT.search(text) else text


def remove_marks(text: str) -> str:
    """Text without Arabic diacritics, Quranic marks and tatweel."""
    return _MARKS.sub("", text)


def fold_letters(text: str, *, word_endings: bool = True) -> str:
    """أ إ آ ٱ → ا and ى → ي; with ``word_endings`` also ة → ه, ؤ → و, ئ → ي."""
    # str.translate looks up every character of a body in a dict; a handful of
    # str.replace scans is several times faster on Arabic text.
    for letter, folded in (*_ALEF_AND_YAA, *_WORD_ENDINGS) if word_endings else _ALEF_AND_YAA:
        if letter in text:
            text = text.replace(letter, folded)
    return text


@lru_cache(maxsize=64)
def _site_name_suffix(name: str) -> re.Pattern:
    return re.compile(rf"\s*[|\-–—:]\s*{re.escape(name)}\s*$", re.I)


def strip_site_name(text: str, site_names: tuple[str, ...]) -> str:
    """``text`` without a trailing site name from ``site_names`` («… | إيلاف», «… - العربية»)."""
    for name in site_names:
        # The pattern is tried at every position of the text: first, whether it ends so.
        if name and text.rstrip()[-len(name):].lower() == name.lower():
            text = _site_name_suffix(name).sub("", text)
    return text
