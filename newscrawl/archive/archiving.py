"""One story into the archive: the dedup decision (newscrawl.archive.dedup) and its writes
(newscrawl.archive), together, inside the store's deciding section. ArchivePipeline is
a thin adapter around archive_story; the benchmarks and tests call it as it does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from newscrawl.archive.dedup import (
    Decision,
    StoryRef,
    article_number,
    compared,
    decide,
    key_tokens,
    min_shared_tokens,
    published_instant,
    search_span,
    stands_before,
)
from newscrawl.archive.sql import SQLStore
from newscrawl.text.keys import content_hash


def archive_story(store: SQLStore, article: dict, key: str, window: timedelta, *, refresh: bool = False,
                  seen_at: datetime | None = None, number: Callable[[str], int | None] = article_number,
                  on_written: Callable[[int, int], None] | None = None,
                  hashed: str | None = None) -> tuple[str, Decision, int | None]:
    """(outcome, decision, story_id) for a cleaned article (its export fields, and the
    URLs that redirected to it under "aliases"), whose headline key is ``key``. Outcome:
    "archived", "duplicate" (the archived story it repeats is touched, the URL remembered),
    "represents" (a copy of an archived story that stands for it better — published
    earlier, or a lower article ID by ``number`` — takes over its row; the row's URL
    becomes an alias), or with ``refresh`` for an archived URL "refreshed" (updated in
    place) or "unchanged".
    With several crawler processes on one archive, no other one can archive a candidate
    of this story between the decision and the write. ``on_written(row id, story_id)`` is
    called when the story's row was written (archived, represents, refreshed), inside
    the same transaction: what it writes commits with the row. ``hashed``: the body's
    content hash, when the caller has it."""
    precision = article.get("published_precision")
    incoming = StoryRef(url=article["url"], headline_key=key, body=article["body"],
                        published_at=published_instant(article.get("published"), precision), precision=precision)
    tokens, now = key_tokens(key), seen_at or datetime.now(UTC)
    hashed = hashed or content_hash(incoming.body, already_clean=True)
    with store.deciding(article["site"], key, tokens, url=incoming.url):
        candidates = store.candidates(article["site"], key, tokens, search_span(incoming, window),
                                      compared=compared(incoming, window), min_shared=min_shared_tokens(tokens))
        decision = decide(incoming, store.by_url(incoming.url), candidates, window)
        aliases = [a for a in article.get("aliases") or [] if a != incoming.url]
        if decision.verdict == "duplicate" and decision.reason == "url" and decision.other.url == incoming.url \
                and refresh:
            changed = store.replace(decision.other.id, article, headline_key=key,
                                    content_hash=hashed,
                                    published_at=incoming.published_at, tokens=tokens, seen_at=now)
            if changed and on_written is not None:
                on_written(decision.other.id, decision.story_id)
            return ("refreshed" if changed else "unchanged"), decision, decision.story_id
        if decision.verdict == "duplicate" and decision.reason != "url" and \
                stands_before(incoming, decision.other, number):
            store.represent(decision.other.id, article, headline_key=key,
                            content_hash=hashed,
                            published_at=incoming.published_at, tokens=tokens, seen_at=now, reason=decision.reason)
            for other in aliases:
                store.touch(decision.other.id, now, alias=other, reason="redirect")
            if on_written is not None:
                on_written(decision.other.id, decision.story_id)
            return "represents", decision, decision.story_id
        if decision.verdict == "duplicate":
            alias = incoming.url if incoming.url != decision.other.url else None
            store.touch(decision.other.id, now, alias=alias, reason=decision.reason,
                        page=(article.get("warc_record"), article.get("listing_time")))
            for other in aliases:
                store.touch(decision.other.id, now, alias=other, reason="redirect")
            return "duplicate", decision, decision.story_id
        article_id, story_id = store.add(
            article, headline_key=key, content_hash=hashed,
            published_at=incoming.published_at, tokens=tokens, story_id=decision.story_id, seen_at=now)
        for other in aliases:  # the URLs that redirected here: known, so not fetched again
            store.touch(article_id, now, alias=other, reason="redirect")
        if on_written is not None:
            on_written(article_id, story_id)
        return "archived", decision, story_id
