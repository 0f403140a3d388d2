"""An archive's dedup books in memory: what archive_story (newscrawl.archive.archiving)
asks of a store and writes to it when it does not refresh, over dicts and sorted lists
instead of tables. Re-extraction takes every dedup decision again over stories it holds
in memory already (newscrawl.raw.reextract). On the 10 000-article mirror's stories an
in-memory SQLite archive took 0.26-0.30 ms of CPU a story for it, half of that in its
statements; this takes 0.13-0.16 ms, most of it the policy's own comparisons.

It answers as SQLStore answers, to the letter: instants to the second, as stored;
candidates in the order archived; a URL's own row before the row it is an alias of;
an alias, once known, kept. tests/unit/test_memory_store.py holds the two to the same
decisions on the same sequences of stories."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from newscrawl.archive.dedup import StoryRef


def _stored(value: datetime | None) -> datetime | None:
    """An instant as a store gives it back (newscrawl.archive.sql.stamp): UTC, to the second."""
    if value is None or (value.tzinfo is UTC and not value.microsecond):
        return value
    return value.astimezone(UTC).replace(microsecond=0)


@dataclass
class _Row:
    id: int
    story_id: int
    site: str
    url: str
    headline_key: str
    body: str
    published_at: datetime | None
    precision: str | None
    tokens: list[str]

    def ref(self, body: bool = True) -> StoryRef:
        return StoryRef(url=self.url, headline_key=self.headline_key, body=self.body if body else None,
                        published_at=self.published_at, precision=self.precision, id=self.id,
                        story_id=self.story_id)


_LAST = float("inf")  # after every id: (instant, _LAST) follows each (instant, id)


class MemoryStore:
    def __init__(self):
        self._rows: dict[int, _Row] = {}
        self._urls: dict[str, int] = {}  # a row's URL → its id
        self._aliases: dict[str, tuple[int, str]] = {}  # an alias → (the id of its row, why)
        self._keys: dict[tuple[str, str], set[int]] = {}  # (site, headline key) → ids
        # (site, token) → (instant, id) of the dated stories whose headline has it, in order
        self._tokens: dict[tuple[str, str], list[tuple[datetime, int]]] = {}
        self._instants: dict[datetime, int] = {}  # how many stories are dated at each instant

    @contextmanager
    def deciding(self, site: str, headline_key: str, tokens: list[str], url: str = "") -> Iterator[None]:
        yield  # one process, one thread

    def by_url(self, url: str) -> StoryRef | None:
        row_id = self._urls.get(url)
        if row_id is None and url in self._aliases:
            row_id = self._aliases[url][0]
        return None if row_id is None else self._rows[row_id].ref()

    def candidates(self, site: str, headline_key: str, tokens: list[str], span, compared: Callable | None = None,
                   min_shared: int = 1) -> list[StoryRef]:
        """As SQLStore.candidates."""
        same_key = self._keys.get((site, headline_key), ())
        if span is None:
            found = set(same_key)
        else:
            low, high, *rest = span
            low, high = _stored(low), _stored(high)
            # The month starts no story sits at, or within the range already, find nothing more.
            starts = [start for start in dict.fromkeys(map(_stored, rest[0] if rest else ()))
                      if start in self._instants and not low <= start <= high]
            found = {i for i in same_key if (when := self._rows[i].published_at) is None
                     or low <= when <= high or when in starts}
            shared: dict[int, int] = {}
            for token in dict.fromkeys(tokens):  # as SQL's IN: a token asked twice counts once
                dated = self._tokens.get((site, token), ())
                hits = dated[bisect_left(dated, (low, 0)):bisect_right(dated, (high, _LAST))]
                for start in starts:
                    hits += dated[bisect_left(dated, (start, 0)):bisect_right(dated, (start, _LAST))]
                for _, row_id in hits:
                    shared[row_id] = shared.get(row_id, 0) + 1
            found.update(row_id for row_id, count in shared.items() if count >= min_shared)
        rows = [self._rows[i] for i in sorted(found)]
        if compared is not None:
            rows = [row for row in rows if compared(row.ref(body=False))]
        return [row.ref() for row in rows]

    def _index(self, row: _Row) -> None:
        self._keys.setdefault((row.site, row.headline_key), set()).add(row.id)
        if row.published_at is not None:
            self._instants[row.published_at] = self._instants.get(row.published_at, 0) + 1
            for token in row.tokens:
                insort(self._tokens.setdefault((row.site, token), []), (row.published_at, row.id))

    def _unindex(self, row: _Row) -> None:
        self._keys[(row.site, row.headline_key)].discard(row.id)
        if row.published_at is not None:
            self._instants[row.published_at] -= 1
            if not self._instants[row.published_at]:
                del self._instants[row.published_at]
            for token in row.tokens:
                self._tokens[(row.site, token)].remove((row.published_at, row.id))

    def add(self, article: dict, *, headline_key: str, content_hash: str, published_at: datetime | None,
            tokens: list[str], story_id: int | None, seen_at: datetime) -> tuple[int, int]:
        if article["url"] in self._urls:
            raise ValueError(f"{article['url']} is archived already")
        row_id = len(self._rows) + 1  # rows are never deleted here
        row = _Row(row_id, story_id or row_id, article["site"], article["url"], headline_key, article["body"],
                   _stored(published_at), article.get("published_precision"), list(dict.fromkeys(tokens)))
        self._rows[row_id] = row
        self._urls[row.url] = row_id
        self._index(row)
        return row_id, row.story_id

    def touch(self, article_id: int, seen_at: datetime, alias: str | None = None, reason: str = "",
              page: tuple = (None, None)) -> None:
        if alias:
            self._aliases.setdefault(alias, (article_id, reason))

    def represent(self, article_id: int, article: dict, *, headline_key: str, content_hash: str,
                  published_at: datetime | None, tokens: list[str], seen_at: datetime, reason: str) -> str:
        if self._urls.get(article["url"], article_id) != article_id:
            raise ValueError(f"{article['url']} is another row's")
        row = self._rows[article_id]
        old = row.url
        self._aliases.pop(article["url"], None)
        del self._urls[old]
        self._urls[article["url"]] = article_id
        self._unindex(row)
        row.url, row.site, row.headline_key, row.body = article["url"], article["site"], headline_key, article["body"]
        row.published_at, row.precision = _stored(published_at), article.get("published_precision")
        row.tokens = list(dict.fromkeys(tokens))
        self._index(row)
        self._aliases.setdefault(old, (article_id, reason))
        return old

    def stories(self) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[str, str]]]:
        """As SQLStore.stories."""
        rows = {row.url: (row.id, row.story_id) for row in self._rows.values()}
        aliases = {url: (reason, self._rows[row_id].url) for url, (row_id, reason) in self._aliases.items()}
        return rows, aliases
