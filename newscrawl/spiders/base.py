"""SiteSpider: the routing every site shares. A site's spider is its module and a name.

Sources, in the order a site module lists them in SOURCES: "api" (a paged JSON listing
API), "sitemap" (robots.txt Sitemap lines, the module's SITEMAPS, sitemap indexes,
Google News sitemaps), "feed" (the module's FEEDS and <link rel="alternate"> feeds,
RSS or Atom), and "html" (the home page, the section pages it links, -a start_urls,
with pagination). HTML listings start once the others are done, so the dates that APIs,
sitemaps and feeds carry reach the articles first.

Incremental: articles already in the archive are not requested (unless -a refresh=1),
and a listing stops paging at a page that holds nothing new to this job.
"""

from __future__ import annotations

import hashlib
from calendar import monthrange
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import scrapy
from parsel import Selector
from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.internet.task import deferLater

from newscrawl import __version__
from newscrawl.archive import archive_url, open_store
from newscrawl.assemble import build_article, published_date
from newscrawl.extensions.worker import run
from newscrawl.extract.chain import extract_article
from newscrawl.items import Article
from newscrawl.listing import article_links, read_listing
from newscrawl.params import CrawlParams, parse_params
from newscrawl.text.dates import parse_date

ARTICLE_PRIORITY = 10


class SiteSpider(scrapy.Spider):
    site = None  # the site module (see newscrawl/sites/__init__.py)
    generic = False

    @classmethod
    def validate_arguments(cls, args) -> CrawlParams:
        return parse_params(args, cls.site.SECTIONS, generic=cls.generic)

    def __init__(self, *args, **kwargs):
        # Arguments are not set as attributes: -a start_urls=... must not replace the list.
        super().__init__(*args)
        self.params = self.validate_arguments(kwargs)
        self.origin = self.params.base_url or self.site.ORIGIN
        self.zone = ZoneInfo(self.site.TIMEZONE)
        self.languages = self.params.languages or self.site.LANGUAGES
        hosts = {urlsplit(self.origin).hostname, *self.site.HOSTS, *(urlsplit(u).hostname for u in self.params.start_urls)}
        if "api" in self.site.SOURCES:
            hosts.add(urlsplit(self.site.API_ORIGIN).hostname)
        self.allowed_domains = sorted(h for h in hosts if h)
        self._html_listings_started = False
        self.archive = None
        # Set when the job starts: by start(), by a resumed JOBDIR's state, or by the
        # distributed scheduler (the shared job's start).
        self.job_started: datetime | None = None
        # Article URLs that could not be fetched, with their last error, for the run summary.
        self.unreachable: dict[str, str] = {}
        # Old article URLs whose redirect led to a page this run already requested.
        self.redirect_aliases: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.start_html_listings, signal=signals.spider_idle)
        crawler.signals.connect(spider.close_archive, signal=signals.spider_closed)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        spider.archive = open_store(archive_url(crawler.settings))
        spider.give_up_after = crawler.settings.getint("NEWSCRAWL_GIVE_UP_AFTER_FAILURES")
        spider.listings_ahead_below = crawler.settings.getint("NEWSCRAWL_LISTINGS_AHEAD_BELOW")
        return spider

    def request_dropped(self, request):
        """A redirect that ends at an article already requested is dropped by Scrapy's
        duplicate filter; remember where the old URL led, so later runs skip it."""
        for old in request.meta.get("redirect_urls", []):
            alias = self.site.canonical_url(old, self.origin)
            if alias and alias != request.url and request.callback == self.parse_article:
                self.redirect_aliases[alias] = request.url

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        if settings.getpriority("USER_AGENT") <= 0:  # not chosen by the user
            contact = settings.get("NEWSCRAWL_CONTACT")
            settings.set("USER_AGENT", f"newscrawl/{__version__} (+{contact}) Scrapy/{scrapy.__version__}",
                         priority="spider")

    def close_archive(self):
        now = datetime.now(timezone.utc)
        for alias, target in self.redirect_aliases.items():
            archived = self.archive.by_url(target)
            if archived:
                self.archive.touch(archived.id, now, alias=alias, reason="redirect")
            else:  # a redirect loop, or a redirect to a page that failed
                self.archive.record_failure(alias, f"redirected to {target}, which was not archived", now)
        self.archive.close()

    async def start(self):
        # With JOBDIR, spider.state survives a pause: a resumed job keeps its start.
        state = getattr(self, "state", {})
        if "job_started" not in state and self.job_started is None:
            self.job_started = await self._next_whole_second()
        self.job_started = state.setdefault("job_started", self.job_started)
        sources = self.site.SOURCES
        if "api" in sources:
            for section in self.params.sections:
                yield self._api_request(section, 1)
        if "sitemap" in sources:
            yield Request(self.origin + "/robots.txt", callback=self.parse_robots, errback=self.listing_failed)
            for path in self.site.SITEMAPS:
                yield self._sitemap_request(urljoin(self.origin + "/", path))
        if "feed" in sources:
            for path in self.site.FEEDS:
                yield self._feed_request(urljoin(self.origin + "/", path))

    @staticmethod
    async def _next_whole_second() -> datetime:
        """The archive records instants to the second: a job begun in the second in which
        an earlier run archived its last stories could not tell them from its own (and
        would page on past them). A new job waits for the next whole second and begins then."""
        from twisted.internet import reactor

        now = datetime.now(timezone.utc)
        begin = now.replace(microsecond=0) + timedelta(seconds=1)
        await maybe_deferred_to_future(deferLater(reactor, (begin - now).total_seconds(), lambda: None))
        return begin

    # --- what is new ---------------------------------------------------------------

    def _classify(self, url: str, known: dict) -> tuple[bool, bool]:
        """(new to this job, still to fetch) for an article URL. New: not archived before
        the job started — a story archived earlier in this job (say, from the API) is
        new too, so the HTML listings page past it, but it is not fetched again. With
        -a refresh=1 everything is both; a link that failed run after run is neither."""
        if self.params.refresh:
            return True, True
        seen, failures = known[url]
        if seen is None and failures >= self.give_up_after:
            self.crawler.stats.inc_value("newscrawl/articles/given_up")
            return False, False
        if seen is None:
            return True, True
        if seen >= self.job_started.replace(microsecond=0):
            return True, False
        self.crawler.stats.inc_value("newscrawl/articles/skipped_archived")
        return False, False

    def _look_up(self, urls) -> dict:
        """The archive's state of all the article links of one listing page, asked at once."""
        return {} if self.params.refresh else self.archive.url_states([u for u in urls if u])

    def _before_since(self, day: date | None) -> bool:
        return bool(self.params.since and day) and day < self.params.since

    def _after_until(self, day: date | None) -> bool:
        return bool(self.params.until and day) and day > self.params.until

    def _page_limit(self, page: int) -> bool:
        return self.params.max_pages is not None and page >= self.params.max_pages

    def _month_bounds(self, url: str) -> tuple[date | None, date | None]:
        month = self.site.url_month(url)
        return (date(*month, 1), date(*month, monthrange(*month)[1])) if month else (None, None)

    def _consider(self, url: str | None, published: datetime | None, known: dict) -> tuple[bool, Request | None]:
        """(new to this job, request to make) for one article a listing names."""
        if url is None:
            return False, None
        first, last = self._month_bounds(url)
        day = published.date() if published else None
        if self._before_since(day or last):
            return False, None
        if self._after_until(day or first):
            return True, None  # newer than the window: keep paging towards it
        if not self._in_sections(url):
            return False, None
        new, fetch = self._classify(url, known)
        return new, (self._article_request(url, published) if fetch else None)

    def _in_sections(self, url: str) -> bool:
        section = self.site.section_of(url)
        return section is None or not self.site.SECTIONS or section.lower() in {s.lower() for s in self.params.sections}

    # --- JSON listing API ------------------------------------------------------------

    def _listing_priority(self) -> int:
        """For listing pages (API, HTML, sitemaps, feeds): ahead of articles while the
        scheduler holds fewer than NEWSCRAWL_LISTINGS_AHEAD_BELOW requests, behind them
        beyond (see settings). Scrapy orders by priority within a host: a listing on
        another host than its articles (Elaph's API) goes at its own host's pace."""
        scheduler = self.crawler.engine.scheduler if self.crawler.engine else None
        try:
            waiting = len(scheduler)
        except TypeError:  # a scheduler that cannot count: listings behind articles
            return 0
        return ARTICLE_PRIORITY + 1 if waiting < self.listings_ahead_below else 0

    def _api_request(self, section: str, page: int) -> Request:
        return Request(self.site.api_url(section, page, self.params.base_url), callback=self.parse_api,
                       errback=self.listing_failed, cb_kwargs={"section": section, "page": page},
                       priority=self._listing_priority())

    def parse_api(self, response, section: str, page: int):
        try:
            entries = self.site.api_entries(response.json())
        except (ValueError, KeyError, TypeError, AttributeError):
            self.logger.error("listing API answered something that is not its JSON: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/listing/api_unreadable")
            return
        self.crawler.stats.inc_value("newscrawl/listing/api_pages")
        entries = [(self.site.canonical_url(urljoin(self.origin, path), self.origin), published)
                   for path, published in entries]
        known = self._look_up(url for url, _ in entries)
        fresh = 0
        for url, published in entries:
            new, request = self._consider(url, published, known)
            fresh += new
            if request:
                yield request
        if fresh and not self._page_limit(page):
            yield self._api_request(section, page + 1)

    # --- sitemaps and feeds --------------------------------------------------------

    def _sitemap_request(self, url: str) -> Request:
        return Request(url, callback=self.parse_sitemap, errback=self.listing_failed,
                       priority=self._listing_priority())

    def _feed_request(self, url: str) -> Request:
        return Request(url, callback=self.parse_feed, errback=self.listing_failed,
                       priority=self._listing_priority())

    def parse_robots(self, response):
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield self._sitemap_request(url)

    def parse_sitemap(self, response):
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        sel = Selector(text=body.decode("utf-8", "replace"), type="xml")
        sel.remove_namespaces()
        self.crawler.stats.inc_value("newscrawl/listing/sitemaps")
        for number, node in enumerate(sel.xpath("/sitemapindex/sitemap"), start=1):
            if self.params.max_pages is not None and number > self.params.max_pages:
                break  # max_pages bounds the sitemaps followed from an index
            modified = parse_date(node.xpath("string(lastmod)").get().strip())
            if modified and self._before_since(modified.value.date()):
                continue  # nothing in it changed since `since`
            yield self._sitemap_request(urljoin(response.url, node.xpath("string(loc)").get().strip()))
        entries = []
        for node in sel.xpath("/urlset/url"):
            loc = node.xpath("string(loc)").get().strip()
            published = parse_date(node.xpath("string(news/publication_date)").get().strip())
            modified = parse_date(node.xpath("string(lastmod)").get().strip())
            if published is None and modified and self._before_since(modified.value.date()):
                continue
            entries.append((self.site.canonical_url(urljoin(response.url, loc), self.origin), _instant(published)))
        known = self._look_up(url for url, _ in entries)
        for url, when in entries:
            _, request = self._consider(url, when, known)
            if request:
                yield request

    def parse_feed(self, response):
        sel = Selector(text=response.text, type="xml")
        sel.remove_namespaces()
        self.crawler.stats.inc_value("newscrawl/listing/feeds")
        items = [(n.xpath("string(link)").get(), n.xpath("string(pubDate)").get() or n.xpath("string(date)").get())
                 for n in sel.xpath("//item")]
        items += [(n.xpath("link[@rel='alternate']/@href | link[not(@rel)]/@href").get(),
                   n.xpath("string(published)").get() or n.xpath("string(updated)").get()) for n in sel.xpath("//entry")]
        entries = [(self.site.canonical_url(urljoin(response.url, link.strip()), self.origin),
                    _instant(parse_date(stamp.strip()) if stamp else None)) for link, stamp in items if link]
        known = self._look_up(url for url, _ in entries)
        for url, when in entries:
            _, request = self._consider(url, when, known)
            if request:
                yield request

    def listing_failed(self, failure):
        self.crawler.stats.inc_value("newscrawl/listing/failed")
        self.logger.warning("listing %s failed: %s", failure.request.url, failure.value)

    # --- HTML listings -------------------------------------------------------------

    def start_html_listings(self):
        if self._html_listings_started or "html" not in self.site.SOURCES:
            return
        self._html_listings_started = True
        self.crawler.engine.crawl(Request(self.origin + "/", callback=self.parse_home, errback=self.listing_failed))
        for url in self.params.start_urls:
            self.crawler.engine.crawl(self._listing_request(url, None, 1, ()))
        raise DontCloseSpider

    def _listing_request(self, url: str, section: str | None, page: int, seen: tuple) -> Request:
        return Request(url, callback=self.parse_listing, errback=self.listing_failed,
                       cb_kwargs={"section": section, "page": page, "seen": seen}, priority=self._listing_priority())

    def parse_home(self, response):
        if "feed" in self.site.SOURCES:
            for href in response.xpath("//link[@rel='alternate']").xpath(
                    "@href[../@type='application/rss+xml' or ../@type='application/atom+xml']").getall():
                yield self._feed_request(urljoin(response.url, href.strip()))
        for href in response.xpath("//a/@href").getall():
            url = urljoin(response.url, href.strip())
            section = self.site.section_of_listing(url, self.params.sections)
            if section and urlsplit(url).hostname == urlsplit(self.origin).hostname:
                yield self._listing_request(url, section, 1, ())
        links = article_links(response.selector, response.url, self.site.canonical_url, self.site.looks_like_article,
                              self.origin)
        known = self._look_up(links)
        for url in links:
            _, request = self._consider(url, None, known)
            if request:
                yield request

    async def parse_listing(self, response, section: str | None, page: int, seen: tuple) -> list[Request]:
        self.crawler.stats.inc_value("newscrawl/listing/html_pages")
        # Read in the story worker when there is one, like the articles.
        links, next_url = await run(self.crawler, read_listing, response.text, response.url, self.site.canonical_url,
                                    self.site.looks_like_article, self.origin, self.site.NEXT_TEXTS)
        # Stable across processes (Python's str hash is not), so a resumed job still sees loops.
        signature = hashlib.sha1("\n".join(sorted(links)).encode()).hexdigest()[:16]
        if signature in seen:
            self.logger.info("listing page repeats an earlier page, stop paging: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/listing/loops_stopped")
            return []
        known = self._look_up(links)
        requests, fresh = [], 0
        for url in links:
            new, request = self._consider(url, None, known)
            fresh += new
            if request:
                requests.append(request)
        # Nothing new here: older pages hold nothing new either.
        if next_url and fresh and not self._page_limit(page):
            requests.append(self._listing_request(next_url, section, page + 1, (*seen, signature)))
        return requests

    # --- articles ------------------------------------------------------------------

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
            # Not ours to fetch: remembered (so it stops counting as new), not reported.
            self.archive.record_failure(failure.request.url, "forbidden by robots.txt", datetime.now(timezone.utc))
            return
        reason = f"HTTP {response.status}" if response is not None else f"{type(error).__name__}: {error}".strip()
        self._unreachable(failure.request.url, reason[:200])

    def _unreachable(self, url: str, reason: str) -> None:
        self.unreachable[url] = reason
        self.archive.record_failure(url, reason, datetime.now(timezone.utc))
        self.crawler.stats.inc_value("newscrawl/articles/unreachable")

    async def parse_article(self, response, listing_time: datetime | None = None) -> list[Article]:
        # A list, not an async generator: Scrapy runs a list through its spider middlewares'
        # plain path, an async generator through their asynchronous wrappers, which cost
        # more per item.
        kind = response.headers.get(b"Content-Type", b"text/html").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or not ("html" in kind or kind.startswith("text/")):
            # Scrapy picks the response class by the URL's .html when the type is unknown.
            self._unreachable(response.request.url, f"not HTML: {kind}")
            return []
        url = self.site.canonical_url(response.url, self.origin) or response.url
        # The site's clock, for relative dates («منذ ساعتين»), which are then read in its zone.
        now = datetime.now(self.zone).replace(tzinfo=None)
        # Read in the story worker when there is one: the page is parsed there, not here.
        extraction = await run(self.crawler, extract_article, response.text, self.site.LAYOUTS, self.site.SITE_NAMES,
                               now, response.url)
        requested = [self.site.canonical_url(u, self.origin) for u in response.meta.get("redirect_urls", [])]
        stats = self.crawler.stats
        if self.site.REQUIRE_ARTICLE_MARKUP and not extraction.is_article and listing_time is None:
            stats.inc_value("newscrawl/skipped/not_an_article")
            return []
        published, source = published_date(extraction, listing_time, self.site.url_month(url))
        for name, field_source in {**extraction.sources, "published": source}.items():
            if field_source:
                stats.inc_value(f"newscrawl/field/{name}/{field_source}")
        if published and published.precision != "month" and (
                self._before_since(published.value.date()) or self._after_until(published.value.date())):
            stats.inc_value("newscrawl/skipped/outside_window")
            return []
        article = build_article(
            extraction, url=url, site=self.site.NAME, section=self.site.section_of(url),
            published=published, zone=self.zone, default_language=self.site.LANGUAGE,
        )
        article.aliases = [u for u in dict.fromkeys(requested) if u and u != url]
        return [article]


def _instant(parsed) -> datetime | None:
    if parsed is None or parsed.precision == "month":
        return None
    value = parsed.value
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
