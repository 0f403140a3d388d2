"""scrapy crawl elaph — Elaph's JSON listing API first, then its HTML listings.

The API comes first because its RelativeTime is the only date some pages have; the
HTML listings (home page, section pages, -a start_urls) start once the API is done and
reach the stories the API does not list. Everything about the site is in sites/elaph.py.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import scrapy
from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider

from newscrawl import __version__
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
        self.listing_times: dict[str, datetime] = {}
        self._html_listings_started = False

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.start_html_listings, signal=signals.spider_idle)
        return spider

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        if settings.getpriority("USER_AGENT") <= 0:  # not chosen by the user
            contact = settings.get("NEWSCRAWL_CONTACT")
            settings.set("USER_AGENT", f"newscrawl/{__version__} (+{contact}) Scrapy/{scrapy.__version__}",
                         priority="spider")

    async def start(self):
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
        older = 0
        for entry in entries:
            url = self.site.canonical_url(urljoin(self.origin, str(entry.get("PostingURL", ""))), self.origin)
            try:
                published = datetime.fromtimestamp(int(entry["RelativeTime"]), tz=timezone.utc)
            except (KeyError, TypeError, ValueError):
                published = None
            if url is None:
                continue
            if published is not None:
                self.listing_times[url] = published
                if self._before_since(published.date()):
                    older += 1
                    continue
                if self._after_until(published.date()):
                    continue
            yield self._article_request(url)
        self.crawler.stats.inc_value("newscrawl/listing/api_pages")
        if entries and older < len(entries) and not self._page_limit(page):
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
        yield from self._article_requests(response)

    def parse_listing(self, response, section: str | None, page: int, seen: tuple):
        self.crawler.stats.inc_value("newscrawl/listing/html_pages")
        requests = list(self._article_requests(response))
        signature = hash(frozenset(r.url for r in requests))
        if signature in seen:
            self.logger.info("listing page repeats an earlier page, stop paging: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/listing/loops_stopped")
            return
        yield from requests
        all_older = bool(self.params.since) and all(
            self._before_since(date(*self._year_month(r.url), 28)) for r in requests)
        if self._page_limit(page) or all_older:
            return
        next_url = next_page_url(response, response.url, self.site.NEXT_TEXTS)
        if next_url:
            yield self._listing_request(next_url, section, page + 1, (*seen, signature))

    def _article_requests(self, response):
        wanted = {s.lower() for s in self.params.sections}
        found = {}
        for href in response.xpath("//a/@href").getall():
            url = self.site.canonical_url(urljoin(response.url, href.strip()), self.origin)
            if url and self.site.article_match(url)["section"].lower() in wanted:
                found.setdefault(url, None)
        for url in found:
            year, month = self._year_month(url)
            if self._before_since(date(year, month, 28)) or self._after_until(date(year, month, 1)):
                continue
            yield self._article_request(url)

    def _article_request(self, url: str) -> Request:
        return Request(url, callback=self.parse_article, priority=ARTICLE_PRIORITY)

    # --- articles ------------------------------------------------------------------

    def parse_article(self, response):
        url = self.site.canonical_url(response.url, self.origin) or response.url
        extraction = extract_article(response.text, self.site.LAYOUTS, self.site.SITE_NAMES)
        match = self.site.article_match(url)
        published, source = published_date(extraction, self.listing_times.get(url),
                                           self._year_month(url) if match else None)
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
