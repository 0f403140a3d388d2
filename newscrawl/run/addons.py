"""Scrapy add-ons: features that are switched on by one setting."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


class Impersonation:
    """NEWSCRAWL_IMPERSONATE=chrome (or another browser curl_cffi knows) fetches pages
    through scrapy-impersonate, which sends a real browser's TLS and HTTP/2 fingerprint,
    for sites whose bot protection refuses plain HTTP clients. Off by default: it is an
    optional dependency and a heavier download path."""

    def update_settings(self, settings):
        browser = settings.get("NEWSCRAWL_IMPERSONATE")
        if not browser:
            return
        handler = "scrapy_impersonate.ImpersonateDownloadHandler"
        self._extend(settings, "DOWNLOAD_HANDLERS", {"http": handler, "https": handler})
        self._extend(settings, "DOWNLOADER_MIDDLEWARES", {"newscrawl.fetch.middlewares.ImpersonateMiddleware": 10})

    @staticmethod
    def _extend(settings, name: str, entries: dict) -> None:
        # At the priority the dict already has: settings.py sets DOWNLOADER_MIDDLEWARES
        # at project priority, which an "addon"-priority write would not override.
        priority = max(settings.getpriority(name) or 0, 15)
        settings.set(name, {**settings.getdict(name), **entries}, priority=priority)


def distributed_redis_url(settings: BaseSettings) -> str:
    """The Redis of the shared job, or "" when this run works alone."""
    return settings.get("NEWSCRAWL_REDIS_URL") or settings.get("REDIS_URL") or ""


class Distributed:
    """NEWSCRAWL_REDIS_URL=redis://host:6379/0 (or scrapy-redis's own REDIS_URL) makes this
    process one worker of a job shared through Redis: scrapy-redis's queue and duplicate
    filter, with newscrawl.run.distributed.SharedJobScheduler on top. The archive must then be
    PostgreSQL (NEWSCRAWL_ARCHIVE_URL=postgresql://…), which the crawl command checks.
    A setting given explicitly (-s SCHEDULER=…) wins over these."""

    def update_settings(self, settings):
        url = distributed_redis_url(settings)
        if not url:
            return
        for name, value in (("REDIS_URL", url),
                            ("SCHEDULER", "newscrawl.run.distributed.SharedJobScheduler"),
                            ("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter"),
                            ("SCHEDULER_QUEUE_KEY", "newscrawl:%(spider)s:requests"),
                            ("SCHEDULER_DUPEFILTER_KEY", "newscrawl:%(spider)s:dupefilter")):
            settings.set(name, value, priority="addon")
