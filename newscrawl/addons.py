"""Scrapy add-ons: features that are switched on by one setting."""

from __future__ import annotations


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
        self._extend(settings, "DOWNLOADER_MIDDLEWARES", {"newscrawl.middlewares.ImpersonateMiddleware": 10})

    @staticmethod
    def _extend(settings, name: str, entries: dict) -> None:
        # At the priority the dict already has: settings.py sets DOWNLOADER_MIDDLEWARES
        # at project priority, which an "addon"-priority write would not override.
        priority = max(settings.getpriority(name) or 0, 15)
        settings.set(name, {**settings.getdict(name), **entries}, priority=priority)
