"""Item pipelines: thin adapters around pure functions, in the order set in settings."""

from __future__ import annotations

import logging
from datetime import timedelta

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from newscrawl.archive import ArchiveError, crawl_archive
from newscrawl.archive.archiving import archive_story
from newscrawl.extract.learned import SiteFurniture
from newscrawl.text.clean import clean_article
from newscrawl.text.keys import headline_key
from newscrawl.text.language import detect_language

logger = logging.getLogger(__name__)


class Rejected(DropItem):
    """Not a story this archive keeps (not an article, another language): the spider
    counts it as a failure of its URL, so the page is not fetched run after run."""

    def __init__(self, message: str, *, reason: str = "", not_an_article: bool = False, **kwargs):
        super().__init__(message, **kwargs)
        self.reason = reason or message
        self.not_an_article = not_an_article


class CleanTextPipeline:
    """Noise and furniture out of headline, summary, body, authors and tags; the
    dateline split from the body's opening; word_count recomputed. The words stay
    exactly as published (see newscrawl.text)."""

    def __init__(self, furniture: tuple):
        self.furniture = furniture

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.spider.site.furniture)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        adapter.update(clean_article(dict(adapter), self.furniture))
        return item


class LanguagePipeline:
    """Detect each article's language (newscrawl.text.language) and drop articles in a
    language the site does not publish in (the site spec's languages, or -a languages=
    for `news`). Counted as newscrawl/dropped/language_<code>."""

    def __init__(self, stats, languages: tuple[str, ...]):
        self.stats = stats
        self.languages = languages

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.spider.languages)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        detected = detect_language(f"{adapter.get('headline') or ''} {adapter.get('body') or ''}")
        if detected:
            adapter["language"] = detected
        if detected and self.languages and detected not in self.languages:
            self.stats.inc_value(f"newscrawl/dropped/language_{detected}")
            raise Rejected(f"language {detected}, not {','.join(self.languages)}: {adapter.get('url')}",
                           log_level="INFO")
        return item


class RequiredFieldsPipeline:
    """Drop what is not a story after cleaning: no headline, no body, or a body shorter
    than NEWSCRAWL_MIN_BODY_WORDS (an error or placeholder page read as an article).
    Counted under newscrawl/dropped/<reason>, logged with the URL. Also counts field
    coverage (newscrawl/items/with_<field>) for the run monitor."""

    def __init__(self, stats, min_body_words: int):
        self.stats = stats
        self.min_body_words = min_body_words

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.getint("NEWSCRAWL_MIN_BODY_WORDS"))

    def process_item(self, item):
        adapter = ItemAdapter(item)
        # Cleaning counted the words already; a body from elsewhere is counted here.
        words = adapter.get("word_count") or len((adapter.get("body") or "").split())
        present = {"headline": bool((adapter.get("headline") or "").strip()),
                   "body": words >= self.min_body_words, "published": bool(adapter.get("published"))}
        self.stats.inc_value("newscrawl/items/seen")
        for name, ok in present.items():
            if ok:
                self.stats.inc_value(f"newscrawl/items/with_{name}")
        reason = "no_headline" if not present["headline"] else "no_body" if not words else \
            "body_too_short" if not present["body"] else None
        if reason:
            self.stats.inc_value(f"newscrawl/dropped/{reason}")
            why = {"no_headline": "no headline", "no_body": "no text",
                   "body_too_short": f"{words} words of text, fewer than an article's {self.min_body_words}"}[reason]
            raise Rejected(f"{reason}: {adapter.get('url')}", reason=why, not_an_article=True, log_level="WARNING")
        return item


class ArchivePipeline:
    """Dedup against the archive and archive what is new, in one step per story (the
    policy is newscrawl.archive.dedup; the writes newscrawl.archive.archiving). Duplicates are dropped,
    counted under newscrawl/duplicates/<reason> and logged at DEBUG with both URLs;
    follow-ups are archived with the first version's story_id."""

    def __init__(self, crawler, store, site_names: tuple[str, ...], refresh: bool,
                 furniture: SiteFurniture | None = None):
        self.crawler = crawler
        self.stats = crawler.stats
        self.store = store
        self.site_names = site_names
        self.refresh = refresh
        self.furniture = furniture  # learned site-wide furniture (newscrawl.extract.learned), or None
        self.archived_ids: list[int] = []  # the rows this run archived, checked again at its end
        self.window = timedelta(days=crawler.settings.getfloat("NEWSCRAWL_DEDUP_WINDOW_DAYS"))

    @classmethod
    def from_crawler(cls, crawler):
        spider, store = crawler.spider, crawl_archive(crawler)
        min_stories = crawler.settings.getint("NEWSCRAWL_FURNITURE_MIN_STORIES")
        furniture = SiteFurniture(store, spider.site.name, min_stories, spider.site.site_names) \
            if min_stories > 0 else None
        return cls(crawler, store, spider.site.site_names, spider.params.refresh, furniture)

    def close_spider(self):
        if self.furniture is not None:
            try:
                cleaned = self.furniture.clean_archive(self.archived_ids)
            except ArchiveError as error:
                logger.error("could not remove site furniture from archived stories: %s", error)
            else:
                if cleaned:
                    self.stats.set_value("newscrawl/furniture/cleaned_in_place", len(cleaned))
                    logger.info("removed site furniture found since from %d archived stories", len(cleaned))
        try:  # what is held since the last commit, before the run's summary and exports read the archive
            self.store.flush()
        except ArchiveError as error:
            from newscrawl.fetch.middlewares import stop_for_archive

            stop_for_archive(self.crawler, error)
        archived = sum(self.stats.get_value(f"newscrawl/{k}", 0) for k in ("archived", "refreshed", "represents"))
        if not archived:
            duplicates = sum(v for k, v in self.stats.get_stats().items() if k.startswith("newscrawl/duplicates/"))
            logger.info("no new stories this run: nothing exported (%d duplicates of archived stories)", duplicates)
        else:
            logger.info("archived %d new stories in %s", archived, self.store.name)

    async def process_item(self, item):
        adapter = ItemAdapter(item)
        # A shallow dict: ItemAdapter.asdict() deep-copies the item, a tenth of a millisecond.
        article = dict(adapter.items())
        try:
            kept = dropped = ()
            key = headline_key(article["headline"], self.site_names)
            if self.furniture is not None:
                body, kept, dropped = self.furniture.clean(article["body"], key)
                if dropped:
                    self.stats.inc_value("newscrawl/furniture/dropped_paragraphs", len(dropped))
                    article["body"] = adapter["body"] = body
                    article["word_count"] = adapter["word_count"] = len(body.split())
            on_written = None
            if self.furniture is not None:
                def on_written(article_id: int, story_id: int) -> None:
                    self.furniture.record(article_id, story_id, list(kept), list(dropped),
                                          article.get("page_lines") or ())
                    self.archived_ids.append(article_id)
            outcome, decision, story_id = archive_story(self.store, article, key, self.window, refresh=self.refresh,
                                                        on_written=on_written)
            # The item goes on (to feeds, to the counts) once its story is committed: with
            # a SQLite archive, at the next of the commits held together (archive.crawl_archive).
            if self.store.uncommitted:
                committed = Deferred()
                self.store.when_committed(lambda: committed.callback(None), committed.errback)
                await maybe_deferred_to_future(committed)
        except ArchiveError as error:  # nothing of this story was committed: it stays due
            from newscrawl.fetch.middlewares import stop_for_archive

            stop_for_archive(self.crawler, error)
            raise DropItem(f"not archived ({error}): {adapter['url']}", log_level="DEBUG") from None
        url = adapter["url"]
        if outcome == "unchanged":
            self.stats.inc_value("newscrawl/unchanged")
            raise DropItem(f"unchanged since archived: {url}", log_level="DEBUG")
        if outcome == "duplicate":
            self.stats.inc_value(f"newscrawl/duplicates/{decision.reason}")
            raise DropItem(f"duplicate ({decision.reason}): {url} repeats {decision.other.url}", log_level="DEBUG")
        adapter["story_id"] = story_id
        if outcome == "represents":
            # An earlier copy of an archived story: its row now, exported with this run.
            self.stats.inc_value("newscrawl/represents")
            logger.debug("%s stands for story %s instead of %s", url, story_id, decision.other.url)
            return item
        if outcome == "refreshed":
            self.stats.inc_value("newscrawl/refreshed")
            return item
        self.stats.inc_value("newscrawl/archived")
        if decision.verdict == "followup":
            self.stats.inc_value("newscrawl/followups")
            logger.debug("follow-up: %s continues story %s (%s)", url, story_id, decision.other.url)
        return item
