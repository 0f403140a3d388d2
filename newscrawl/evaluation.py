"""Scoring extraction against hand-checked truth (tests/realpages): pure functions.

Tokens are whitespace-split after removing diacritics, tatweel and punctuation, as the
published comparisons of trafilatura, newspaper4k and readability on these pages do.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from .text.arabic import remove_marks


def tokens(text: str) -> list[str]:
    text = remove_marks(unicodedata.normalize("NFC", text or ""))
    text = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text)
    return text.split()


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
