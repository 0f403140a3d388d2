"""Downloader middlewares: retries with backoff, blocked pages, misdeclared encodings,
robots.txt for every request."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from newscrawl.archive import ArchiveError
from newscrawl.fetch.blocking import is_challenge
from newscrawl.fetch.charset import declared_encoding, true_encoding

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.robotstxt import RobotParser


class BlockedPage(IgnoreRequest):
    """A bot-protection page that retries did not get past."""


class EveryRequestRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware, with robots.txt applied to every request that waited
    for it. In Scrapy 2.13–2.19 the requests to a host that arrive while its robots.txt is
    being fetched all await one Deferred: the first gets the parser, the others None,
    which lets them through unchecked (seen here: article URLs due from an earlier run,
    requested at the start, fetched although robots.txt disallows them). Each waiter
    gets a Deferred of its own, as Scrapy did before 2.13."""

    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        mine: Deferred = Deferred()

        def hand_on(parser: RobotParser | None) -> RobotParser | None:
            mine.callback(parser)
            return parser

        pending.addCallback(hand_on)
        return await maybe_deferred_to_future(mine)


# Encodings that do not write ASCII as ASCII bytes.
_WIDE = re.compile(r"(?i)utf[-_]?(?:16|32)|ucs[-_]?[24]")


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, waiting before each retry: NEWSCRAWL_RETRY_BACKOFF_BASE
    seconds, doubled per attempt, at most NEWSCRAWL_RETRY_BACKOFF_MAX. An overloaded
    server answering 503 gets time to recover instead of three instant repeats.

    It also treats a 200 challenge page («Just a moment…», captcha, JS-only shell) as
    a failure to retry, and counts blocks (403, 429, challenges) under
    newscrawl/blocked/<kind>. A challenge that outlasts the retries is dropped as
    BlockedPage, so it never reaches the spider as an article."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF_MAX")

    async def process_response(self, request, response):
        if response.status in (403, 429):
            self.crawler.stats.inc_value(f"newscrawl/blocked/{response.status}")
        if response.status == 200 and isinstance(response, TextResponse) and \
                is_challenge(response.text, None if _WIDE.match(response.encoding) else response.body):
            self.crawler.stats.inc_value("newscrawl/blocked/challenge")
            retry = self._retry(request, "challenge page")
            if retry is None:
                raise BlockedPage(f"blocked: challenge page at {response.url}")
            return await self._after_backoff(retry)
        return await self._after_backoff(super().process_response(request, response))

    async def process_exception(self, request, exception):
        return await self._after_backoff(super().process_exception(request, exception))

    async def _after_backoff(self, result):
        if isinstance(result, Request):
            attempt = result.meta.get("retry_times", 1)
            await asyncio.sleep(min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1)))
        return result


class CharsetMiddleware:
    """Read HTML in the encoding it is really in when the page declares none or a false
    one (Windows-1256 served as UTF-8, ISO-8859-6 with no charset): see newscrawl.fetch.charset.
    Counted under newscrawl/charset/redetected/<encoding>."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_response(self, request, response):
        if not isinstance(response, HtmlResponse):
            return response
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        if "\ufffd" not in response.text and declared_encoding(content_type, response.body):
            # Decoded as declared without a replacement character: the declaration holds.
            # (Scrapy keeps this decoded text, so the common case costs no extra decode.)
            return response
        encoding = true_encoding(content_type, response.body)
        if encoding is None:
            return response
        self.stats.inc_value(f"newscrawl/charset/redetected/{encoding}")
        return response.replace(encoding=encoding)


class ImpersonateMiddleware:
    """Ask scrapy-impersonate to fetch every request as NEWSCRAWL_IMPERSONATE's browser
    (installed by the Impersonation add-on only when that setting is on)."""

    def __init__(self, browser: str):
        self.browser = browser

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("NEWSCRAWL_IMPERSONATE"))

    def process_request(self, request):
        request.meta.setdefault("impersonate", self.browser)


def stop_for_archive(crawler: Crawler, error: ArchiveError) -> None:
    """The archive cannot be written (a full disk, a file-size limit, a lost server):
    stop the run, keeping every story committed so far. Said once, in one line; the
    run's summary and `scrapy crawl`'s exit status (4) carry it."""
    stats = crawler.stats
    if stats.get_value("newscrawl/archive_error"):
        return
    stats.set_value("newscrawl/archive_error", str(error))
    logging.getLogger(__name__).error("stopping: %s", error)
    # Once the engine has stopped (the last held commit fails as the archive closes), the
    # error is only recorded: there is no run left to stop.
    if crawler.engine is not None and crawler.engine.running and crawler.spider is not None:
        crawler.engine.close_spider(crawler.spider, "archive_error")


class ArchiveErrorMiddleware:
    """Spider middleware: a callback that failed because the archive could not be
    written stops the run (stop_for_archive) instead of logging a traceback per page."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_exception(self, response, exception):
        if isinstance(exception, ArchiveError):
            stop_for_archive(self.crawler, exception)
            return []
        return None


class WarcReplayMiddleware:
    """Downloader middleware: a request naming a WARC record (meta ``warc_replay``: file and
    offset, set when importing with -a warc=…) is answered from that record instead of the
    network; the other middlewares see the answer as they would a download."""

    def process_request(self, request):
        where = request.meta.get("warc_replay")
        if not where:
            return None
        from scrapy.http import Headers
        from scrapy.responsetypes import responsetypes

        from newscrawl.raw.warc import read_response

        _, _, status, pairs, body = read_response(*where)
        headers = Headers()
        for name, value in pairs:
            headers.appendlist(name, value)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=status, headers=headers, body=body, request=request)
