"""RunExports: each run's CSV and JSON Lines files, written from the archive when the
run ends.

The files hold the stories this run archived (new ones, refreshed ones, and stories an
earlier copy found in this run now stands for), as the archive holds them at the end: a
row changed later in the run (an earlier copy taking a story's row) is exported as it
ended, never twice. A run that archived nothing writes no files (hourly runs of an
unchanged site leave no empty files). Each file is written whole or not at all.
`-o`/`-O` and FEEDS still export the items as they pass, as in any Scrapy project.
"""

from __future__ import annotations

import logging
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawl.archive import crawl_archive, data_dir
from newscrawl.export.exporters import remove_leftovers, write_rows
from newscrawl.run.runs import run_stamp

logger = logging.getLogger(__name__)


class RunExports:
    def __init__(self, crawler, store, targets: dict[str, str]):
        self.crawler = crawler
        self.store = store
        self.targets = targets  # path template → format
        self.urls: list[str] = []
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        targets = crawler.settings.getdict("NEWSCRAWL_RUN_EXPORTS")
        if not targets:
            raise NotConfigured
        return cls(crawler, crawl_archive(crawler), targets)

    def item_scraped(self, item):
        self.urls.append(ItemAdapter(item)["url"])

    def spider_closed(self, spider):
        if not self.urls:
            return
        params = {"name": spider.name, "run": run_stamp(self.crawler), "data_dir": str(data_dir(self.crawler.settings))}
        neutralise = self.crawler.settings.getbool("NEWSCRAWL_CSV_NEUTRALISE")
        for template, fmt in self.targets.items():
            path = Path(template % params)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                remove_leftovers(path.parent)
                # Read again for each file: rows stream from the archive, a few hundred at a time.
                count = write_rows(self.store.articles_at(self.urls), path, fmt, neutralise)
            except OSError as error:
                self.crawler.stats.inc_value("newscrawl/exports/failed")
                logger.error("could not write %s (%s); the stories are in the archive (scrapy export)", path,
                             error.strerror or error)
                continue
            logger.info("exported %d stories to %s", count, path)
