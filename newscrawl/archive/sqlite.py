"""The SQLite archive store: one file, no server, WAL journal, one transaction per story."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from .base import ArchiveError
from .sql import SCHEMA_TEMPLATE, SCHEMA_VERSION, SQLStore

SCHEMA = SCHEMA_TEMPLATE.format(id="INTEGER PRIMARY KEY", ref="INTEGER", references="",
                                tokens_table=" WITHOUT ROWID")


class SQLiteStore(SQLStore):
    """Archive in one SQLite file, for one crawl at a time (the run lock sees to that);
    within a crawl the spider's connection and the story worker's take turns through
    SQLite's own lock."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.row_factory = sqlite3.Row
        self._depth = 0
        try:
            # Check what the file is before changing anything in it (WAL mode included).
            self._check_schema()
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # A story writes about 11 pages to the WAL; at SQLite's default of 1000 pages a
            # checkpoint (copy into the database file, then fsync) came every 90 stories and
            # cost 0.12 ms a story. Committed stories are in the WAL either way; the WAL
            # grows to at most 40 MB and is folded in and removed when the archive closes.
            self.db.execute("PRAGMA wal_autocheckpoint=10000")
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

    @contextmanager
    def transaction(self):
        # sqlite3's own context manager commits at every exit; only the outermost may.
        # sqlite3 would begin the transaction only at its first write, leaving the reads
        # before it (the dedup decision's) each to a read lock of their own, with room for
        # another connection to write in between: BEGIN IMMEDIATE takes the write lock first.
        self._depth += 1
        try:
            if self._depth == 1:
                with self.db:
                    self.db.execute("BEGIN IMMEDIATE")
                    yield
            else:
                yield
        finally:
            self._depth -= 1

    def _rows(self, sql, params=()):
        return self.db.execute(sql, params).fetchall()

    def _run(self, sql, params=()):
        self.db.execute(sql, params)

    def _run_many(self, sql, rows):
        self.db.executemany(sql, rows)

    def _insert_returning_id(self, sql, params):
        return self.db.execute(sql, params).lastrowid

    def _article_rows(self, sql, params):
        return self.db.execute(sql, params)  # a cursor: rows stream, the archive is not loaded whole

    def close(self) -> None:
        self.db.close()
