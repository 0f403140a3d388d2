"""The archive: the source of truth for what has been archived, behind a small store
interface. ``open_store`` picks the implementation from the URL's scheme."""

from __future__ import annotations

from pathlib import Path

from .base import ArchiveError
from .sqlite import SQLiteStore

__all__ = ["ArchiveError", "SQLiteStore", "archive_url", "open_store"]


def archive_url(settings) -> str:
    """NEWSCRAWL_ARCHIVE_URL, or a SQLite file under NEWSCRAWL_DATA_DIR."""
    return settings.get("NEWSCRAWL_ARCHIVE_URL") or \
        f"sqlite:///{Path(settings.get('NEWSCRAWL_DATA_DIR')) / 'newscrawl.sqlite3'}"


def open_store(url: str):
    if url.startswith("sqlite:///"):
        return SQLiteStore(Path(url.removeprefix("sqlite:///")))
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore  # psycopg takes 9 MB: loaded only for PostgreSQL

        return PostgresStore(url)
    raise ArchiveError(f"unsupported archive URL {url!r}: expected sqlite:///PATH or postgresql://…")
