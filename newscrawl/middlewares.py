"""Downloader middlewares."""

from __future__ import annotations

import asyncio

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, waiting before each retry: NEWSCRAWL_RETRY_BACKOFF_BASE
    seconds, doubled per attempt, at most NEWSCRAWL_RETRY_BACKOFF_MAX. An overloaded
    server answering 503 gets time to recover instead of three instant repeats."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_MAX")

    async def process_response(self, request, response):
        return await self._after_backoff(super().process_response(request, response))

    async def process_exception(self, request, exception):
        return await self._after_backoff(super().process_exception(request, exception))

    async def _after_backoff(self, result):
        if isinstance(result, Request):
            attempt = result.meta.get("retry_times", 1)
            await asyncio.sleep(min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1)))
        return result
