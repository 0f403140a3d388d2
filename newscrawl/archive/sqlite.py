"""The SQLite archive store: one file, no server, WAL journal, one transaction per story."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from ..dedup import StoryRef
from ..items import EXPORT_FIELDS
from .base import ArchiveError

SCHEMA_VERSION = "1"
LIST_FIELDS = ("authors", "tags")
ARTICLE_COLUMNS = [f for f in EXPORT_FIELDS if f != "story_id"]
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS newscrawl_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL,
    url TEXT NOT NULL UNIQUE,
    headline_key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    {", ".join(f"{c} {'INTEGER' if c == 'word_count' else 'TEXT'}" for c in ARTICLE_COLUMNS if c != "url")}
);
CREATE INDEX IF NOT EXISTS articles_key ON articles (site, headline_key, published_at);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at, id);
-- URLs that turned out to be copies of an archived story (press-review republications,
-- re-posts): remembered so incremental runs do not fetch them again.
CREATE TABLE IF NOT EXISTS url_aliases (
    url TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL,
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
    article_id INTEGER NOT NULL,
    PRIMARY KEY (site, token, published_at, article_id)
) WITHOUT ROWID;
"""


def _stamp(value: datetime | None) -> str | None:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def _instant(text: str | None) -> datetime | None:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) if text else None


class SQLiteStore:
    """Archive in one SQLite file. Lookups go through indexes on the URL, on
    (site, headline key, publication instant) and on (site, headline token, instant),
    so their cost depends on how many stories share a key or a token within the
    window, not on the size of the archive."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.row_factory = sqlite3.Row
        try:
            # Check what the file is before changing anything in it (WAL mode included).
            self._check_schema()
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as error:
            self.db.close()
            raise ArchiveError(f"{self.path} is not a newscrawl archive ({error})") from None

    def _check_schema(self) -> None:
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "newscrawl_meta" not in tables:
            raise sqlite3.DatabaseError("it holds other tables")
        with self.db:
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO newscrawl_meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        version = self.db.execute("SELECT value FROM newscrawl_meta WHERE key='schema_version'").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"schema version {version}, expected {SCHEMA_VERSION}")

    # --- lookups -------------------------------------------------------------------

    @staticmethod
    def _ref(row: sqlite3.Row) -> StoryRef:
        return StoryRef(url=row["url"], headline_key=row["headline_key"], body=row["body"],
                        published_at=_instant(row["published_at"]), precision=row["published_precision"],
                        id=row["id"], story_id=row["story_id"])

    def by_url(self, url: str) -> StoryRef | None:
        """The archived story at ``url``, or the one ``url`` was found to copy."""
        row = self.db.execute("SELECT * FROM articles WHERE url = ?", (url,)).fetchone() or self.db.execute(
            "SELECT articles.* FROM url_aliases JOIN articles ON articles.id = url_aliases.article_id "
            "WHERE url_aliases.url = ?", (url,)).fetchone()
        return self._ref(row) if row else None

    def url_state(self, url: str) -> tuple[datetime | None, int]:
        """(when ``url`` — an article, or a known copy of one — was first archived, or
        None; how many runs failed to fetch it), in one query: listings ask this for
        every link they hold."""
        row = self.db.execute(
            "SELECT (SELECT first_seen FROM articles WHERE url = ?1), "
            "(SELECT first_seen FROM url_aliases WHERE url = ?1), "
            "(SELECT failures FROM failed_urls WHERE url = ?1)", (url,)).fetchone()
        return _instant(row[0] or row[1]), row[2] or 0

    def candidates(self, site: str, headline_key: str, tokens: list[str],
                   span: tuple[datetime, datetime] | None) -> list[StoryRef]:
        """Archived stories of ``site`` with the same key (within ``span`` when given)
        or, within ``span``, sharing a headline token."""
        if span is None:
            rows = self.db.execute("SELECT * FROM articles WHERE site = ? AND headline_key = ?",
                                   (site, headline_key)).fetchall()
            return [self._ref(r) for r in rows]
        low, high = _stamp(span[0]), _stamp(span[1])
        ids = {r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE site = ? AND headline_key = ? AND "
            "(published_at BETWEEN ? AND ? OR published_at IS NULL)", (site, headline_key, low, high))}
        if tokens:
            marks = ",".join("?" * len(tokens))
            ids |= {r[0] for r in self.db.execute(
                f"SELECT article_id FROM headline_tokens WHERE site = ? AND token IN ({marks}) "
                "AND published_at BETWEEN ? AND ?", (site, *tokens, low, high))}
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return [self._ref(r) for r in self.db.execute(f"SELECT * FROM articles WHERE id IN ({marks})", tuple(ids))]

    def record_failure(self, url: str, error: str, when: datetime) -> None:
        with self.db:
            self.db.execute("INSERT INTO failed_urls VALUES (?, 1, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                            "failures = failures + 1, last_error = excluded.last_error, "
                            "last_failed = excluded.last_failed", (url, error, _stamp(when)))

    # --- writes --------------------------------------------------------------------

    def add(self, article: dict, *, headline_key: str, content_hash: str, published_at: datetime | None,
            tokens: list[str], story_id: int | None, seen_at: datetime) -> int:
        """Archive one story in one transaction; returns (its id, its story_id — its own
        id when it starts a story)."""
        values = {c: json.dumps(article.get(c) or [], ensure_ascii=False) if c in LIST_FIELDS else article.get(c)
                  for c in ARTICLE_COLUMNS}
        stamp, seen = _stamp(published_at), _stamp(seen_at)
        with self.db:
            cursor = self.db.execute(
                f"INSERT INTO articles (story_id, headline_key, content_hash, published_at, first_seen, last_seen, "
                f"{', '.join(ARTICLE_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, {', '.join('?' * len(ARTICLE_COLUMNS))})",
                (story_id or 0, headline_key, content_hash, stamp, seen, seen, *values.values()))
            article_id = cursor.lastrowid
            if story_id is None:
                story_id = article_id
                self.db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
            if stamp:
                self.db.executemany("INSERT OR IGNORE INTO headline_tokens VALUES (?, ?, ?, ?)",
                                    [(article["site"], t, stamp, article_id) for t in tokens])
        return article_id, story_id

    def touch(self, article_id: int, seen_at: datetime, alias: str | None = None, reason: str = "") -> None:
        """Record that an archived story was seen again, at ``alias`` when that is
        another URL."""
        with self.db:
            self.db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", (_stamp(seen_at), article_id))
            if alias:
                self.db.execute("INSERT OR IGNORE INTO url_aliases VALUES (?, ?, ?, ?)",
                                (alias, article_id, reason, _stamp(seen_at)))

    def replace(self, article_id: int, article: dict, *, headline_key: str, content_hash: str,
                published_at: datetime | None, tokens: list[str], seen_at: datetime) -> bool:
        """Overwrite an archived story's fields with a fresh crawl of the same URL
        (``refresh``); its id, story_id and first_seen stay. False when nothing changed."""
        row = self.db.execute("SELECT content_hash, headline_key FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row and (row[0], row[1]) == (content_hash, headline_key):
            self.touch(article_id, seen_at)
            return False
        values = [json.dumps(article.get(c) or [], ensure_ascii=False) if c in LIST_FIELDS else article.get(c)
                  for c in ARTICLE_COLUMNS if c != "url"]
        assignments = ", ".join(f"{c} = ?" for c in ARTICLE_COLUMNS if c != "url")
        stamp = _stamp(published_at)
        with self.db:
            self.db.execute(f"UPDATE articles SET headline_key = ?, content_hash = ?, published_at = ?, last_seen = ?, "
                            f"{assignments} WHERE id = ?",
                            (headline_key, content_hash, stamp, _stamp(seen_at), *values, article_id))
            self.db.execute("DELETE FROM headline_tokens WHERE article_id = ?", (article_id,))
            if stamp:
                self.db.executemany("INSERT OR IGNORE INTO headline_tokens VALUES (?, ?, ?, ?)",
                                    [(article["site"], t, stamp, article_id) for t in tokens])
        return True

    # --- reading the whole archive -------------------------------------------------

    def articles(self, site: str | None = None, section: str | None = None,
                 since: datetime | None = None, until: datetime | None = None) -> Iterator[dict]:
        """Archived stories as export rows, ordered by publication time (undated last)."""
        where, params = [], []
        for clause, value in (("site = ?", site), ("section = ?", section),
                              ("published_at >= ?", _stamp(since)), ("published_at < ?", _stamp(until))):
            if value is not None:
                where.append(clause)
                params.append(value)
        sql = "SELECT * FROM articles" + (" WHERE " + " AND ".join(where) if where else "") + \
            " ORDER BY published_at IS NULL, published_at, id"
        for row in self.db.execute(sql, params):
            yield {f: json.loads(row[f]) if f in LIST_FIELDS else row[f] for f in EXPORT_FIELDS}

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def close(self) -> None:
        self.db.close()
