"""What the SQL stores share: the queries. A store subclass supplies the connection,
its schema, and how to run a statement (placeholders are written ``?`` here)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from ..dedup import StoryRef
from ..items import EXPORT_FIELDS

SCHEMA_VERSION = "1"
LIST_FIELDS = ("authors", "tags")
ARTICLE_COLUMNS = [f for f in EXPORT_FIELDS if f != "story_id"]
# What the dedup decision reads of an archived story (see _ref), and nothing more.
LIGHT_COLUMNS = "id, story_id, url, headline_key, NULL AS body, published_at, published_precision"
REF_COLUMNS = LIGHT_COLUMNS.replace("NULL AS body", "body")


# Both stores' tables, with what differs between the databases filled in by each store.
SCHEMA_TEMPLATE = """
CREATE TABLE IF NOT EXISTS newscrawl_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id {id},
    story_id {ref} NOT NULL,
    url TEXT NOT NULL UNIQUE,
    headline_key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    """ + ", ".join(f"{c} {'INTEGER' if c == 'word_count' else 'TEXT'}" for c in ARTICLE_COLUMNS if c != "url") + """
);
CREATE INDEX IF NOT EXISTS articles_key ON articles (site, headline_key, published_at);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at, id);
-- URLs that turned out to be copies of an archived story (press-review republications,
-- re-posts): remembered so incremental runs do not fetch them again.
CREATE TABLE IF NOT EXISTS url_aliases (
    url TEXT PRIMARY KEY,
    article_id {ref} NOT NULL{references},
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
-- Article URLs that could not be fetched, so a link that is broken for good stops
-- being tried (and reported) every hour.
CREATE TABLE IF NOT EXISTS failed_urls (
    url TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    last_failed TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS headline_tokens (
    site TEXT NOT NULL,
    token TEXT NOT NULL,
    published_at TEXT NOT NULL,
    article_id {ref} NOT NULL{references},
    PRIMARY KEY (site, token, published_at, article_id)
){tokens_table};
"""


def stamp(value: datetime | None) -> str | None:
    """Instants are stored as fixed-width UTC text in every store, so they sort as text
    and read back the same from SQLite and PostgreSQL."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None  # reads the "Z" (UTC) that stamp writes


def column_values(article: dict, columns) -> list:
    # Most stories have no authors or tags: "[]" without a call to json.dumps for it.
    return [(json.dumps(article[c], ensure_ascii=False) if article.get(c) else "[]") if c in LIST_FIELDS
            else article.get(c) for c in columns]


class SQLStore:
    """Lookups go through indexes on the URL, on (site, headline key, publication
    instant) and on (site, headline token, instant), so their cost depends on how many
    stories share a key or a token within the window, not on the size of the archive."""

    def _rows(self, sql: str, params=()) -> list:
        raise NotImplementedError

    def _run(self, sql: str, params=()) -> None:
        raise NotImplementedError

    def _run_many(self, sql: str, rows: list) -> None:
        raise NotImplementedError

    def _insert_returning_id(self, sql: str, params) -> int:
        raise NotImplementedError

    def transaction(self):
        """A context in which statements commit together (nested: together with the outer one)."""
        raise NotImplementedError

    @contextmanager
    def deciding(self, site: str, headline_key: str, tokens: list[str], url: str = ""):
        """Hold while deciding whether a story is new and archiving it: no other writer
        can archive this URL or a story that would be its candidate (same key or a shared
        token) until this ends. Here one transaction; stores with several writers lock."""
        with self.transaction():
            yield

    # --- lookups -------------------------------------------------------------------

    @staticmethod
    def _ref(row) -> StoryRef:
        return StoryRef(url=row["url"], headline_key=row["headline_key"], body=row["body"],
                        published_at=instant(row["published_at"]), precision=row["published_precision"],
                        id=row["id"], story_id=row["story_id"])

    def by_url(self, url: str) -> StoryRef | None:
        """The archived story at ``url``, or the one ``url`` was found to copy."""
        rows = self._rows(
            f"SELECT {REF_COLUMNS} FROM articles WHERE id IN (SELECT id FROM articles WHERE url = ? "
            "UNION SELECT article_id FROM url_aliases WHERE url = ?) ORDER BY url = ? DESC LIMIT 1", (url, url, url))
        return self._ref(rows[0]) if rows else None

    def url_state(self, url: str) -> tuple[datetime | None, int]:
        """(when ``url`` — an article, or a known copy of one — was first archived, or
        None; how many runs failed to fetch it)."""
        return self.url_states([url])[url]

    def url_states(self, urls: list[str]) -> dict[str, tuple[datetime | None, int]]:
        """url_state of many URLs in one query per few hundred: a listing page asks about
        all its links at once (one round trip, not one per link, to a database server)."""
        states = dict.fromkeys(urls, (None, 0))
        unique = list(states)
        for start in range(0, len(unique), 300):
            chunk = unique[start:start + 300]
            marks = ",".join("?" * len(chunk))
            for row in self._rows(
                    f"SELECT url, first_seen AS archived, 0 AS failures FROM articles WHERE url IN ({marks}) "
                    f"UNION ALL SELECT url, first_seen, 0 FROM url_aliases WHERE url IN ({marks}) "
                    f"UNION ALL SELECT url, NULL, failures FROM failed_urls WHERE url IN ({marks})", chunk * 3):
                archived, failures = states[row["url"]]
                states[row["url"]] = (archived or instant(row["archived"]), max(failures, row["failures"]))
        return states

    def candidates(self, site: str, headline_key: str, tokens: list[str],
                   span: tuple[datetime, datetime] | None, compared=None, min_shared: int = 1) -> list[StoryRef]:
        """Archived stories of ``site`` with the same key (within ``span`` when given)
        or, within ``span``, sharing at least ``min_shared`` of the headline ``tokens``
        (see dedup.min_shared_tokens). With ``compared`` (a predicate, see dedup.compared)
        only those it keeps, and only their bodies are read."""
        if span is None:
            where, params = "site = ? AND headline_key = ?", (site, headline_key)
        else:
            low, high, *rest = span  # (low, high) or a dedup.SearchSpan with its month starts
            starts = [stamp(m) for m in (rest[0] if rest else ())]
            # One index range per subquery: an OR of the range and the month starts would
            # make the database read every row of a token, whatever its date.
            # (condition, its values, whether undated stories with the same key count too)
            dates = [("published_at BETWEEN ? AND ?", (stamp(low), stamp(high)), True)]
            if starts:
                dates.append((f"published_at IN ({','.join('?' * len(starts))})", tuple(starts), False))
            marks = ",".join("?" * len(tokens))
            parts, params = [], ()
            for when, values, with_undated in dates:
                undated = " OR published_at IS NULL" if with_undated else ""
                parts.append(f"SELECT id FROM articles WHERE site = ? AND headline_key = ? AND ({when}{undated})")
                params += (site, headline_key, *values)
                if tokens:
                    # A story's token rows all carry its one instant and one row per token:
                    # COUNT(*) is the number of tokens it shares.
                    parts.append(f"SELECT article_id FROM headline_tokens WHERE site = ? AND token IN ({marks}) "
                                 f"AND {when} GROUP BY article_id HAVING COUNT(*) >= ?")
                    params += (site, *tokens, *values, min_shared)
            where = f"id IN ({' UNION '.join(parts)})"
        # In the order they were archived, so the decision does not depend on the database's.
        if compared is None:
            return [self._ref(r) for r in self._rows(
                f"SELECT {REF_COLUMNS} FROM articles WHERE {where} ORDER BY id", params)]
        light = [self._ref(r) for r in self._rows(
            f"SELECT {LIGHT_COLUMNS} FROM articles WHERE {where} ORDER BY id", params)]
        ids = [ref.id for ref in light if compared(ref)]
        if not ids:
            return []
        return [self._ref(r) for r in self._rows(
            f"SELECT {REF_COLUMNS} FROM articles WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id", ids)]

    def record_failure(self, url: str, error: str, when: datetime) -> None:
        with self.transaction():
            self._run("INSERT INTO failed_urls VALUES (?, 1, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                      "failures = failed_urls.failures + 1, last_error = excluded.last_error, "
                      "last_failed = excluded.last_failed", (url, error, stamp(when)))

    # --- writes --------------------------------------------------------------------

    def add(self, article: dict, *, headline_key: str, content_hash: str, published_at: datetime | None,
            tokens: list[str], story_id: int | None, seen_at: datetime) -> tuple[int, int]:
        """Archive one story in one transaction; returns (its id, its story_id — its own
        id when it starts a story)."""
        published, seen = stamp(published_at), stamp(seen_at)
        with self.transaction():
            article_id = self._insert_returning_id(
                f"INSERT INTO articles (story_id, headline_key, content_hash, published_at, first_seen, last_seen, "
                f"{', '.join(ARTICLE_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, {', '.join('?' * len(ARTICLE_COLUMNS))})",
                (story_id or 0, headline_key, content_hash, published, seen, seen,
                 *column_values(article, ARTICLE_COLUMNS)))
            if story_id is None:
                story_id = article_id
                self._run("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
            if published:
                self._run_many("INSERT INTO headline_tokens VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                               [(article["site"], t, published, article_id) for t in tokens])
        return article_id, story_id

    def touch(self, article_id: int, seen_at: datetime, alias: str | None = None, reason: str = "") -> None:
        """Record that an archived story was seen again, at ``alias`` when that is
        another URL."""
        with self.transaction():
            self._run("UPDATE articles SET last_seen = ? WHERE id = ?", (stamp(seen_at), article_id))
            if alias:
                self._run("INSERT INTO url_aliases VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                          (alias, article_id, reason, stamp(seen_at)))

    def replace(self, article_id: int, article: dict, *, headline_key: str, content_hash: str,
                published_at: datetime | None, tokens: list[str], seen_at: datetime) -> bool:
        """Overwrite an archived story's fields with a fresh crawl of the same URL
        (``refresh``); its id, story_id and first_seen stay. False when nothing changed."""
        rows = self._rows("SELECT content_hash, headline_key FROM articles WHERE id = ?", (article_id,))
        if rows and (rows[0]["content_hash"], rows[0]["headline_key"]) == (content_hash, headline_key):
            self.touch(article_id, seen_at)
            return False
        columns = [c for c in ARTICLE_COLUMNS if c != "url"]
        published = stamp(published_at)
        with self.transaction():
            self._run(f"UPDATE articles SET headline_key = ?, content_hash = ?, published_at = ?, last_seen = ?, "
                      f"{', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                      (headline_key, content_hash, published, stamp(seen_at), *column_values(article, columns),
                       article_id))
            self._run("DELETE FROM headline_tokens WHERE article_id = ?", (article_id,))
            if published:
                self._run_many("INSERT INTO headline_tokens VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                               [(article["site"], t, published, article_id) for t in tokens])
        return True

    # --- reading the whole archive -------------------------------------------------

    def _article_rows(self, sql: str, params) -> Iterator:
        return iter(self._rows(sql, params))

    def articles(self, site: str | None = None, section: str | None = None,
                 since: datetime | None = None, until: datetime | None = None) -> Iterator[dict]:
        """Archived stories as export rows, ordered by publication time (undated last)."""
        where, params = [], []
        for clause, value in (("site = ?", site), ("section = ?", section),
                              ("published_at >= ?", stamp(since)), ("published_at < ?", stamp(until))):
            if value is not None:
                where.append(clause)
                params.append(value)
        sql = "SELECT * FROM articles" + (" WHERE " + " AND ".join(where) if where else "") + \
            " ORDER BY published_at IS NULL, published_at, id"
        for row in self._article_rows(sql, params):
            yield {f: json.loads(row[f]) if f in LIST_FIELDS else row[f] for f in EXPORT_FIELDS}

    def count(self) -> int:
        return self._rows("SELECT COUNT(*) AS n FROM articles")[0]["n"]
