"""ProgressLine: one live status line on an interactive terminal."""

from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class ProgressLine:
    """Rewrites one line on stderr every NEWSCRAWL_PROGRESS_INTERVAL seconds: pages,
    articles archived, duplicates, errors, rate. Only when stderr is a terminal (or
    NEWSCRAWL_PROGRESS=on); cron runs, whose stderr is a file, get plain log lines."""

    def __init__(self, crawler, stream):
        self.crawler = crawler
        self.stream = stream
        self.interval = crawler.settings.getfloat("NEWSCRAWL_PROGRESS_INTERVAL")
        self.loop = task.LoopingCall(self.show)
        self.started = time.monotonic()
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        mode = crawler.settings.get("NEWSCRAWL_PROGRESS", "auto")
        if mode == "off" or (mode == "auto" and not sys.stderr.isatty()):
            raise NotConfigured
        return cls(crawler, sys.stderr)

    def line(self) -> str:
        stats = self.crawler.stats.get_stats()
        pages = stats.get("response_received_count", 0)
        duplicates = sum(v for k, v in stats.items() if k.startswith("newscrawl/duplicates/"))
        errors = stats.get("downloader/exception_count", 0) + sum(
            v for k, v in stats.items() if k.startswith("downloader/response_status_count/") and k[-3:] >= "400")
        rate = pages / max(time.monotonic() - self.started, 1e-6)
        return (f"pages {pages} | articles {stats.get('newscrawl/archived', 0)} | duplicates {duplicates}"
                f" | errors {errors} | {rate:.1f} pages/s")

    def show(self):
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()

    def spider_opened(self, spider):
        self.started = time.monotonic()
        self.loop.start(self.interval, now=True)

    def spider_closed(self, spider):
        if self.loop.running:
            self.loop.stop()
        self.show()
        self.stream.write("\n")
        self.stream.flush()
