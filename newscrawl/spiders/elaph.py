"""scrapy crawl elaph — Elaph's JSON listing API first, then its HTML listings.

The API comes first because its RelativeTime is the only date some pages have; the
HTML listings (home page, section pages, -a start_urls) start once the API is done and
reach the stories the API does not list. Everything about the site is in sites/elaph.py.

Incremental: articles already in the archive are not requested (unless -a refresh=1),
and a listing stops paging at a page that holds nothing new.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import scrapy
from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import TextResponse

from newscrawl import __version__
from newscrawl.archive import archive_url, open_store
from newscrawl.assemble import build_article, published_date
from newscrawl.extract.chain import extract_article
from newscrawl.listing import next_page_url
from newscrawl.params import CrawlParams, parse_params
from newscrawl.sites import elaph

ARTICLE_PRIORITY = 10


class ElaphSpider(scrapy.Spider):
    name = "elaph"
    site = elaph

    @classmethod
    def validate_arguments(cls, args) -> CrawlParams:
        return parse_params(args, cls.site.SECTIONS)

    def __init__(self, *args, **kwargs):
        # Arguments are not set as attributes: -a start_urls=... must not replace the list.
        super().__init__(*args)
        self.params = self.validate_arguments(kwargs)
        self.origin = self.params.base_url or self.site.ORIGIN
        self.zone = ZoneInfo(self.site.TIMEZONE)
        hosts = {urlsplit(self.origin).hostname, *self.site.HOSTS,
                 urlsplit(self.site.API_ORIGIN).hostname, *(urlsplit(u).hostname for u in self.params.start_urls)}
        self.allowed_domains = sorted(h for h in hosts if h)
        self._html_listings_started = False
        self.archive = None
        self.job_started = datetime.now(timezone.utc)
        # Article URLs that could not be fetched, with their last error, for the run summary.
        self.unreachable: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.start_html_listings, signal=signals.spider_idle)
        crawler.signals.connect(spider.close_archive, signal=signals.spider_closed)
        spider.archive = open_store(archive_url(crawler.settings))
        return spider

    def close_archive(self):
        self.archive.close()

    def _is_new(self, url: str) -> bool:
        """New to this job: not archived before it started (or -a refresh=1). A story
        archived earlier in this job (by the API listings) is new too, so the HTML
        listings page past it; it is not requested again."""
        if self.params.refresh:
            return True
        seen = self.archive.first_seen(url)
        if seen is None or seen >= self.job_started.replace(microsecond=0):
            return True
        self.crawler.stats.inc_value("newscrawl/articles/skipped_archived")
        return False

    def _needs_fetch(self, url: str) -> bool:
        return self.params.refresh or self.archive.first_seen(url) is None

    async def start(self):
        # With JOBDIR, spider.state survives a pause: a resumed job keeps its start.
        self.job_started = getattr(self, "state", {}).setdefault("job_started", self.job_started)
        for section in self.params.sections:
            yield self._api_request(section, 1)

    # --- listings ------------------------------------------------------------------

    def _api_request(self, section: str, page: int) -> Request:
        return Request(self.site.api_url(section, page, self.params.base_url), callback=self.parse_api,
                       cb_kwargs={"section": section, "page": page})

    def parse_api(self, response, section: str, page: int):
        try:
            entries = response.json()["data"]
        except (ValueError, KeyError, TypeError):
            self.logger.error("listing API answered something that is not its JSON: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/listing/api_unreadable")
            return
        fresh = 0
        for entry in entries:
            url = self.site.canonical_url(urljoin(self.origin, str(entry.get("PostingURL", ""))), self.origin)
            try:
                published = datetime.fromtimestamp(int(entry["RelativeTime"]), tz=timezone.utc)
            except (KeyError, TypeError, ValueError):
                published = None
            if url is None or (published and self._before_since(published.date())):
                continue
            if published and self._after_until(published.date()):
                fresh += 1  # newer than the window: keep paging towards it
                continue
            if self._is_new(url):
                fresh += 1
                if self._needs_fetch(url):
                    yield self._article_request(url, published)
        self.crawler.stats.inc_value("newscrawl/listing/api_pages")
        if fresh and not self._page_limit(page):
            yield self._api_request(section, page + 1)

    def start_html_listings(self):
        if self._html_listings_started:
            return
        self._html_listings_started = True
        home = self.origin + "/"
        self.crawler.engine.crawl(Request(home, callback=self.parse_home))
        for url in self.params.start_urls:
            self.crawler.engine.crawl(self._listing_request(url, None, 1, ()))
        raise DontCloseSpider

    def _listing_request(self, url: str, section: str | None, page: int, seen: tuple) -> Request:
        return Request(url, callback=self.parse_listing,
                       cb_kwargs={"section": section, "page": page, "seen": seen})

    def parse_home(self, response):
        for href in response.xpath("//a/@href").getall():
            url = urljoin(response.url, href.strip())
            section = self.site.section_of_listing(url, self.params.sections)
            if section and urlsplit(url).hostname == urlsplit(self.origin).hostname:
                yield self._listing_request(url, section, 1, ())
        for url in self._article_links(response):
            if not self._after_until(date(*self._year_month(url), 1)) and self._needs_fetch(url):
                yield self._article_request(url)

    def parse_listing(self, response, section: str | None, page: int, seen: tuple):
        self.crawler.stats.inc_value("newscrawl/listing/html_pages")
        links = self._article_links(response)
        signature = hash(frozenset(links))
        if signature in seen:
            self.logger.info("listing page repeats an earlier page, stop paging: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/listing/loops_stopped")
            return
        in_window = [url for url in links if not self._after_until(date(*self._year_month(url), 1))]
        new = [url for url in in_window if self._is_new(url)]
        for url in new:
            if self._needs_fetch(url):
                yield self._article_request(url)
        if self._page_limit(page) or not (new or len(in_window) < len(links)):
            return  # nothing new here: older pages hold nothing new either
        next_url = next_page_url(response, response.url, self.site.NEXT_TEXTS)
        if next_url:
            yield self._listing_request(next_url, section, page + 1, (*seen, signature))

    def _article_links(self, response) -> list[str]:
        """Canonical article URLs on a listing page, in the selected sections, not
        older than since (by the URL's month)."""
        sections = {s.lower() for s in self.params.sections}
        found = {}
        for href in response.xpath("//a/@href").getall():
            url = self.site.canonical_url(urljoin(response.url, href.strip()), self.origin)
            if url and self.site.article_match(url)["section"].lower() in sections \
                    and not self._before_since(date(*self._year_month(url), 28)):
                found.setdefault(url, None)
        return list(found)

    def _article_request(self, url: str, listing_time: datetime | None = None) -> Request:
        self.crawler.stats.inc_value("newscrawl/articles/requested")
        # The listing's time travels with the request, so a resumed job (JOBDIR) keeps it.
        return Request(url, callback=self.parse_article, errback=self.article_failed, priority=ARTICLE_PRIORITY,
                       cb_kwargs={"listing_time": listing_time})

    def article_failed(self, failure):
        """Record an article page that could not be fetched and why."""
        error = failure.value
        response = getattr(error, "response", None)
        if isinstance(error, IgnoreRequest) and "robots.txt" in str(error).lower():
            return  # not ours to fetch
        reason = f"HTTP {response.status}" if response is not None else f"{type(error).__name__}: {error}".strip()
        self.unreachable[failure.request.url] = reason[:200]
        self.crawler.stats.inc_value("newscrawl/articles/unreachable")

    # --- articles ------------------------------------------------------------------

    def parse_article(self, response, listing_time: datetime | None = None):
        kind = response.headers.get(b"Content-Type", b"text/html").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or not ("html" in kind or kind.startswith("text/")):
            # Scrapy picks the response class by the URL's .html when the type is unknown.
            self.unreachable[response.request.url] = f"not HTML: {kind}"
            self.crawler.stats.inc_value("newscrawl/articles/unreachable")
            return
        url = self.site.canonical_url(response.url, self.origin) or response.url
        extraction = extract_article(response.text, self.site.LAYOUTS, self.site.SITE_NAMES)
        match = self.site.article_match(url)
        published, source = published_date(extraction, listing_time, self._year_month(url) if match else None)
        stats = self.crawler.stats
        for name, field_source in {**extraction.sources, "published": source}.items():
            if field_source:
                stats.inc_value(f"newscrawl/field/{name}/{field_source}")
        if published and published.precision != "month" and not self._in_window(published.value.date()):
            stats.inc_value("newscrawl/skipped/outside_window")
            return
        yield build_article(
            extraction, url=url, site=self.site.NAME, section=match["section"] if match else None,
            published=published, zone=self.zone, default_language=self.site.LANGUAGE,
        )

    # --- helpers -------------------------------------------------------------------

    def _year_month(self, url: str) -> tuple[int, int]:
        match = self.site.article_match(url)
        return int(match["year"]), int(match["month"])

    def _before_since(self, day: date) -> bool:
        return bool(self.params.since) and day < self.params.since

    def _after_until(self, day: date) -> bool:
        return bool(self.params.until) and day > self.params.until

    def _in_window(self, day: date) -> bool:
        return not self._before_since(day) and not self._after_until(day)

    def _page_limit(self, page: int) -> bool:
        return self.params.max_pages is not None and page >= self.params.max_pages
