"""RunMonitor: judge each run and write its summary next to its exports."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawl.archive import ArchiveError, crawl_archive, data_dir
from newscrawl.run.monitor import summarise
from newscrawl.run.runs import run_stamp
from newscrawl.signals import article_unreachable, page_not_an_article

logger = logging.getLogger(__name__)


class RunMonitor:
    """At the end of a run, decide whether it failed and say why.

    A run fails when its finish reason is not "finished", when listings showed new
    articles and none was archived, when more than NEWSCRAWL_MAX_ERROR_RATE of requests
    failed, or when headline, body or date is missing on more than the share allowed by
    NEWSCRAWL_MIN_FIELD_COVERAGE, or when more than NEWSCRAWL_MAX_BLOCKED_SHARE of article
    pages were blocked (403, 429, challenge pages). The summary (JSON) goes to NEWSCRAWL_SUMMARY_PATH;
    `scrapy crawl` then exits with the verdict's status (0 ok, 3 failed).
    """

    def __init__(self, crawler, store):
        settings = crawler.settings
        self.store = store
        if not settings.get("NEWSCRAWL_SUMMARY_PATH"):
            raise NotConfigured
        self.crawler = crawler
        self.path_template = settings.get("NEWSCRAWL_SUMMARY_PATH")
        self.max_error_rate = settings.getfloat("NEWSCRAWL_MAX_ERROR_RATE")
        self.min_coverage = settings.getdict("NEWSCRAWL_MIN_FIELD_COVERAGE")
        self.max_blocked_share = settings.getfloat("NEWSCRAWL_MAX_BLOCKED_SHARE")
        # Article URLs that could not be fetched, with their last error, for the summary.
        self.unreachable: dict[str, str] = {}
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.article_unreachable, signal=article_unreachable)
        # Pages judged not an article, with the reason.
        self.not_articles: dict[str, str] = {}
        crawler.signals.connect(self.page_not_an_article, signal=page_not_an_article)

    def article_unreachable(self, url: str, reason: str):
        self.unreachable[url] = reason

    def page_not_an_article(self, url: str, reason: str):
        self.not_articles[url] = reason

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawl_archive(crawler))

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        summary = summarise(stats.get_stats(), reason, max_error_rate=self.max_error_rate,
                            min_coverage=self.min_coverage, max_blocked_share=self.max_blocked_share,
                            unreachable=self.unreachable, not_articles=self.not_articles, end=datetime.now(UTC))
        for stream, listing in summary["listings"].items():
            # How far back the archive holds every story this listing names.
            _, oldest = self.store.coverage(stream)
            listing["complete_back_to"] = oldest.date().isoformat() if listing["complete"] and oldest else None
        summary = {"spider": spider.name, **summary}
        verdict = summary["verdict"]
        stats.set_value("newscrawl/exit_status", verdict["exit_status"])
        path = Path(self.path_template % {"name": spider.name, "run": run_stamp(self.crawler),
                                          "data_dir": str(data_dir(self.crawler.settings))})
        summary["summary_path"] = str(path)
        try:
            _write_json(path, summary)
        except OSError as error:  # a full disk: say what the summary would have said
            stats.set_value("newscrawl/summary_error", f"{path}: {error.strerror or error}")
            logger.error("could not write the run summary to %s (%s); %d stories archived this run", path,
                         error.strerror or error, summary["articles"]["archived"])
        try:  # every machine sharing the archive sees the last runs (scrapy stats)
            self.store.record_run(spider.name, stats.get_value("start_time"), datetime.now(UTC),
                                  summary["articles"]["archived"], verdict["exit_status"], verdict["failures"])
        except ArchiveError as error:
            logger.error("could not record the run in the archive: %s", error)
        for stream, listing in summary["listings"].items():
            if listing["complete"]:
                logger.info("%s: complete back to %s (%d listing pages this run)", stream,
                            listing["complete_back_to"] or "its first story", listing["pages"])
            else:
                logger.warning("%s: complete only to where this run began — walk %s after %d pages; the next "
                               "plain run walks on from there", stream, listing["walk"], listing["pages"])
        if verdict["ok"]:
            logger.info("run ok: %d archived; summary in %s", summary["articles"]["archived"], path)
        else:
            for failure in verdict["failures"]:
                logger.error("run failed: %s", failure)
            logger.error("summary in %s", path)


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=2)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
