"""ProgressLine: one live status line on an interactive terminal."""

from __future__ import annotations

import logging
import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from newscrawl.run.console import LOGSTATS, demote

CLEAR = "\r\x1b[K"  # back to the line's start, erase to its end


class _ClearFirst(logging.Filter):
    """On a log handler that writes where the progress line is: each record it is about to
    write first erases the line, so no log text is glued onto it; the line comes back
    right after (ProgressLine.clear)."""

    def __init__(self, progress: ProgressLine):
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        self.progress.clear()
        return True


class ProgressLine:
    """Rewrites one line on stderr every NEWSCRAWL_PROGRESS_INTERVAL seconds: pages,
    articles archived, duplicates, errors, rate. Only when stderr is a terminal (or
    NEWSCRAWL_PROGRESS=on); cron runs, whose stderr is a file, get plain log lines.
    A log record written to the same stream erases the line first and the line is drawn
    again after it; LogStats' minute lines, which say less than the line, go to DEBUG."""

    def __init__(self, crawler, stream):
        self.crawler = crawler
        self.stream = stream
        self.interval = crawler.settings.getfloat("NEWSCRAWL_PROGRESS_INTERVAL")
        self.loop = task.LoopingCall(self.show)
        self.started = time.monotonic()
        self.showing = False  # the line is on screen, with the cursor at its end
        self.redraw_due = False
        self.filters: list[tuple[logging.Handler, logging.Filter]] = []
        if crawler.settings.getbool("LOG_ENABLED") and not crawler.settings.get("LOG_FILE"):
            demote(LOGSTATS)  # the log shares the terminal; now, before LogStats' first line
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
        self.stream.write(CLEAR + self.line())
        self.stream.flush()
        self.showing = True

    def clear(self):
        """Erase the line before something else is written to the stream, and draw it again
        once the reactor runs next — after the record, or a burst of them, is written.
        callFromThread: a record may come from another thread, and is safe from this one."""
        if not self.showing:
            return
        self.stream.write(CLEAR)
        self.stream.flush()
        self.showing = False
        if self.loop.running and not self.redraw_due:
            from twisted.internet import reactor  # noqa: PLC0415 - the crawl's, installed by now

            self.redraw_due = True
            reactor.callFromThread(self.redraw)

    def redraw(self):
        self.redraw_due = False
        if self.loop.running and not self.showing:
            self.show()

    def spider_opened(self, spider):
        self.started = time.monotonic()
        # Scrapy installs its root handler anew after building the extensions; by now it
        # is the one for this crawl. Where it writes to the line's stream, its records
        # must not land on the line.
        for handler in logging.root.handlers:
            if getattr(handler, "stream", None) is self.stream:
                self.filters.append((handler, _ClearFirst(self)))
                handler.addFilter(self.filters[-1][1])
        self.loop.start(self.interval, now=True)

    def spider_closed(self, spider):
        if self.loop.running:
            self.loop.stop()
        self.show()
        self.stream.write("\n")
        self.stream.flush()
        self.showing = False
        for handler, log_filter in self.filters:
            handler.removeFilter(log_filter)
        self.filters.clear()
