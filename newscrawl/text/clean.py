"""Cleaning an article's text fields: noise out, furniture out, dateline apart."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .dateline import split_dateline
from .furniture import remove_furniture
from .unicode import clean_inline


def clean_paragraphs(paragraphs: Iterable[str], site_patterns: Iterable[re.Pattern] = ()) -> list[str]:
    """Each paragraph cleaned of noise; empty paragraphs and furniture dropped."""
    cleaned = [p for p in (clean_inline(p) for p in paragraphs) if p]
    return remove_furniture(cleaned, site_patterns)


def clean_body(body: str, site_patterns: Iterable[re.Pattern] = ()) -> tuple[str | None, list[str]]:
    """A body (paragraphs separated by blank lines) → (dateline, clean paragraphs).

    The dateline is taken from the first paragraph only; the rest of that paragraph
    stays the first paragraph."""
    paragraphs = clean_paragraphs(re.split(r"\n\s*\n", body or ""), site_patterns)
    if not paragraphs:
        return None, []
    dateline, first = split_dateline(paragraphs[0])
    return dateline, [first, *paragraphs[1:]] if first else paragraphs[1:]


def clean_list(values: Iterable[str]) -> list[str]:
    """Authors or tags: each cleaned, empties and repeats dropped, order kept."""
    return list(dict.fromkeys(v for v in (clean_inline(v) for v in values) if v))
