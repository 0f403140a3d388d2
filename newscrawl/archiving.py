"""One story into the archive: the dedup decision (newscrawl.dedup) and its writes
(newscrawl.archive), together, inside the store's deciding section. ArchivePipeline is
a thin adapter around archive_story; the benchmarks and tests call it as it does."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .archive import open_store
from .dedup import Decision, StoryRef, compared, decide, key_tokens, min_shared_tokens, published_instant, search_span
from .text.keys import content_hash, headline_key

# The stores this process holds open, by archive URL: the story worker is one process for
# many stories, and opening a store (schema check, pragmas) per story would cost more
# than the story.
_open_stores: dict = {}


def archive_into(url: str, article: dict, site_names: tuple[str, ...], window: timedelta,
                 refresh: bool) -> tuple[str, str, str | None, str | None, int | None]:
    """archive_story into the archive at ``url``, keyed by the article's headline: what
    ArchivePipeline runs, in the story worker or in the crawl's process. Returns (outcome,
    verdict, reason, URL of the archived story it repeats or continues, story_id): plain
    values, which cross from the story worker cheaper than the Decision's dataclasses."""
    key = headline_key(article["headline"], site_names)
    outcome, decision, story_id = archive_story(open_archive(url), article, key, window, refresh=refresh)
    return outcome, decision.verdict, decision.reason, decision.other and decision.other.url, story_id


def open_archive(url: str):
    """The store at ``url``, opened on the first call in this process and kept open."""
    store = _open_stores.get(url)
    if store is None:
        store = _open_stores[url] = open_store(url)
    return store


def close_archive(url: str) -> None:
    store = _open_stores.pop(url, None)
    if store is not None:
        store.close()


def archive_story(store, article: dict, key: str, window: timedelta, *, refresh: bool = False,
                  seen_at: datetime | None = None) -> tuple[str, Decision, int | None]:
    """(outcome, decision, story_id) for a cleaned article (its export fields, and the
    URLs that redirected to it under "aliases"), whose headline key is ``key``. Outcome:
    "archived", "duplicate" (the archived story it repeats is touched, the URL remembered),
    or with ``refresh`` for an archived URL "refreshed" (updated in place) or "unchanged".
    With several crawler processes on one archive, no other one can archive a candidate
    of this story between the decision and the write."""
    precision = article.get("published_precision")
    incoming = StoryRef(url=article["url"], headline_key=key, body=article["body"],
                        published_at=published_instant(article.get("published"), precision), precision=precision)
    tokens, now = key_tokens(key), seen_at or datetime.now(timezone.utc)
    with store.deciding(article["site"], key, tokens, url=incoming.url):
        candidates = store.candidates(article["site"], key, tokens, search_span(incoming, window),
                                      compared=compared(incoming, window), min_shared=min_shared_tokens(tokens))
        decision = decide(incoming, store.by_url(incoming.url), candidates, window)
        aliases = [a for a in article.get("aliases") or [] if a != incoming.url]
        if decision.verdict == "duplicate" and decision.reason == "url" and decision.other.url == incoming.url \
                and refresh:
            changed = store.replace(decision.other.id, article, headline_key=key,
                                    content_hash=content_hash(incoming.body, already_clean=True),
                                    published_at=incoming.published_at, tokens=tokens, seen_at=now)
            return ("refreshed" if changed else "unchanged"), decision, decision.story_id
        if decision.verdict == "duplicate":
            alias = incoming.url if incoming.url != decision.other.url else None
            store.touch(decision.other.id, now, alias=alias, reason=decision.reason)
            for other in aliases:
                store.touch(decision.other.id, now, alias=other, reason="redirect")
            return "duplicate", decision, decision.story_id
        article_id, story_id = store.add(
            article, headline_key=key, content_hash=content_hash(incoming.body, already_clean=True),
            published_at=incoming.published_at, tokens=tokens, story_id=decision.story_id, seen_at=now)
        for other in aliases:  # the URLs that redirected here: known, so not fetched again
            store.touch(article_id, now, alias=other, reason="redirect")
        return "archived", decision, story_id
