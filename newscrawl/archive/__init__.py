"""The archive: the source of truth for what has been archived, behind a small store
interface. NEWSCRAWL_ARCHIVE_STORES maps an archive URL's scheme to its store class, as
Scrapy's FEED_STORAGES does for feeds; ``crawl_archive`` is the one store of a crawl."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from scrapy import signals
from scrapy.utils.conf import closest_scrapy_cfg
from scrapy.utils.misc import load_object
from twisted.internet import task

from newscrawl.archive.base import ArchiveError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

    from newscrawl.archive.sql import SQLStore

__all__ = ["DEFAULT_STORES", "ArchiveError", "archive_url", "crawl_archive", "data_dir", "open_store"]

DEFAULT_STORES = {
    "sqlite": "newscrawl.archive.sqlite.SQLiteStore",
    "postgresql": "newscrawl.archive.postgres.PostgresStore",
    "postgres": "newscrawl.archive.postgres.PostgresStore",
}

_crawl_stores: WeakKeyDictionary = WeakKeyDictionary()


def data_dir(settings: BaseSettings) -> Path:
    """NEWSCRAWL_DATA_DIR; a relative one is taken from the Scrapy project's root (the
    folder holding scrapy.cfg), so a run from a subfolder or from cron finds the same
    archive; outside a project, from the working directory."""
    path = Path(settings.get("NEWSCRAWL_DATA_DIR"))
    if path.is_absolute():
        return path
    cfg = closest_scrapy_cfg()
    return (Path(cfg).parent if cfg else Path.cwd()) / path


def archive_url(settings: BaseSettings) -> str:
    """NEWSCRAWL_ARCHIVE_URL, or a SQLite file under NEWSCRAWL_DATA_DIR."""
    return settings.get("NEWSCRAWL_ARCHIVE_URL") or f"sqlite:///{data_dir(settings) / 'newscrawl.sqlite3'}"


def open_store(url: str, stores: dict | None = None, *, read_only: bool = False) -> SQLStore:
    """The store for ``url``, its class chosen by the URL's scheme; its schema is made
    current (created or upgraded) unless ``read_only``."""
    scheme = urlsplit(url).scheme
    path = (stores or DEFAULT_STORES).get(scheme)
    if path is None:
        raise ArchiveError(f"unsupported archive URL {url!r}: expected one of "
                           f"{', '.join(f'{s}://…' for s in (stores or DEFAULT_STORES))}")
    return load_object(path).from_url(url, read_only=read_only)


def crawl_archive(crawler: Crawler) -> SQLStore:
    """The crawl's one archive store, opened by the first component that asks for it (in
    its from_crawler) and closed when the engine stops. The spider, the pipelines and the
    extensions all hold this one object; none opens a connection of its own."""
    store = _crawl_stores.get(crawler)
    if store is None:
        if crawler.settings.getbool("NEWSCRAWL_ARCHIVE_SCRATCH"):  # scrapy parse, shell, check
            from newscrawl.archive.sqlite import SQLiteStore

            store = SQLiteStore(Path(":memory:"))
        else:
            store = open_store(archive_url(crawler.settings),
                               {**DEFAULT_STORES, **crawler.settings.getdict("NEWSCRAWL_ARCHIVE_STORES")})
        _crawl_stores[crawler] = store
        clock = None
        seconds = crawler.settings.getfloat("NEWSCRAWL_ARCHIVE_COMMIT_SECONDS")
        if seconds > 0 and store.hold_commits():
            clock = task.LoopingCall(_flush, crawler, store)

            def start() -> None:  # not awaited: its Deferred fires when the clock stops
                clock.start(seconds, now=False)
            crawler.signals.connect(start, signal=signals.engine_started, weak=False)
        crawler.signals.connect(_closer(crawler, clock), signal=signals.engine_stopped, weak=False)
    return store


def _flush(crawler: Crawler, store: SQLStore) -> None:
    try:
        store.flush()
    except ArchiveError as error:  # the stories waiting for this commit are dropped, and say so
        from newscrawl.fetch.middlewares import stop_for_archive

        stop_for_archive(crawler, error)


def _closer(crawler, clock: task.LoopingCall | None):
    def close() -> None:
        if clock is not None and clock.running:
            clock.stop()
        store = _crawl_stores.pop(crawler, None)
        if store is not None:
            try:
                store.close()
            except ArchiveError as error:  # the last writes' commit
                from newscrawl.fetch.middlewares import stop_for_archive

                stop_for_archive(crawler, error)
    return close
