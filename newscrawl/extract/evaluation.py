"""Scoring extraction against hand-checked truth (tests/realpages, ../shared/realpages-world):
pure functions.

Tokens are whitespace-split after removing diacritics, tatweel and punctuation, as the
published comparisons of trafilatura, newspaper4k and readability on the Arabic pages
do. Scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai,
Lao, Khmer, Myanmar) give one token per character instead, so a sentence is not one token
that a single differing character would lose whole; Korean, which spaces its words, and
every other script are split on spaces as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from newscrawl.text.arabic import remove_marks

# Letters of the scripts that put no space between words: Thai, Lao, Myanmar, Khmer,
# Hiragana, Katakana (and its phonetic extensions and half-width forms), CJK ideographs
# (the unified blocks, extension A, compatibility ideographs, and the supplementary planes).
_UNSPACED = re.compile("([\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
                       "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f])")


def tokens(text: str) -> list[str]:
    text = remove_marks(unicodedata.normalize("NFC", text or ""))
    text = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text)
    return _UNSPACED.sub(r" \1 ", text).split()


def token_f1(got: str, truth: str) -> float:
    a, b = Counter(tokens(got)), Counter(tokens(truth))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def headline_right(got: str | None, truth: dict) -> bool:
    return (got or "").strip() in {truth["headline"], *truth.get("headline_variants", [])}


def day_right(published: str | None, truth: dict) -> bool:
    return bool(published and truth.get("published")) and published[:10] == truth["published"][:10]
