"""What the SQL stores share: the queries. A store subclass supplies the connection,
its schema, and how to run a statement (placeholders are written ``?`` here)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from newscrawl.archive.base import ArchiveError
from newscrawl.archive.dedup import StoryRef
from newscrawl.items import EXPORT_FIELDS
from newscrawl.text.keys import search_terms

# The version an archive written by this code has; newscrawl_meta records an archive's own.
SCHEMA_VERSION = 9
LIST_FIELDS = ("authors", "tags")
# The article columns of schema version 1, as SCHEMA_TEMPLATE creates them: fixed forever.
V1_COLUMNS = ["url", "site", "section", "headline", "summary", "dateline", "body", "authors", "published",
              "published_precision", "updated", "tags", "image_url", "language", "word_count", "crawled_at",
              "body_source"]
# What re-extraction needs besides the page (newscrawl.raw.warc, newscrawl.commands.reextract):
# where the page is kept, the listing's time, and the extraction that made the row.
RECORD_COLUMNS = ["warc_record", "listing_time", "extractor_version"]
# Every article column written today (V1_COLUMNS, then those the migrations added).
ARTICLE_COLUMNS = [*V1_COLUMNS, *RECORD_COLUMNS]
assert [f for f in EXPORT_FIELDS if f != "story_id"] == V1_COLUMNS
# What the dedup decision reads of an archived story (see _ref), and nothing more.
LIGHT_COLUMNS = "id, story_id, url, headline_key, NULL AS body, published_at, published_precision"
REF_COLUMNS = LIGHT_COLUMNS.replace("NULL AS body", "body")


# Both stores' tables at schema version 1, with what differs between the databases filled
# in by each store. Never edited: later versions are reached through MIGRATIONS.
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
    """ + ", ".join(f"{c} {'INTEGER' if c == 'word_count' else 'TEXT'}" for c in V1_COLUMNS if c != "url") + """
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


# MIGRATIONS[n] moves an archive from version n to n + 1: statements run in order, in one
# transaction with the version's update. A new table or column is a new step here, never
# an edit of SCHEMA_TEMPLATE or of an earlier step: archives in use went through those.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 1 → 2: the crawl frontier (newscrawl.fetch.frontier).
    1: (
        # Article URLs a listing named that are still to fetch: a run that ends before
        # fetching them (killed, cut short) leaves them here for the next one.
        "CREATE TABLE due_urls (url TEXT PRIMARY KEY, site TEXT NOT NULL, listing_time TEXT, found TEXT NOT NULL)",
        "CREATE INDEX due_urls_site ON due_urls (site)",
        # Per listing stream (site, source, section), the article URLs from which the
        # listing has been walked to its end without a gap.
        "CREATE TABLE covered_urls (stream TEXT NOT NULL, url TEXT NOT NULL, covered TEXT NOT NULL, "
        "PRIMARY KEY (stream, url))",
        # The URLs of listing walks still under way, promoted to covered_urls when a walk
        # reaches the end of its listing or a covered URL.
        "CREATE TABLE walk_urls (walk TEXT NOT NULL, stream TEXT NOT NULL, url TEXT NOT NULL, "
        "started TEXT NOT NULL, PRIMARY KEY (walk, url))",
        "CREATE INDEX walk_urls_stream ON walk_urls (stream, started)",
    ),
    # 2 → 3: whether a due URL was named by a listing that says it is an article (sitemap,
    # feed, API, a link in the site's article URL shape) or only linked (newscrawl.fetch.frontier).
    2: (
        "ALTER TABLE due_urls ADD COLUMN listed INTEGER NOT NULL DEFAULT 1",
    ),
    # 3 → 4: where each body paragraph occurs (newscrawl.extract.learned): a paragraph on the pages
    # of many different stories of one site is that site's furniture.
    3: (
        "CREATE TABLE paragraph_uses (site TEXT NOT NULL, paragraph TEXT NOT NULL, story_id INTEGER NOT NULL, "
        "article_id INTEGER NOT NULL, in_body INTEGER NOT NULL, PRIMARY KEY (site, paragraph, article_id))",
        "CREATE INDEX paragraph_uses_article ON paragraph_uses (article_id)",
    ),
    # 4 → 5: what re-extraction needs (RECORD_COLUMNS); rows archived before have none.
    4: tuple(f"ALTER TABLE articles ADD COLUMN {c} TEXT" for c in ("warc_record", "listing_time", "extractor_version")),
    # 5 → 6: full-text search over each story's search terms (newscrawl.text.keys.search_terms),
    # in each database's own index; filled for the stories already archived.
    5: {
        "sqlite": ("CREATE VIRTUAL TABLE article_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0')",),
        "postgresql": ("CREATE TABLE article_terms (article_id BIGINT PRIMARY KEY, terms TEXT NOT NULL)",
                       "CREATE INDEX article_terms_search ON article_terms USING GIN (to_tsvector('simple', terms))"),
    },
    # 6 → 7: each run's verdict, kept with the archive so every machine sharing it sees them.
    6: ("CREATE TABLE runs (site TEXT NOT NULL, started TEXT NOT NULL, ended TEXT NOT NULL, archived INTEGER NOT NULL, "
        "exit_status INTEGER NOT NULL, failures TEXT NOT NULL, PRIMARY KEY (site, started))",),
    # 7 → 8: the page of a URL found to copy an archived story, so re-extraction can find
    # that it no longer does (scrapy reextract splits it off into its own row).
    7: tuple(f"ALTER TABLE url_aliases ADD COLUMN {c} TEXT" for c in ("warc_record", "listing_time")),
    # 8 → 9: the stories as analysts read them (scrapy browse, any SQL tool): the export
    # fields, and the month that scrapy stats counts by as a column, because Datasette
    # facets on columns and keeps the archive read-only (it cannot create a view itself).
    8: ("CREATE VIEW stories AS SELECT published, SUBSTR(published_at, 1, 7) AS month, site, section, headline, "
        "summary, dateline, authors, tags, word_count, body, url, published_precision, updated, image_url, language, "
        "crawled_at, body_source, story_id FROM articles",),
}


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def stamp(value: datetime | None) -> str | None:
    """Instants are stored as fixed-width UTC text in every store, so they sort as text
    and read back the same from SQLite and PostgreSQL."""
    if not value:
        return None
    value = value.astimezone(UTC)  # strftime("%Y-%m-%dT%H:%M:%SZ") written out: a third faster
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:{value.second:02d}Z"


def instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None  # reads the "Z" (UTC) that stamp writes


def column_values(article: dict, columns: Iterable[str]) -> list:
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

    def hold_commits(self) -> bool:
        """Commit transactions together, later (``flush``), where the store can; whether it
        does. A store several crawlers write at once commits each at once: the others'
        dedup decisions must see it."""
        return False

    def flush(self) -> None:
        """Commit what ``hold_commits`` held."""

    uncommitted = False  # whether writes are held, not yet committed

    def when_committed(self, callback, errback) -> None:
        """``callback()`` once what was written so far is committed, ``errback(error)`` if
        that commit fails."""
        callback()

    # --- schema --------------------------------------------------------------------

    name = "archive"  # how messages name this archive (a path, a server URL without password)
    kind = "sql"  # which database: a key of the store-specific MIGRATIONS steps
    read_only = False
    Error: type[Exception] = Exception  # what the database driver raises

    def check(self) -> None:
        """Raise ArchiveError if the archive is damaged (stores that can tell)."""

    def _tables(self) -> set[str]:
        raise NotImplementedError

    def _schema_v1(self) -> str:
        raise NotImplementedError

    def _version(self) -> int | None:
        rows = self._rows("SELECT value FROM newscrawl_meta WHERE key = 'schema_version'")
        return int(rows[0]["value"]) if rows else None

    def prepare(self) -> None:
        """Make the schema current: create it in an empty database, upgrade an archive
        written by an earlier newscrawl in place (MIGRATIONS, one transaction, every row
        kept). Raises ArchiveError for a database that is not an archive or an archive
        newer than this code; a read-only store only checks."""
        with self.transaction():
            tables = self._tables()
            if tables and "newscrawl_meta" not in tables:
                raise ArchiveError(f"{self.name} is not a newscrawl archive (it holds other tables)")
            version = self._version() if tables else None
            if version is not None and version > SCHEMA_VERSION:
                raise ArchiveError(f"{self.name} has archive schema version {version}, newer than this newscrawl's "
                                   f"({SCHEMA_VERSION}): upgrade newscrawl to use it")
            if self.read_only:
                if version is None:
                    raise ArchiveError(f"{self.name} is not a newscrawl archive (no archive tables)")
                return
            if version is None:
                for statement in _statements(self._schema_v1()):
                    self._run(statement)
                self._run("INSERT INTO newscrawl_meta VALUES ('schema_version', '1')")
                version = 1
            for step in range(version, SCHEMA_VERSION):
                statements = MIGRATIONS[step]
                for statement in statements[self.kind] if isinstance(statements, dict) else statements:
                    self._run(statement)
                if step == 5:
                    for row in self._rows("SELECT id, headline, summary, body FROM articles"):
                        self._index_terms(row["id"], row)
            if version != SCHEMA_VERSION:
                self._run("UPDATE newscrawl_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))

    # --- the frontier (newscrawl.fetch.frontier) ------------------------------------------

    def record_page(self, walk: str, stream: str, started: datetime, walked: list[str],
                    due: list[tuple[str, str, datetime | None, bool]], *, restart: bool, complete: bool,
                    now: datetime) -> None:
        """One listing page of a walk, in one transaction: its article URLs ``due`` for
        fetching ((url, site, listing time, listed); see add_due), the URLs it ``walked`` added to the walk
        (after forgetting the walk so far when ``restart``: a gap lies above this page),
        and, when ``complete``, the whole walk promoted to the stream's covered URLs."""
        with self.transaction():
            self.add_due(due, now)
            if restart:
                self._run("DELETE FROM walk_urls WHERE walk = ?", (walk,))
            self._run_many("INSERT INTO walk_urls VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           [(walk, stream, url, stamp(started)) for url in dict.fromkeys(walked)])
            if complete:
                self._run("INSERT INTO covered_urls SELECT stream, url, ? FROM walk_urls WHERE walk = ? "
                          "ON CONFLICT DO NOTHING", (stamp(now), walk))
                self._run("DELETE FROM walk_urls WHERE walk = ?", (walk,))

    def add_due(self, due: list[tuple[str, str, datetime | None, bool]], now: datetime) -> None:
        """(url, site, listing time, listed) of article URLs to fetch, due until archived;
        ``listed``: named by a listing that says it is an article, not only linked."""
        if due:
            with self.transaction():
                self._run_many("INSERT INTO due_urls (url, site, listing_time, found, listed) VALUES (?, ?, ?, ?, ?) "
                               "ON CONFLICT (url) DO UPDATE SET "
                               "listing_time = COALESCE(excluded.listing_time, due_urls.listing_time), "
                               "listed = CASE WHEN excluded.listed = 1 THEN 1 ELSE due_urls.listed END",
                               [(url, site, stamp(when), stamp(now), int(listed)) for url, site, when, listed in due])

    def covered(self, stream: str, urls: list[str]) -> set[str]:
        """Which of ``urls`` the stream's listing has been walked from to its end."""
        found = set()
        unique = list(dict.fromkeys(urls))
        for start in range(0, len(unique), 300):
            chunk = unique[start:start + 300]
            found.update(r["url"] for r in self._rows(
                f"SELECT url FROM covered_urls WHERE stream = ? AND url IN ({','.join('?' * len(chunk))})",
                (stream, *chunk)))
        return found

    def forget_walks(self, stream_prefix: str, before: datetime) -> None:
        """Drop what walks begun before ``before`` left behind (a run that ended mid-walk)."""
        with self.transaction():
            self._run("DELETE FROM walk_urls WHERE stream LIKE ? AND started < ?", (stream_prefix + "%", stamp(before)))

    def due(self, site: str, give_up_after: int) -> list[tuple[str, datetime | None, bool]]:
        """(url, listing time, listed) of the site's article URLs still to fetch: named by
        a listing, neither archived nor failed ``give_up_after`` times."""
        return [(r["url"], instant(r["listing_time"]), bool(r["listed"])) for r in self._rows(
            "SELECT d.url, d.listing_time, d.listed FROM due_urls d LEFT JOIN failed_urls f ON f.url = d.url "
            "WHERE d.site = ? AND COALESCE(f.failures, 0) < ? AND d.url NOT IN (SELECT url FROM articles) "
            "AND d.url NOT IN (SELECT url FROM url_aliases) ORDER BY d.found, d.url", (site, give_up_after))]

    def coverage(self, stream: str) -> tuple[int, datetime | None]:
        """(covered URLs, the earliest publication instant among their archived stories)."""
        row = self._rows("SELECT COUNT(*) AS n, MIN(a.published_at) AS oldest FROM covered_urls c "
                         "LEFT JOIN articles a ON a.url = c.url WHERE c.stream = ?", (stream,))[0]
        return row["n"], instant(row["oldest"])

    def _resolve(self, urls) -> None:
        """These URLs are archived (or known copies): no longer due."""
        self._run_many("DELETE FROM due_urls WHERE url = ?", [(u,) for u in dict.fromkeys(urls)])

    @contextmanager
    def deciding(self, site: str, headline_key: str, tokens: list[str], url: str = "") -> Iterator[None]:
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
                   span: tuple[datetime, datetime] | None, compared: Callable[[StoryRef], bool] | None = None,
                   min_shared: int = 1) -> list[StoryRef]:
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
            self._index_terms(article_id, article)
            self._resolve([article["url"]])
        return article_id, story_id

    def touch(self, article_id: int, seen_at: datetime, alias: str | None = None, reason: str = "",
              page: tuple[str | None, str | None] = (None, None)) -> None:
        """Record that an archived story was seen again, at ``alias`` when that is
        another URL (``page``: the alias page's WARC record and listing time)."""
        with self.transaction():
            self._run("UPDATE articles SET last_seen = ? WHERE id = ?", (stamp(seen_at), article_id))
            if alias:
                self._run("INSERT INTO url_aliases (url, article_id, reason, first_seen, warc_record, listing_time) "
                          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                          (alias, article_id, reason, stamp(seen_at), *page))
                self._resolve([alias])

    def replace(self, article_id: int, article: dict, *, headline_key: str, content_hash: str,
                published_at: datetime | None, tokens: list[str], seen_at: datetime, force: bool = False) -> bool:
        """Overwrite an archived story's fields with a fresh crawl of the same URL
        (``refresh``); its id, story_id and first_seen stay. False when nothing changed
        (the text and headline; with ``force``, every field is written whatever changed)."""
        rows = self._rows("SELECT content_hash, headline_key FROM articles WHERE id = ?", (article_id,))
        if not force and rows and (rows[0]["content_hash"], rows[0]["headline_key"]) == (content_hash, headline_key):
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
            self._index_terms(article_id, article)
            if published:
                self._run_many("INSERT INTO headline_tokens VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                               [(article["site"], t, published, article_id) for t in tokens])
        return True

    def represent(self, article_id: int, article: dict, *, headline_key: str, content_hash: str,
                  published_at: datetime | None, tokens: list[str], seen_at: datetime, reason: str) -> str:
        """Make ``article``, a copy of the archived story ``article_id`` that stands for it
        better (newscrawl.archive.dedup.stands_before), the story's row: its URL and fields replace
        the row's, whose id, story_id and first_seen stay; the row's URL becomes an alias
        (``reason``). Returns that URL."""
        with self.transaction():
            row = self._rows("SELECT url, warc_record, listing_time FROM articles WHERE id = ?", (article_id,))[0]
            old = row["url"]
            # The new URL may already be known as an alias of this story: it is the row's now.
            self._run("DELETE FROM url_aliases WHERE url = ?", (article["url"],))
            self._run("UPDATE articles SET url = ? WHERE id = ?", (article["url"], article_id))
            self.replace(article_id, article, headline_key=headline_key, content_hash=content_hash,
                         published_at=published_at, tokens=tokens, seen_at=seen_at, force=True)
            self._run("INSERT INTO url_aliases (url, article_id, reason, first_seen, warc_record, listing_time) "
                      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                      (old, article_id, reason, stamp(seen_at), row["warc_record"], row["listing_time"]))
            self._resolve([article["url"], old])
        return old

    # --- re-deciding after re-extraction (newscrawl.raw.reextract) ----------------------

    def stories(self) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[str, str]]]:
        """The whole archive's rows, URL → (id, story_id), and aliases, URL → (reason, the
        URL of the row it copies): for a scratch archive, compared with the real one."""
        rows = {r["url"]: (r["id"], r["story_id"]) for r in self._rows("SELECT id, url, story_id FROM articles")}
        aliases = {r["url"]: (r["reason"], r["row_url"]) for r in self._rows(
            "SELECT a.url, a.reason, r.url AS row_url FROM url_aliases a JOIN articles r ON r.id = a.article_id")}
        return rows, aliases

    def alias_pages(self, article_ids: list[int]) -> list[dict]:
        """The aliases of these rows whose page was kept: URL, row id, reason, first seen,
        WARC record and listing time."""
        found = []
        for start in range(0, len(article_ids), 300):
            chunk = article_ids[start:start + 300]
            found += [dict(r) for r in self._rows(
                f"SELECT url, article_id, reason, first_seen, warc_record, listing_time FROM url_aliases "
                f"WHERE warc_record IS NOT NULL AND article_id IN ({','.join('?' * len(chunk))}) ORDER BY first_seen",
                chunk)]
        return found

    def merge(self, article_id: int, into_id: int, reason: str) -> None:
        """Row ``article_id`` is found to copy row ``into_id``: its URL and its aliases
        become aliases of ``into_id`` (its page kept with it), and the row goes."""
        with self.transaction():
            row = self._rows("SELECT url, first_seen, warc_record, listing_time FROM articles WHERE id = ?",
                             (article_id,))[0]
            self._run("UPDATE url_aliases SET article_id = ? WHERE article_id = ?", (into_id, article_id))
            for table in ("headline_tokens", "paragraph_uses"):
                self._run(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self._delete_terms(article_id)
            self._run("DELETE FROM articles WHERE id = ?", (article_id,))
            self._run("INSERT INTO url_aliases (url, article_id, reason, first_seen, warc_record, listing_time) "
                      "VALUES (?, ?, ?, ?, ?, ?)",
                      (row["url"], into_id, reason, row["first_seen"], row["warc_record"], row["listing_time"]))

    def split(self, url: str, article: dict, *, headline_key: str, content_hash: str,
              published_at: datetime | None, tokens: list[str], seen_at: datetime) -> tuple[int, int]:
        """The alias ``url`` is found to be a story of its own: it becomes a row (a story of
        its own, until ``set_story``); returns (its id, its story_id)."""
        with self.transaction():
            self._run("DELETE FROM url_aliases WHERE url = ?", (url,))
            return self.add(article, headline_key=headline_key, content_hash=content_hash,
                            published_at=published_at, tokens=tokens, story_id=None, seen_at=seen_at)

    def point_alias(self, url: str, article_id: int) -> None:
        """The alias ``url`` copies row ``article_id`` (another row than before)."""
        with self.transaction():
            self._run("UPDATE url_aliases SET article_id = ? WHERE url = ?", (article_id, url))

    def set_story(self, article_id: int, story_id: int) -> None:
        """Row ``article_id`` is a version of story ``story_id``."""
        with self.transaction():
            self._run("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
            self._run("UPDATE paragraph_uses SET story_id = ? WHERE article_id = ?", (story_id, article_id))

    # --- site-wide furniture (newscrawl.extract.learned) -------------------------------------

    def paragraph_stories(self, site: str, keys: list[str], story_id: int | None) -> dict[str, int]:
        """For each paragraph key, on how many distinct stories of ``site`` other than
        ``story_id`` it has been seen (follow-ups of one story count once)."""
        counts: dict[str, int] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 300):
            chunk = unique[start:start + 300]
            for row in self._rows(
                    f"SELECT paragraph, COUNT(DISTINCT story_id) AS n FROM paragraph_uses WHERE site = ? "
                    f"AND paragraph IN ({','.join('?' * len(chunk))}) AND story_id != ? GROUP BY paragraph",
                    (site, *chunk, story_id if story_id is not None else -1)):
                counts[row["paragraph"]] = row["n"]
        return counts

    def paragraph_uses(self, site: str, min_stories: int) -> list[tuple[str, int]]:
        """Every (paragraph key, story_id) of the site's evidence, of the paragraphs seen on
        ``min_stories`` or more distinct stories."""
        return [(r["paragraph"], r["story_id"]) for r in self._rows(
            "SELECT DISTINCT paragraph, story_id FROM paragraph_uses WHERE site = ? AND paragraph IN "
            "(SELECT paragraph FROM paragraph_uses WHERE site = ? GROUP BY paragraph "
            "HAVING COUNT(DISTINCT story_id) >= ?)", (site, site, min_stories))]

    def headline_keys_of(self, site: str) -> set[str]:
        """The headline keys of every archived story of ``site``."""
        return {r["headline_key"] for r in self._rows("SELECT DISTINCT headline_key FROM articles WHERE site = ?",
                                                      (site,))}

    def record_paragraphs(self, site: str, article_id: int, story_id: int, kept: list[str],
                          dropped: list[str], shown: list[str] = ()) -> None:
        """The paragraph keys of an archived story: ``kept`` in its body, ``dropped`` from it,
        ``shown`` elsewhere on its page."""
        with self.transaction():
            self._run_many("INSERT INTO paragraph_uses VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           [(site, key, story_id, article_id, 1) for key in dict.fromkeys(kept)] +
                           [(site, key, story_id, article_id, 0) for key in dict.fromkeys([*dropped, *shown])])

    def recurring_paragraphs(self, site: str, min_stories: int) -> set[str]:
        """The paragraph keys of ``site`` seen on ``min_stories`` or more distinct stories."""
        return {r["paragraph"] for r in self._rows(
            "SELECT paragraph FROM paragraph_uses WHERE site = ? GROUP BY paragraph "
            "HAVING COUNT(DISTINCT story_id) >= ?", (site, min_stories))}

    def bodies_with(self, site: str, min_stories: int, recorded_by: list[int] | None = None) -> list[int]:
        """The ids of the site's stories whose body still holds a paragraph seen on
        ``min_stories`` or more distinct stories; with ``recorded_by`` (story row ids), only
        such paragraphs that those stories' pages hold (the only ones whose counts they
        changed)."""
        if recorded_by is None:
            chunks, within = [()], ""
        else:
            unique = sorted(set(recorded_by))
            chunks = [tuple(unique[start:start + 300]) for start in range(0, len(unique), 300)]
            within = "AND paragraph IN (SELECT paragraph FROM paragraph_uses WHERE article_id IN ({})) "
        ids: set[int] = set()
        for chunk in chunks:
            ids.update(r["article_id"] for r in self._rows(
                "SELECT DISTINCT u.article_id FROM paragraph_uses u WHERE u.site = ? AND u.in_body = 1 AND "
                f"u.paragraph IN (SELECT paragraph FROM paragraph_uses WHERE site = ? "
                f"{within.format(','.join('?' * len(chunk)))}"
                "GROUP BY paragraph HAVING COUNT(DISTINCT story_id) >= ?)", (site, site, *chunk, min_stories)))
        return sorted(ids)

    def furniture_checked(self, site: str) -> int | None:
        """The story row id up to which every story's page evidence has been through an
        end-of-run furniture pass (newscrawl.extract.learned), or None when none has."""
        rows = self._rows("SELECT value FROM newscrawl_meta WHERE key = ?", (f"furniture_checked:{site}",))
        return int(rows[0]["value"]) if rows else None

    def set_furniture_checked(self, site: str, article_id: int) -> None:
        with self.transaction():
            self._run("INSERT INTO newscrawl_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                      (f"furniture_checked:{site}", str(article_id)))

    def latest_id(self) -> int:
        """The highest story row id in the archive (any site), 0 when it is empty."""
        return self._rows("SELECT COALESCE(MAX(id), 0) AS n FROM articles")[0]["n"]

    def ids_after(self, site: str, article_id: int) -> list[int]:
        """The row ids of ``site``'s stories above ``article_id``."""
        return [r["id"] for r in self._rows("SELECT id FROM articles WHERE id > ? AND site = ? ORDER BY id",
                                            (article_id, site))]

    def headline_keys(self, site: str, keys: list[str]) -> set[str]:
        """Which of ``keys`` are the headline keys of archived stories of ``site``."""
        found: set[str] = set()
        unique = list(dict.fromkeys(k for k in keys if k))
        for start in range(0, len(unique), 300):
            chunk = unique[start:start + 300]
            found.update(r["headline_key"] for r in self._rows(
                f"SELECT DISTINCT headline_key FROM articles WHERE site = ? "
                f"AND headline_key IN ({','.join('?' * len(chunk))})", (site, *chunk)))
        return found

    def bodies_of(self, ids: list[int]) -> list[tuple[int, str, str, str]]:
        """(id, URL, body, headline key) of these archived stories."""
        rows = []
        for start in range(0, len(ids), 300):
            chunk = ids[start:start + 300]
            rows += [(r["id"], r["url"], r["body"], r["headline_key"]) for r in self._rows(
                f"SELECT id, url, body, headline_key FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
        return rows

    def set_body(self, article_id: int, body: str, *, word_count: int, content_hash: str, dropped: list[str]) -> None:
        """A story's body without paragraphs found to be furniture, in place."""
        with self.transaction():
            self._run("UPDATE articles SET body = ?, word_count = ?, content_hash = ? WHERE id = ?",
                      (body, word_count, content_hash, article_id))
            self._index_terms(article_id, self._rows("SELECT headline, summary, body FROM articles WHERE id = ?",
                                                     (article_id,))[0])
            self._run_many("UPDATE paragraph_uses SET in_body = 0 WHERE article_id = ? AND paragraph = ?",
                           [(article_id, key) for key in dropped])

    # --- reading the whole archive -------------------------------------------------

    def _article_rows(self, sql: str, params) -> Iterator:
        return iter(self._rows(sql, params))

    def articles(self, site: str | None = None, section: str | None = None,
                 since: datetime | None = None, until: datetime | None = None,
                 query: str | None = None) -> Iterator[dict]:
        """Archived stories as export rows, ordered by publication time (undated last);
        with ``query``, those whose headline, summary or body hold all its words (compared
        as newscrawl.text.keys.search_terms compares them)."""
        where, params = [], []
        if query is not None:
            terms = list(dict.fromkeys(search_terms(query)))
            if not terms:
                return
            sql, values = self._matching(terms)
            where.append(f"id IN ({sql})")
            params += values
        for clause, value in (("site = ?", site), ("section = ?", section),
                              ("published_at >= ?", stamp(since)), ("published_at < ?", stamp(until))):
            if value is not None:
                where.append(clause)
                params.append(value)
        sql = "SELECT * FROM articles" + (" WHERE " + " AND ".join(where) if where else "") + \
            " ORDER BY published_at IS NULL, published_at, id"
        for row in self._article_rows(sql, params):
            yield _export_row(row)

    def records(self, site: str, *, section: str | None = None, since: datetime | None = None,
                until: datetime | None = None) -> Iterator[dict]:
        """The site's archived rows with what re-extraction needs (id, URL, the WARC record,
        the listing's time, crawled_at, extractor version) and their export fields; read a
        few hundred at a time, so rows may be updated while this goes on."""
        where, params = ["site = ?"], [site]
        for clause, value in (("section = ?", section), ("published_at >= ?", stamp(since)),
                              ("published_at < ?", stamp(until))):
            if value is not None:
                where.append(clause)
                params.append(value)
        ids = [r["id"] for r in self._rows(f"SELECT id FROM articles WHERE {' AND '.join(where)} ORDER BY id", params)]
        for start in range(0, len(ids), 300):
            chunk = ids[start:start + 300]
            for row in self._rows(f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id",
                                  chunk):
                yield {**_export_row(row), "id": row["id"], "warc_record": row["warc_record"],
                       "listing_time": row["listing_time"], "extractor_version": row["extractor_version"]}

    def articles_at(self, urls: Iterable[str]) -> Iterator[dict]:
        """The archived stories that ``urls`` (article URLs or their aliases) lead to, each
        once, as export rows in publication order: what a run archived, as the archive
        holds it at the end (after an earlier copy took a story's row, say). Rows are read
        a few hundred at a time: a backfill's run is not loaded whole."""
        unique, ids = list(dict.fromkeys(urls)), set()
        for start in range(0, len(unique), 300):
            chunk = unique[start:start + 300]
            marks = ",".join("?" * len(chunk))
            ids.update(r["id"] for r in self._rows(
                f"SELECT id FROM articles WHERE url IN ({marks}) "
                f"UNION SELECT article_id AS id FROM url_aliases WHERE url IN ({marks})", chunk * 2))
        order, found = [], sorted(ids)
        for start in range(0, len(found), 300):
            chunk = found[start:start + 300]
            order += [(r["published_at"] is None, r["published_at"] or "", r["id"]) for r in self._rows(
                f"SELECT id, published_at FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
        ordered = [key[2] for key in sorted(order)]
        for start in range(0, len(ordered), 300):
            chunk = ordered[start:start + 300]
            rows = {r["id"]: r for r in self._rows(
                f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
            for article_id in chunk:
                yield _export_row(rows[article_id])

    # --- search --------------------------------------------------------------------

    def _index_terms(self, article_id: int, article) -> None:
        """(Re)write a story's search terms: its headline, summary and body."""
        terms = []
        for name in ("headline", "summary", "body"):
            try:
                # Field by field: the body (clean, as archived) reuses the matching forms
                # its content hash just made (keys._matching_form's cache).
                terms += search_terms(article[name] or "", already_clean=name == "body")
            except (KeyError, IndexError):  # a story without that field
                pass
        terms = " ".join(terms)
        self._write_terms(article_id, terms)

    def _write_terms(self, article_id: int, terms: str) -> None:
        raise NotImplementedError

    def _delete_terms(self, article_id: int) -> None:
        raise NotImplementedError

    def _matching(self, terms: list[str]) -> tuple[str, list]:
        """SQL selecting the ids of stories holding every one of ``terms``, and its parameters."""
        raise NotImplementedError

    # --- runs and counts (scrapy stats) ------------------------------------------------

    def record_run(self, site: str, started: datetime, ended: datetime, archived: int, exit_status: int,
                   failures: list[str]) -> None:
        with self.transaction():
            self._run("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                      (site, stamp(started), stamp(ended), archived, exit_status,
                       json.dumps(failures, ensure_ascii=False)))

    def site_stats(self, site: str, fields: tuple[str, ...], last_runs: int = 10) -> tuple[
            dict[tuple[str, str], int], dict[str, int], int, list[tuple[str, int, int, list[str]]]]:
        """({(section, "YYYY-MM"): stories}, {field: stories having it}, stories, the last
        runs as (start, archived, exit status, failures))."""
        counts = {(r["section"] or "-", r["month"] or "undated"): r["n"] for r in self._rows(
            "SELECT section, SUBSTR(published_at, 1, 7) AS month, COUNT(*) AS n FROM articles WHERE site = ? "
            "GROUP BY section, SUBSTR(published_at, 1, 7)", (site,))}
        present = ", ".join(
            f"SUM(CASE WHEN {f} IS NOT NULL AND {f} NOT IN ('', '[]') THEN 1 ELSE 0 END) AS {f}" for f in fields)
        row = self._rows(f"SELECT COUNT(*) AS total, {present} FROM articles WHERE site = ?", (site,))[0]
        runs = [(r["started"], r["archived"], r["exit_status"], json.loads(r["failures"])) for r in self._rows(
            "SELECT * FROM runs WHERE site = ? ORDER BY started DESC LIMIT ?", (site, last_runs))]
        return counts, {f: row[f] or 0 for f in fields}, row["total"], runs

    def sites_and_sections(self) -> dict[str, set[str]]:
        """The sites in the archive, each with the sections its stories name."""
        found: dict[str, set[str]] = {}
        for row in self._rows("SELECT DISTINCT site, section FROM articles"):
            found.setdefault(row["site"], set()).update([row["section"]] if row["section"] else [])
        return found

    def count(self) -> int:
        return self._rows("SELECT COUNT(*) AS n FROM articles")[0]["n"]


def _export_row(row) -> dict:
    return {f: json.loads(row[f]) if f in LIST_FIELDS else row[f] for f in EXPORT_FIELDS}
