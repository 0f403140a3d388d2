"""WarcCapture: every response the crawl reads — article pages, listings, API answers,
sitemaps, feeds, robots.txt, error answers too — written with its request to WARC files
(newscrawl.raw.warc) under ``<data dir>/<site>/warc/`` (NEWSCRAWL_WARC_DIR to put them
elsewhere, such as storage shared by distributed workers), rotated at
NEWSCRAWL_WARC_MAX_BYTES. Each file is named after the run, the host and the process, so
workers never write one file. The response's record is named in its request's meta
(``warc_record``: "<file>#<offset>") for the archive row to keep. On by default;
NEWSCRAWL_WARC = False turns it off.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings

from newscrawl.archive import ArchiveError, data_dir
from newscrawl.raw.warc import WarcFiles
from newscrawl.run.runs import run_stamp


def warc_folder(settings: BaseSettings, spider_name: str) -> Path:
    chosen = settings.get("NEWSCRAWL_WARC_DIR")
    return Path(chosen) if chosen else data_dir(settings) / spider_name / "warc"


class WarcCapture:
    def __init__(self, crawler):
        self.crawler = crawler
        self.files: WarcFiles | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSCRAWL_WARC"):
            raise NotConfigured
        return cls(crawler)

    def spider_opened(self, spider):
        prefix = f"{run_stamp(self.crawler)}-{socket.gethostname()}-{os.getpid()}"
        self.files = WarcFiles(warc_folder(self.crawler.settings, spider.name), prefix,
                               self.crawler.settings.getint("NEWSCRAWL_WARC_MAX_BYTES"))

    def response_downloaded(self, response, request, spider):
        if self.files is None or request.meta.get("warc_replay"):  # a page read from a WARC: kept there
            return
        try:
            name, offset = self.files.write(response.url, request.method, request.headers, response.status,
                                            response.headers, response.body,
                                            protocol=response.protocol or "HTTP/1.1")
        except OSError as error:
            from newscrawl.fetch.middlewares import stop_for_archive

            stop_for_archive(self.crawler, ArchiveError(f"cannot write raw pages to {self.files.path}: "
                                                        f"{error.strerror or error}"))
            return
        self.crawler.stats.inc_value("newscrawl/warc/records")
        request.meta["warc_record"] = f"{name}#{offset}"

    def spider_closed(self, spider):
        if self.files is not None:
            self.files.close()
