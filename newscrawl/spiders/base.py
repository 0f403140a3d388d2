"""SiteSpider: the routing every site shares. A site's spider is its module and a name.

Sources, in the order a site's spec lists them in ``sources``: "api" (a paged JSON listing
API), "sitemap" (robots.txt Sitemap lines, the spec's sitemaps, sitemap indexes,
Google News sitemaps), "feed" (the spec's feeds and <link rel="alternate"> feeds,
RSS or Atom), and "html" (the home page, the section pages it links, -a start_urls,
with pagination). HTML listings start once the others are done, so the dates that APIs,
sitemaps and feeds carry reach the articles first.

The spider only routes: listings are read by newscrawl.fetch.listing and the site module,
what to fetch and where paging stops is newscrawl.fetch.frontier's, pages are read by
newscrawl.extract, and the crawl's one archive store (newscrawl.archive.crawl_archive)
is handed to each.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import scrapy
from itemadapter import ItemAdapter
from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import TextResponse
from scrapy.utils.sitemap import sitemap_urls_from_robots

from newscrawl import __version__
from newscrawl.archive import crawl_archive
from newscrawl.extract import EXTRACTOR_VERSION
from newscrawl.extract.assemble import build_article, published_date
from newscrawl.extract.chain import extract_article
from newscrawl.fetch.charset import utf8_page
from newscrawl.fetch.frontier import Fetch, Frontier, Walk
from newscrawl.fetch.listing import article_links, read_feed, read_listing, read_sitemap
from newscrawl.fetch.params import CrawlParams, parse_params
from newscrawl.items import Article
from newscrawl.pipelines import Rejected
from newscrawl.raw.warc import responses, warc_files
from newscrawl.signals import article_unreachable, page_not_an_article
from newscrawl.sites.spec import Site

ARTICLE_PRIORITY = 10


class SiteSpider(scrapy.Spider):
    site: Site = None  # the site's spec (newscrawl.sites.spec)
    generic = False

    @classmethod
    def validate_arguments(cls, args) -> CrawlParams:
        return parse_params(args, cls.site.sections, generic=cls.generic)

    def __init__(self, *args, **kwargs):
        # Arguments are not set as attributes: -a start_urls=... must not replace the list.
        super().__init__(*args)
        self.params = self.validate_arguments(kwargs)
        self.origin = self.params.base_url or self.site.origin
        self.zone = ZoneInfo(self.site.timezone)
        self.languages = self.params.languages or self.site.languages
        hosts = {urlsplit(self.origin).hostname, *self.site.all_hosts,
                 *(urlsplit(u).hostname for u in self.params.start_urls)}
        if "api" in self.site.sources:
            hosts.add(urlsplit(self.site.api.origin).hostname)
        self.allowed_domains = sorted(h for h in hosts if h)
        self._html_listings_started = False
        self.archive = None
        self.frontier: Frontier | None = None
        # Set when the job starts, or by the distributed scheduler (the shared job's start).
        self.job_started: datetime | None = None
        # Old article URLs whose redirect led to a page this run already requested.
        self.redirect_aliases: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.start_html_listings, signal=signals.spider_idle)
        crawler.signals.connect(spider.record_redirects, signal=signals.spider_closed)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider.item_dropped, signal=signals.item_dropped)
        spider.archive = crawl_archive(crawler)
        # Crawler.stats exists only once the crawl starts: looked up when a figure is counted.
        spider.frontier = Frontier(spider.archive, spider.site, spider.params, origin=spider.origin,
                                   give_up_after=crawler.settings.getint("NEWSCRAWL_GIVE_UP_AFTER_FAILURES"),
                                   count=lambda key: crawler.stats.inc_value(f"newscrawl/{key}"),
                                   note=lambda key, value: crawler.stats.set_value(f"newscrawl/{key}", value))
        spider.listings_ahead_below = crawler.settings.getint("NEWSCRAWL_LISTINGS_AHEAD_BELOW")
        return spider

    def request_dropped(self, request):
        """A redirect that ends at an article already requested is dropped by Scrapy's
        duplicate filter; remember where the old URL led, so later runs skip it."""
        for old in request.meta.get("redirect_urls", []):
            alias = self.site.canonical_url(old, self.origin)
            if alias and alias != request.url and request.callback == self.parse_article:
                self.redirect_aliases[alias] = request.url

    def item_dropped(self, item, response, exception):
        """A page the pipelines rejected (not a story, wrong language) counts as a failure
        of its URL, so it is not fetched run after run (see NEWSCRAWL_GIVE_UP_AFTER_FAILURES)."""
        url = ItemAdapter(item).get("url")
        if isinstance(exception, Rejected) and url:
            if exception.not_an_article:  # no headline, or not an article's length of text
                self._not_an_article(url, exception.reason)
            else:
                self.archive.record_failure(url, f"not archived: {exception}"[:200], datetime.now(UTC))

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        if settings.getpriority("USER_AGENT") <= 0:  # not chosen by the user
            contact = settings.get("NEWSCRAWL_CONTACT")
            settings.set("USER_AGENT", f"newscrawl/{__version__} (+{contact}) Scrapy/{scrapy.__version__}",
                         priority="spider")

    def record_redirects(self):
        now = datetime.now(UTC)
        for alias, target in self.redirect_aliases.items():
            archived = self.archive.by_url(target)
            if archived:
                self.archive.touch(archived.id, now, alias=alias, reason="redirect")
            else:  # a redirect loop, or a redirect to a page that failed
                self.archive.record_failure(alias, f"redirected to {target}, which was not archived", now)

    async def start(self):
        # With JOBDIR, spider.state survives a pause: a resumed job keeps its start.
        state = getattr(self, "state", {})
        if self.job_started is None:
            self.job_started = datetime.fromisoformat(state.setdefault(
                "job_started", datetime.now(UTC).isoformat()))
        # Walks begun by runs before this job will never complete: what they saw is
        # walked again by this one.
        self.frontier.forget_old_walks(self.job_started)
        if self.params.warc:  # an import: the pages come from the files, nothing is crawled
            for request in self._imported():
                yield request
            return
        # What earlier runs found and did not archive: first, it has waited longest.
        due = self.frontier.due()
        if due:
            self.logger.info("%d article URLs due from earlier runs", len(due))
        for fetch in due:
            yield self._article_request(fetch)
        sources = self.site.sources
        if "api" in sources:
            for section in self.params.sections:
                yield self._api_request(self.frontier.start_walk("api", section), section)
        if "sitemap" in sources:
            yield Request(self.origin + "/robots.txt", callback=self.parse_robots, errback=self.listing_failed)
            for path in self.site.sitemaps:
                yield self._sitemap_request(urljoin(self.origin + "/", path))
        if "feed" in sources:
            for path in self.site.feeds:
                yield self._feed_request(urljoin(self.origin + "/", path))

    def _imported(self):
        """Requests answered from the response records of -a warc= files (newscrawl.raw.warc)
        that are article pages of this site; other records are counted and skipped."""
        stats, problems = self.crawler.stats, []
        for path in self.params.warc:
            for member in warc_files(path):
                for record in responses(member, problems):
                    url = self.site.canonical_url(record.url, self.origin)
                    if url is None or not self.site.looks_like_article(url):
                        stats.inc_value("newscrawl/import/other_records")
                        continue
                    if record.status != 200:
                        stats.inc_value("newscrawl/import/error_records")
                        continue
                    for fetch in self.frontier.to_fetch([(url, None)], listed=True):
                        stats.inc_value("newscrawl/import/articles")
                        yield Request(fetch.url, callback=self.parse_article, errback=self.article_failed,
                                      cb_kwargs={"listing_time": None, "listed": True},
                                      meta={"warc_replay": (record.file, record.offset), "warc_date": record.date,
                                            "warc_record": f"{record.file}#{record.offset}"})
        for problem in problems:
            self.logger.error("damaged WARC input: %s", problem)
            stats.inc_value("newscrawl/import/damaged_files")
            stats.set_value("newscrawl/import/damage", problem)

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

    def _walked(self, walk: Walk, entries, has_next: bool, looped: bool = False,
                listed: bool = True) -> tuple[list[Request], Walk | None]:
        decision = self.frontier.read_page(walk, entries, has_next, looped, listed)
        if decision.ended:
            self.logger.debug("%s: walk ends at page %d (%s)", walk.stream, walk.page, decision.ended)
        return [self._article_request(fetch) for fetch in decision.fetch], decision.next

    def listing_failed(self, failure):
        self.crawler.stats.inc_value("newscrawl/listing/failed")
        self.logger.warning("listing %s failed: %s", failure.request.url, failure.value)
        walk = failure.request.cb_kwargs.get("walk")
        if walk is not None:
            self.frontier.listing_failed(walk)

    # --- JSON listing API ------------------------------------------------------------

    def _api_request(self, walk: Walk, section: str) -> Request:
        return Request(self.site.api.url(section, walk.page, self.params.base_url), callback=self.parse_api,
                       errback=self.listing_failed, cb_kwargs={"walk": walk, "section": section},
                       priority=self._listing_priority())

    def parse_api(self, response, walk: Walk, section: str):
        try:
            entries = self.site.api.entries(response.json())
        except (ValueError, KeyError, TypeError, AttributeError):
            self.logger.error("listing API answered something that is not its JSON: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/listing/api_unreadable")
            self.frontier.listing_failed(walk)
            return []
        self.crawler.stats.inc_value("newscrawl/listing/api_pages")
        entries = [(self.site.canonical_url(urljoin(self.origin, path), self.origin), published)
                   for path, published in entries]
        # An empty page is the end of the listing.
        requests, following = self._walked(walk, entries, has_next=bool(entries))
        if following:
            requests.append(self._api_request(following, section))
        return requests

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
        children, pages = read_sitemap(response.body, response.url, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        self.crawler.stats.inc_value("newscrawl/listing/sitemaps")
        since = self.params.since
        for number, (url, modified) in enumerate(children, start=1):
            if self.params.max_pages is not None and number > self.params.max_pages:
                break  # max_pages bounds the sitemaps followed from an index
            if since and modified and modified.value.date() < since:
                continue  # nothing in it changed since `since`
            yield self._sitemap_request(url)
        entries = [(self.site.canonical_url(loc, self.origin), _instant(published))
                   for loc, published, modified in pages
                   if published or not (since and modified and modified.value.date() < since)]
        for fetch in self.frontier.to_fetch(entries, listed=True):
            yield self._article_request(fetch)

    def parse_feed(self, response):
        self.crawler.stats.inc_value("newscrawl/listing/feeds")
        entries = [(self.site.canonical_url(link, self.origin), _instant(published))
                   for link, published in read_feed(response.text, response.url)]
        for fetch in self.frontier.to_fetch(entries, listed=True):
            yield self._article_request(fetch)

    # --- HTML listings -------------------------------------------------------------

    def start_html_listings(self):
        if self._html_listings_started or "html" not in self.site.sources or self.params.warc:
            return
        self._html_listings_started = True
        self.crawler.engine.crawl(Request(self.origin + "/", callback=self.parse_home, errback=self.listing_failed))
        for url in self.params.start_urls:
            self.crawler.engine.crawl(self._listing_request(url, self.frontier.start_walk("html", url), ()))
        raise DontCloseSpider

    def _listing_request(self, url: str, walk: Walk, seen: tuple) -> Request:
        # A next link back to a page already fetched must reach parse_listing, which sees
        # the loop and ends the walk there; filtered, the walk would never end.
        return Request(url, callback=self.parse_listing, errback=self.listing_failed, dont_filter=walk.page > 1,
                       cb_kwargs={"walk": walk, "seen": seen}, priority=self._listing_priority())

    def parse_home(self, response):
        if "feed" in self.site.sources:
            for href in response.xpath("//link[@rel='alternate']").xpath(
                    "@href[../@type='application/rss+xml' or ../@type='application/atom+xml']").getall():
                yield self._feed_request(urljoin(response.url, href.strip()))
        for href in response.xpath("//a/@href").getall():
            url = urljoin(response.url, href.strip())
            section = self.site.section_of_listing(url, self.params.sections)
            if section and urlsplit(url).hostname == urlsplit(self.origin).hostname:
                yield self._listing_request(url, self.frontier.start_walk("html", section), ())
        links = article_links(response.selector, response.url, self.site.canonical_url, self.site.looks_like_article,
                              self.origin)
        for fetch in self.frontier.to_fetch([(link, None) for link in links], listed=self._links_are_listings()):
            yield self._article_request(fetch)

    def parse_listing(self, response, walk: Walk, seen: tuple) -> list[Request]:
        self.crawler.stats.inc_value("newscrawl/listing/html_pages")
        links, next_url = read_listing(response.text, response.url, self.site.canonical_url,
                                       self.site.looks_like_article, self.origin, self.site.next_texts)
        # Stable across processes (Python's str hash is not), so a resumed job still sees loops.
        signature = hashlib.sha1("\n".join(sorted(links)).encode()).hexdigest()[:16]
        seen = (*seen, response.url)
        # A page seen before in this walk, or a next link back to one: the walk has been round.
        looped = signature in seen or next_url in seen
        if looped:
            self.logger.info("listing page repeats an earlier page, stop paging: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/listing/loops_stopped")
        requests, following = self._walked(walk, [(link, None) for link in links], has_next=bool(next_url),
                                           looped=looped, listed=self._links_are_listings())
        if following:
            requests.append(self._listing_request(next_url, following, (*seen, signature)))
        return requests

    # --- articles ------------------------------------------------------------------

    def _links_are_listings(self) -> bool:
        """A link on an HTML page says "article" when the site declares its article URL
        shape; a site known by its address alone (`news`) does not."""
        return self.site.article_path is not None

    def _article_request(self, fetch: Fetch) -> Request:
        self.crawler.stats.inc_value("newscrawl/articles/requested")
        # What the listing said travels with the request, so a resumed job (JOBDIR) keeps it.
        return Request(fetch.url, callback=self.parse_article, errback=self.article_failed, priority=ARTICLE_PRIORITY,
                       cb_kwargs={"listing_time": fetch.listing_time, "listed": fetch.listed})

    def article_failed(self, failure):
        """Record an article page that could not be fetched and why."""
        error = failure.value
        response = getattr(error, "response", None)
        if isinstance(error, IgnoreRequest) and "robots.txt" in str(error).lower():
            # Not ours to fetch: remembered (so it stops counting as new), not reported.
            self.archive.record_failure(failure.request.url, "forbidden by robots.txt", datetime.now(UTC))
            return
        reason = f"HTTP {response.status}" if response is not None else f"{type(error).__name__}: {error}".strip()
        self._unreachable(failure.request.url, reason[:200])

    def _not_an_article(self, url: str, reason: str) -> None:
        self.crawler.stats.inc_value("newscrawl/skipped/not_an_article")
        self.archive.record_failure(url, f"not an article: {reason}"[:200], datetime.now(UTC))
        self.crawler.signals.send_catch_log(page_not_an_article, url=url, reason=reason)

    def _unreachable(self, url: str, reason: str) -> None:
        self.archive.record_failure(url, reason, datetime.now(UTC))
        self.crawler.signals.send_catch_log(article_unreachable, url=url, reason=reason)
        self.crawler.stats.inc_value("newscrawl/articles/unreachable")

    def parse_article(self, response, listing_time: datetime | None = None, listed: bool = True) -> list[Article]:
        kind = response.headers.get(b"Content-Type", b"text/html").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or not ("html" in kind or kind.startswith("text/")):
            # Scrapy picks the response class by the URL's .html when the type is unknown.
            self._unreachable(response.request.url, f"not HTML: {kind}")
            return []
        url = self.site.canonical_url(response.url, self.origin) or response.url
        # The site's clock, for relative dates («منذ ساعتين»), which are then read in its zone.
        now = datetime.now(self.zone).replace(tzinfo=None)
        extraction = extract_article(response.text, self.site.layouts, self.site.site_names, now, response.url,
                                     lines=True, page=utf8_page(response.text, response.body, response.encoding))
        requested = [self.site.canonical_url(u, self.origin) for u in response.meta.get("redirect_urls", [])]
        stats = self.crawler.stats
        if self.site.require_article_markup and not extraction.is_article and not listed:
            # Only linked, and it says nothing of being an article: a section or tag page.
            self._not_an_article(response.request.url, "linked only, and it declares no article (og:type, JSON-LD)")
            return []
        published, source = published_date(extraction, listing_time, self.site.url_month(url))
        for name, field_source in {**extraction.sources, "published": source}.items():
            if field_source:
                stats.inc_value(f"newscrawl/field/{name}/{field_source}")
        if published and published.precision != "month" and self.frontier.outside_window(published.value.date()):
            stats.inc_value("newscrawl/skipped/outside_window")  # stays due for a run whose window holds it
            return []
        # An imported page was crawled when its WARC record says, not now.
        recorded = response.meta.get("warc_date")
        article = build_article(
            extraction, url=url, site=self.site.name, section=self.site.section_of(url),
            published=published, zone=self.zone, default_language=self.site.language,
            crawled_at=datetime.fromisoformat(recorded.replace("Z", "+00:00")) if recorded else None,
        )
        article.aliases = [u for u in dict.fromkeys(requested) if u and u != url]
        # What re-extraction needs besides the page: where it is kept, and the listing's time.
        article.warc_record = response.meta.get("warc_record")
        article.listing_time = listing_time.isoformat() if listing_time else None
        article.extractor_version = EXTRACTOR_VERSION
        article.page_lines = extraction.lines
        return [article]


def _instant(parsed) -> datetime | None:
    if parsed is None or parsed.precision == "month":
        return None
    value = parsed.value
    return value if value.tzinfo else value.replace(tzinfo=UTC)
