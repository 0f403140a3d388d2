"""The dedup policy: is an incoming story new, a duplicate, or a follow-up of one archived?

Pure: the store hands in the archived stories that could match; this module decides.

- Same canonical URL: duplicate («url»).
- Same headline key within the window: duplicate («headline»), unless the bodies are
  clearly different stories — then it is a new story.
- Same key further apart: a new story (recurring headlines such as «أسعار النفط اليوم»).
- A headline that differs only in its numbers, or in one or two words of a longer
  headline, within the window: a follow-up, archived as its own row with the first
  version's story_id — unless the texts are near-identical (90 % of 3-grams), which
  makes it a copy with an edited headline: a duplicate («near_headline»).

Of a story's copies, one stands for it in the archive whatever order they arrive in
(``stands_before``): the earliest published, then the lowest article ID, then the URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from newscrawl.text.keys import normalise_for_matching

# Bodies sharing at least this share of the shorter one's word 3-grams tell one story.
SAME_STORY_CONTAINMENT = 0.5
# A near-identical headline over a near-identical text is a copy, not a follow-up.
SAME_TEXT_CONTAINMENT = 0.9
FOLLOWUP_MAX_EDITS = 2
FOLLOWUP_MAX_EDIT_SHARE = 0.25
# How far a date of lower precision may really lie from the instant stored for it.
PRECISION_SLACK = {"datetime": timedelta(0), "day": timedelta(days=1), "month": timedelta(days=31)}
STOPWORDS = frozenset("في من على الى عن مع بعد قبل حول بين عند او ان انه التي الذي هذا هذه ذلك تلك لا ما و".split())


@dataclass(frozen=True)
class StoryRef:
    """A story as the policy sees it, archived or incoming."""

    url: str
    headline_key: str
    body: str
    published_at: datetime | None
    precision: str | None
    id: int | None = None
    story_id: int | None = None


@dataclass(frozen=True)
class Decision:
    verdict: str  # new | duplicate | followup
    reason: str | None = None  # url | headline | near_headline
    story_id: int | None = None
    other: StoryRef | None = None


def published_instant(published: str | None, precision: str | None) -> datetime | None:
    """A UTC instant for an ISO date at any precision (the first moment it can mean)."""
    if not published:
        return None
    text = published + "-01" if precision == "month" else published
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class SearchSpan(NamedTuple):
    """Where an archived story's instant must lie to be compared: between low and high,
    or — a story known only to its month, stored at the month's first moment — at one of
    month_starts, which reach a month further."""

    low: datetime
    high: datetime
    month_starts: tuple[datetime, ...] = ()


def search_span(story: StoryRef, window: timedelta) -> SearchSpan | None:
    """The publication instants an archived story must have to be compared with ``story``
    (see within_window). Month-precision stories are the only ones that need the wide
    reach, and they sit at month starts: the span stays narrow for the rest, so the
    archive returns the stories of about two weeks, not of two and a half months."""
    if story.published_at is None:
        return None
    reach = window + PRECISION_SLACK.get(story.precision or "datetime", timedelta(0))
    narrow = reach + PRECISION_SLACK["day"]
    wide = reach + PRECISION_SLACK["month"]
    low, high = story.published_at - wide, story.published_at + wide
    month, starts = datetime(low.year, low.month, 1, tzinfo=UTC), []
    while month <= high:
        if month >= low:
            starts.append(month)
        month = datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=UTC)
    return SearchSpan(story.published_at - narrow, story.published_at + narrow, tuple(starts))


def within_window(a: StoryRef, b: StoryRef, window: timedelta) -> bool:
    if a.published_at is None or b.published_at is None:
        return True  # no date to tell them apart: the key alone decides
    slack = PRECISION_SLACK.get(a.precision or "datetime", timedelta(0)) + \
        PRECISION_SLACK.get(b.precision or "datetime", timedelta(0))
    return abs(a.published_at - b.published_at) <= window + slack


def key_tokens(headline_key: str) -> list[str]:
    """Tokens of a key worth indexing for near-duplicate search: no numbers, no stopwords."""
    return [t for t in dict.fromkeys(headline_key.split()) if len(t) > 2 and not t.isdigit() and t not in STOPWORDS]


def min_shared_tokens(tokens: list[str]) -> int:
    """How many of a headline's index tokens (key_tokens) another headline must share to
    be a candidate. A follow-up headline is at most FOLLOWUP_MAX_EDITS token edits away,
    and each edit takes at most one token away: all but that many are shared. (A headline
    with the same key is found by its key, whatever it shares.) In a dense archive most
    headlines share a common word or two with any other: those are never read."""
    return max(1, len(tokens) - FOLLOWUP_MAX_EDITS)


# The incoming story is compared with every candidate: its shingles are made once.
@lru_cache(maxsize=64)
def _shingles(body: str) -> frozenset[tuple[str, ...]]:
    words = normalise_for_matching(body, already_clean=True).split()
    if len(words) < 3:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def _containment(body_a: str, body_b: str) -> float:
    a, b = _shingles(body_a), _shingles(body_b)
    if not a or not b:
        return 1.0  # nothing to tell them apart
    return len(a & b) / min(len(a), len(b))


def same_story(body_a: str, body_b: str) -> bool:
    return _containment(body_a, body_b) >= SAME_STORY_CONTAINMENT


def _token_edits(a: list[str], b: list[str]) -> int:
    previous = list(range(len(b) + 1))
    for i, token_a in enumerate(a, 1):
        current = [i]
        for j, token_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (token_a != token_b)))
        previous = current
    return previous[-1]


def _shared(a: list[str], b: list[str]) -> int:
    """How many tokens ``a`` and ``b`` have in common, repeats counted (a multiset
    intersection, without building Counters)."""
    counts: dict[str, int] = {}
    for token in a:
        counts[token] = counts.get(token, 0) + 1
    shared = 0
    for token in b:
        if counts.get(token):
            counts[token] -= 1
            shared += 1
    return shared


# Asked twice of each pair: which candidates to read (compared), then decide.
@lru_cache(maxsize=4096)
def is_followup_headline(key_a: str, key_b: str) -> bool:
    a, b = key_a.split(), key_b.split()
    if a == b:
        return False
    if [t for t in a if not t.isdigit()] == [t for t in b if not t.isdigit()] and len(a) == len(b):
        return True  # only numbers changed: «36 قتيلاً» → «62 قتيلاً»
    # Every token one headline has and the other lacks costs an edit: most candidates
    # share a word or two and are out before the (quadratic) edit distance.
    if max(len(a), len(b)) - _shared(a, b) > FOLLOWUP_MAX_EDITS:
        return False
    edits = _token_edits(a, b)
    return edits <= FOLLOWUP_MAX_EDITS and edits / max(len(a), len(b)) <= FOLLOWUP_MAX_EDIT_SHARE


def compared(incoming: StoryRef, window: timedelta) -> Callable[[StoryRef], bool]:
    """Which archived candidates decide() reads the body of: within the window, with the
    same headline key or a follow-up headline. The archive loads only their bodies."""
    def wanted(candidate: StoryRef) -> bool:
        return within_window(incoming, candidate, window) and (
            candidate.headline_key == incoming.headline_key
            or is_followup_headline(candidate.headline_key, incoming.headline_key))
    return wanted


def decide(incoming: StoryRef, same_url: StoryRef | None, candidates: Iterable[StoryRef],
           window: timedelta) -> Decision:
    if same_url is not None:
        return Decision("duplicate", "url", same_url.story_id, same_url)
    near = [c for c in candidates if within_window(incoming, c, window)]
    for candidate in near:
        if candidate.headline_key == incoming.headline_key and same_story(candidate.body, incoming.body):
            return Decision("duplicate", "headline", candidate.story_id, candidate)
    followups = [c for c in near if is_followup_headline(c.headline_key, incoming.headline_key)]
    for candidate in followups:
        if _containment(candidate.body, incoming.body) >= SAME_TEXT_CONTAINMENT:
            return Decision("duplicate", "near_headline", candidate.story_id, candidate)
    if followups:
        first = min(followups, key=lambda c: (c.published_at or datetime.max.replace(tzinfo=UTC), c.id or 0))
        return Decision("followup", "near_headline", first.story_id, first)
    return Decision("new")


_NUMBERS = re.compile(r"\d{3,}")


def article_number(url: str) -> int | None:
    """The article ID a news URL carries: the longest run of three or more digits in its
    path and query, the last of equals (…/2024/05/1325525.html, …/2020/8/24/slug/4943459,
    …/news/898682/2026-01-08-slug, …?id=164913) — longer than the year beside it — or None."""
    parts = urlsplit(url)
    runs = _NUMBERS.findall(f"{parts.path}?{parts.query}")
    return int(max(reversed(runs), key=len)) if runs else None


def stands_before(a: StoryRef, b: StoryRef, number: Callable[[str], int | None] = article_number) -> bool:
    """Whether copy ``a`` stands for the story rather than copy ``b``: the one published
    first; where the dates cannot tell them apart (both on one day, or either known only
    to its month, or undated), the lower article ID (a site numbers its articles as it
    publishes them), then the URL. A total order, so any arrival order gives one answer."""
    return _standing(a, b, number) < _standing(b, a, number)


def _standing(a: StoryRef, b: StoryRef, number) -> tuple:
    dated = a.published_at is not None and b.published_at is not None and \
        "month" not in (a.precision, b.precision)
    if dated and "day" in (a.precision, b.precision):
        when = a.published_at.date()
        dated = when != b.published_at.date()
    else:
        when = a.published_at
    if dated and a.published_at == b.published_at:
        dated = False
    found = number(a.url)
    return (when if dated else 0, found is None, found or 0, a.url)
