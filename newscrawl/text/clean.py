"""Cleaning an article's text fields: noise out, furniture out, dateline apart."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newscrawl.text.dateline import dateline_alone, split_dateline
from newscrawl.text.dates import parse_date
from newscrawl.text.furniture import RULES, Rule, remove_furniture
from newscrawl.text.keys import normalise_for_matching
from newscrawl.text.unicode import clean_inline

# At most this many short lines may stand above a dateline.
_HEADER_LINES = 5
_HEADER_WORDS = 12
# A stamp line (labels, a date and a time, an update's too) is at most this long.
_STAMP_WORDS = 20


def clean_paragraphs(paragraphs: Iterable[str], site_patterns: Iterable[re.Pattern] = (),
                     rules: tuple[Rule, ...] = RULES) -> list[str]:
    """Each paragraph cleaned of noise; empty paragraphs and furniture dropped (by the
    furniture ``rules``, default all of them, and the site's patterns)."""
    cleaned = [p for p in (clean_inline(p) for p in paragraphs) if p]
    return remove_furniture(cleaned, site_patterns, rules)


def _stamps(paragraphs: list[str], authors: Iterable[str]) -> int:
    """How many of the lines opening ``paragraphs`` are the page's stamps, not the story:
    a publication or update time («تاريخ النشر: السبت 23 أيلول 2017 08:23»: a date read
    with its clock time) or the writers' names alone."""
    names = {normalise_for_matching(a) for a in authors} - {""}
    count = 0
    for paragraph in paragraphs[:_HEADER_LINES]:
        line = paragraph.removeprefix("- ")
        if len(line.split()) > _STAMP_WORDS:
            break
        parsed = parse_date(line)
        if not (parsed and parsed.precision == "datetime") and normalise_for_matching(line) not in names:
            break
        count += 1
    return count


def clean_body(body: str, site_patterns: Iterable[re.Pattern] = (),
               rules: tuple[Rule, ...] = RULES, place: str | None = None,
               authors: Iterable[str] = ()) -> tuple[str | None, list[str]]:
    """A body (paragraphs separated by blank lines) → (dateline, clean paragraphs).

    The dateline is taken from the paragraph that opens the story — the first, or the
    first below a few short page lines (dropped with it) — and the rest of that paragraph
    stays its first paragraph; a dateline in a block of its own is taken whole. ``rules``:
    the furniture rules to apply (default all; a leave-one-out score passes a subset).
    ``place``, a dateline the page's markup states, counts as a known place («تعز : …»).
    Stamps opening or closing the body (a time, the ``authors``' names alone) are dropped."""
    paragraphs = clean_paragraphs(re.split(r"\n\s*\n", body or ""), site_patterns, rules)
    # Stamps open a body or close it, as the page's markup put them above or below.
    paragraphs = paragraphs[_stamps(paragraphs, authors):]
    paragraphs = paragraphs[:len(paragraphs) - _stamps(paragraphs[::-1], authors)]
    if not paragraphs:
        return None, []
    # The dateline opens the article: a few short lines above it (a crumb, a date, a
    # headline, a reading time) are the page's, not the story's.
    for start in range(min(_HEADER_LINES + 1, len(paragraphs))):
        if start and len(paragraphs[start - 1].split()) > _HEADER_WORDS:
            break
        alone = dateline_alone(paragraphs[start], place)
        if alone and start + 1 < len(paragraphs):
            return alone, paragraphs[start + 1:]
        dateline, first = split_dateline(paragraphs[start], place)
        if dateline:
            return dateline, [first, *paragraphs[start + 1:]]
    return None, paragraphs


def clean_list(values: Iterable[str]) -> list[str]:
    """Authors or tags: each cleaned, empties and repeats dropped, order kept."""
    return list(dict.fromkeys(v for v in (clean_inline(v) for v in values) if v))


def clean_article(fields: Mapping, site_patterns: Iterable[re.Pattern] = ()) -> dict:
    """The cleaned text fields of an article: noise and furniture out of headline,
    summary, body, authors and tags, the dateline split from the body's opening, the
    word count of the clean body. The words stay exactly as published."""
    # A dateline the page states apart (its markup) stands where the text opens with none.
    given = clean_inline(fields.get("dateline")) or None
    dateline, paragraphs = clean_body(fields.get("body"), site_patterns, place=given,
                                      authors=fields.get("authors") or ())
    body = "\n\n".join(paragraphs)
    return {
        "headline": clean_inline(fields.get("headline")),
        "summary": clean_inline(fields.get("summary")) or None,
        "body": body,
        "dateline": dateline or given,
        "authors": clean_list(fields.get("authors") or []),
        "tags": clean_list(fields.get("tags") or []),
        "word_count": len(body.split()),
    }
