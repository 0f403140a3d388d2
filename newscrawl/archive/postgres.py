"""The PostgreSQL archive store, for several crawler processes writing one archive.

Same tables and queries as SQLite (newscrawl/archive/sql.py). What several writers need
is in the database: URLs are UNIQUE, every story is written in one transaction, and the
dedup decision and the write happen inside one transaction holding advisory locks on the
story's URL, headline key and headline tokens — the same things the candidate search
looks at — so two processes cannot both decide that two copies of a story are new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import psycopg
from psycopg.rows import dict_row

from newscrawl.archive.base import ArchiveError, redact_password
from newscrawl.archive.sql import ARTICLE_COLUMNS, SCHEMA_TEMPLATE, SQLStore, column_values, stamp

SCHEMA = SCHEMA_TEMPLATE.format(id="BIGSERIAL PRIMARY KEY", ref="BIGINT", references=" REFERENCES articles (id)",
                                tokens_table="") + \
    "CREATE INDEX IF NOT EXISTS headline_tokens_article ON headline_tokens (article_id);\n"
# Any constant: the advisory lock that makes concurrent first starts create the schema once.
SCHEMA_LOCK = 0x6E657773


def _lock_id(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


class PostgresStore(SQLStore):
    Error = psycopg.Error
    kind = "postgresql"

    def __init__(self, url: str, read_only: bool = False):
        self.url = url
        self.name = redact_password(url)
        self.read_only = read_only
        try:
            self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
            # The decision's reads must see what the previous holder of its locks committed:
            # a snapshot per statement, whatever the server's default.
            self.db.isolation_level = psycopg.IsolationLevel.READ_COMMITTED
            if read_only:
                self.db.read_only = True
        except psycopg.Error as error:
            raise ArchiveError(f"cannot connect to the PostgreSQL archive {self.name}: "
                               f"{str(error).strip().splitlines()[0]}") from None
        try:
            with self.transaction():
                if not read_only:  # concurrent first starts create or upgrade the schema once
                    self.db.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                self.prepare()
        except ArchiveError:
            self.db.close()
            raise
        except psycopg.Error as error:
            self.db.close()
            raise ArchiveError(f"{self.name} is not a usable newscrawl archive "
                               f"({str(error).strip().splitlines()[0]})") from None

    @classmethod
    def from_url(cls, url: str, read_only: bool = False) -> PostgresStore:
        return cls(url, read_only=read_only)

    def _write_terms(self, article_id: int, terms: str) -> None:
        self.db.execute("INSERT INTO article_terms VALUES (%s, %s) ON CONFLICT (article_id) DO UPDATE "
                        "SET terms = excluded.terms", (article_id, terms))

    def _delete_terms(self, article_id: int) -> None:
        self.db.execute("DELETE FROM article_terms WHERE article_id = %s", (article_id,))

    def _matching(self, terms: list[str]) -> tuple[str, list]:
        # The words are letters and digits only; 'simple' keeps them as they are.
        return ("SELECT article_id FROM article_terms WHERE to_tsvector('simple', terms) @@ "
                "to_tsquery('simple', ?)", [" & ".join(terms)])

    def _tables(self) -> set[str]:
        return {r["tablename"] for r in self.db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}

    def _schema_v1(self) -> str:
        return SCHEMA

    @contextmanager
    def transaction(self):
        # Inside an outer transaction, statements simply join it: a savepoint would cost
        # two more round trips per write, and any failure aborts the whole decision anyway.
        if self.db.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            yield
            return
        with self.db.transaction():
            yield

    @contextmanager
    def deciding(self, site: str, headline_key: str, tokens: list[str], url: str = "") -> Iterator[None]:
        names = [f"url\x1f{url}", f"key\x1f{site}\x1f{headline_key}", *(f"token\x1f{site}\x1f{t}" for t in tokens)]
        # Always taken in ascending order, so two writers never wait for each other in a cycle.
        locks = sorted({_lock_id(n) for n in names})
        with self.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", (locks,))
            yield

    def add(self, article: dict, *, headline_key: str, content_hash: str, published_at: datetime | None,
            tokens: list[str], story_id: int | None, seen_at: datetime) -> tuple[int, int]:
        """As SQLStore.add, in one statement (one round trip): the new id is drawn first,
        so a story's first version can name itself as its story."""
        published, seen = stamp(published_at), stamp(seen_at)
        columns = ", ".join(ARTICLE_COLUMNS)
        row = self.db.execute(
            f"WITH new AS (SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id), "
            f"added AS (INSERT INTO articles (id, story_id, headline_key, content_hash, published_at, first_seen, "
            f"last_seen, {columns}) SELECT new.id, COALESCE(%s::bigint, new.id), %s, %s, %s, %s, %s, "
            f"{', '.join(['%s'] * len(ARTICLE_COLUMNS))} FROM new RETURNING id, story_id, site), "
            f"tokens AS (INSERT INTO headline_tokens SELECT added.site, token, %s::text, added.id "
            f"FROM added, unnest(%s::text[]) AS token WHERE %s::text IS NOT NULL ON CONFLICT DO NOTHING) "
            f"SELECT id, story_id FROM added",
            (story_id, headline_key, content_hash, published, seen, seen, *column_values(article, ARTICLE_COLUMNS),
             published, list(dict.fromkeys(tokens)), published)).fetchone()
        self._index_terms(row["id"], article)
        self._resolve([article["url"]])
        return row["id"], row["story_id"]

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def _rows(self, sql, params=()):
        return self.db.execute(self._sql(sql), params).fetchall()

    def _run(self, sql, params=()):
        self.db.execute(self._sql(sql), params)

    def _run_many(self, sql, rows):
        if rows:
            self.db.cursor().executemany(self._sql(sql), rows)

    def _article_rows(self, sql, params):
        # A server-side cursor: rows stream, the archive is not loaded whole.
        with self.db.transaction(), self.db.cursor(name="newscrawl_export") as cursor:
            cursor.execute(self._sql(sql), params)
            yield from cursor

    def close(self) -> None:
        self.db.close()
