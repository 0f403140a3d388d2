"""The SQLite archive store: one file, no server, WAL journal; one transaction per story,
or, for a crawl, the stories of half a second in one (``hold_commits``)."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from newscrawl.archive.base import ArchiveError
from newscrawl.archive.sql import SCHEMA_TEMPLATE, SQLStore

SCHEMA = SCHEMA_TEMPLATE.format(id="INTEGER PRIMARY KEY", ref="INTEGER", references="",
                                tokens_table=" WITHOUT ROWID")


def match_expression(terms: list[str]) -> str:
    """The FTS5 query of ``article_terms`` for the stories holding every one of ``terms``
    (words of newscrawl.text.keys.search_terms); no terms give the empty phrase, which
    matches nothing. Also what ``scrapy browse``'s search runs (newscrawl.browse.plugin)."""
    # Each term quoted: the words are letters and digits only, so nothing in a query is
    # ever read as an FTS5 operator.
    return " AND ".join(f'"{t}"' for t in terms) or '""'


class SQLiteStore(SQLStore):
    """Archive in one SQLite file, for one crawl at a time (the run lock sees to that).
    ``read_only`` opens it with SQLite's mode=ro: nothing, not even the journal mode, is
    written, so an export can read an archive on a read-only disk."""

    Error = sqlite3.Error
    kind = "sqlite"

    def __init__(self, path: Path, read_only: bool = False):
        self.path = Path(path)
        self.name = str(self.path)
        self.read_only = read_only
        self._depth = 0
        self._holding = False  # hold_commits: transactions are savepoints of one, committed by flush
        self._held = 0  # transactions held since the last commit
        self._waiting: list[tuple] = []  # (callback, errback) for the next commit
        # Search terms of held transactions, written at the commit (_index_held); those of
        # the transaction in progress join them when it ends well. None: terms deleted.
        self._held_terms: dict[int, str | None] = {}
        self._staged_terms: dict[int, str | None] = {}
        if read_only and not self.path.exists():
            raise ArchiveError(f"no archive at {self.path}")
        try:
            self.db = self._connect()
        except sqlite3.Error as error:
            raise self._error(error) from None
        self.db.row_factory = sqlite3.Row
        try:
            # Check what the file is before changing anything in it (WAL mode included).
            self.prepare()
            if not read_only:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                # A story writes about 11 pages to the WAL; at SQLite's default of 1000 pages a
                # checkpoint (copy into the database file, then fsync) came every 90 stories and
                # cost 0.12 ms a story. Committed stories are in the WAL either way; the WAL
                # grows to at most 40 MB and is folded in and removed when the archive closes.
                self.db.execute("PRAGMA wal_autocheckpoint=10000")
        except ArchiveError:
            self.db.close()
            raise
        except sqlite3.Error as error:
            self.db.close()
            raise self._error(error) from None

    @classmethod
    def from_url(cls, url: str, read_only: bool = False) -> SQLiteStore:
        return cls(Path(url.removeprefix("sqlite:///")), read_only=read_only)

    def _connect(self) -> sqlite3.Connection:
        if not self.read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ArchiveError(f"cannot create the archive's folder {self.path.parent}: "
                                   f"{error.strerror or error}") from None
            for target in (self.path.parent, self.path):
                if target.exists() and not os.access(target, os.W_OK):
                    why = "read-only file system" if os.statvfs(target).f_flag & os.ST_RDONLY else "permission denied"
                    raise ArchiveError(f"cannot write the archive {self.path}: {target} is not writable ({why})")
            return sqlite3.connect(self.path, timeout=30, isolation_level=None)
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            # A WAL archive on a read-only disk cannot make its shared-memory file: with no
            # writer possible there, reading it as immutable is safe.
            return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=30, isolation_level=None)

    def _error(self, error: sqlite3.Error) -> ArchiveError:
        text = str(error)
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return ArchiveError(f"cannot write the archive {self.path}: {text}")
        if "not a database" in text:
            return ArchiveError(f"{self.path} is not a newscrawl archive (not a SQLite database); nothing was "
                                "written to it")
        if "malformed" in text or "corrupt" in text:
            return ArchiveError(f"the archive {self.path} is damaged ({text}); nothing was written to it — "
                                "restore a copy or move it away")
        if "locked" in text or "busy" in text:
            return ArchiveError(f"the archive {self.path} stayed locked by another process for 30 s ({text})")
        if "disk is full" in text or "disk I/O" in text:
            return ArchiveError(f"cannot write the archive {self.path}: {text}")
        return ArchiveError(f"{self.path} is not a usable newscrawl archive ({text})")

    def check(self) -> None:
        """Read every page of the file (SQLite's quick_check): a damaged archive is found
        before a crawl writes anything into it, not halfway through."""
        try:
            problems = [" ".join(r[0].split()) for r in self.db.execute("PRAGMA quick_check(1)")]
        except sqlite3.Error as error:
            raise self._error(error) from None
        if problems != ["ok"]:
            raise ArchiveError(f"the archive {self.path} is damaged ({'; '.join(problems)}); nothing was written "
                               "to it — restore a copy or move it away")

    # FTS5 writes its pending terms out as a new segment at every SAVEPOINT, and a held
    # transaction is one: a segment a story, which undid most of what holding commits
    # saves on the index (0.24 against 0.11 ms a story of 400 words, in groups of 50).
    # So a held transaction's terms wait, and are written together just before the commit.
    def _write_terms(self, article_id: int, terms: str | None) -> None:
        if self._holding and self._depth:
            self._staged_terms[article_id] = terms
            return
        self.db.execute("DELETE FROM article_terms WHERE rowid = ?", (article_id,))
        if terms is not None:
            self.db.execute("INSERT INTO article_terms (rowid, terms) VALUES (?, ?)", (article_id, terms))

    def _delete_terms(self, article_id: int) -> None:
        self._write_terms(article_id, None)

    def _index_held(self) -> None:
        """Write the held transactions' search terms into the open transaction."""
        held, self._held_terms = self._held_terms, {}
        if held:
            self.db.executemany("DELETE FROM article_terms WHERE rowid = ?", [(i,) for i in held])
            self.db.executemany("INSERT INTO article_terms (rowid, terms) VALUES (?, ?)",
                                [(i, terms) for i, terms in held.items() if terms is not None])

    def _matching(self, terms: list[str]) -> tuple[str, list]:
        if self._held_terms and not self._depth:  # a search sees the held stories too
            self._index_held()
        return "SELECT rowid FROM article_terms WHERE article_terms MATCH ?", [match_expression(terms)]

    def _tables(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def _schema_v1(self) -> str:
        return SCHEMA

    # A crawl's writes commit every half second, not one by one: a story's commit wrote
    # about 38 pages to the WAL (FTS5 writes a segment at each), 0.3 ms of CPU; in groups
    # of 50 a story costs 0.25 ms of SQLite where it cost 0.56 (BENCHMARKS.md). At most
    # this many transactions wait for a commit.
    MAX_HELD = 200

    def hold_commits(self) -> bool:
        """From now on, transactions are savepoints of one open transaction, committed by
        ``flush`` (or when MAX_HELD are waiting): many stories, one commit. A write is
        durable once committed; until then a crash loses it, and what it recorded with it
        (the URL is still due, so the next run fetches it again). Whether commits are held."""
        self._holding = not self.read_only
        return self._holding

    def flush(self) -> None:
        """Commit the held transactions; then call back whoever waits for them
        (``when_committed``). A commit that fails (a full disk) rolls them all back and
        raises ArchiveError, which each waiter is given too."""
        if not self.db.in_transaction or self._depth:
            return
        waiting, self._waiting, self._held = self._waiting, [], 0
        try:
            self._index_held()
            self.db.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            failure = self._error(error)
            for _, errback in waiting:
                errback(failure)
            raise failure from None
        for callback, _ in waiting:
            callback()

    @property
    def uncommitted(self) -> bool:
        return self._held > 0

    def when_committed(self, callback, errback) -> None:
        """``callback()`` once what was written so far is committed (now, if it is), or
        ``errback(error)`` if that commit fails."""
        if self._held:
            self._waiting.append((callback, errback))
        else:
            callback()

    @contextmanager
    def transaction(self):
        # Only the outermost context commits. BEGIN IMMEDIATE takes the write lock first,
        # so the reads before a write (the dedup decision's) see no other writer's work
        # in between; a read-only store takes a plain (deferred) read transaction.
        self._depth += 1
        try:
            if self._depth == 1 and self._holding:
                yield from self._held_transaction()
            elif self._depth == 1:
                try:
                    self.db.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
                    try:
                        yield
                    except BaseException:
                        self._rollback()
                        raise
                    self.db.execute("COMMIT")  # a full disk fails here: nothing of it stays
                except sqlite3.IntegrityError:  # a broken constraint is the caller's, not the archive's
                    self._rollback()
                    raise
                except sqlite3.Error as error:
                    self._rollback()
                    raise self._error(error) from None
            else:
                yield
        finally:
            self._depth -= 1
        if self._held >= self.MAX_HELD:
            self.flush()

    def _held_transaction(self):
        """One transaction as a savepoint of the held one: what fails in it is undone, the
        others stay held."""
        try:
            if not self.db.in_transaction:
                self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("SAVEPOINT held")
            self._staged_terms = {}
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK TO held")
                self.db.execute("RELEASE held")
                raise
            self.db.execute("RELEASE held")
            self._held_terms.update(self._staged_terms)
            self._held += 1
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as error:
            if self.db.in_transaction and not self._held:
                self._rollback()
            raise self._error(error) from None

    def _rollback(self) -> None:
        self._held_terms = {}
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite rolled back already

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
        """Commit what is held, then close."""
        try:
            self.flush()
        finally:
            self.db.close()
