"""What `scrapy crawl` leaves on the screen: Scrapy's dumps out of the way of the run's lines.

Scrapy logs its versions, its enabled components and its overridden settings at start-up,
and all its stats at the end, each at INFO: about 160 lines that bury the one saying
whether the run went well. ``quiet_scrapy_dumps`` lowers those records to DEBUG — they
still show with ``-L DEBUG`` — unless the log goes to LOG_FILE, which keeps everything as
Scrapy writes it (cron jobs read the stats dump there). Records are lowered by filters on
the loggers that emit them, before any handler looks at their level, so Scrapy's own
handler, whatever LOG_LEVEL made it, does the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

# logger name → the start of the messages (their templates, before %-formatting) to lower.
STARTUP_DUMPS = {
    "scrapy.utils.log": ("Versions:",),
    "scrapy.addons": ("Enabled addons:",),
    "scrapy.middleware": ("Enabled ",),  # extensions, downloader/spider middlewares, item pipelines
    "scrapy.crawler": ("Overridden settings:",),
}
STATS_DUMP = {"scrapy.statscollectors": ("Dumping Scrapy stats:",)}
# The RunMonitor's line per complete listing: the closing summary gives it per section.
LISTING_LINES = {"newscrawl.extensions.monitor": ("%s: complete back to",)}
# LogStats' "Crawled N pages (at N pages/min)…" every minute: the progress line says it live.
LOGSTATS = {"scrapy.extensions.logstats": ("",)}


class Demote(logging.Filter):
    """Lowers the records whose message starts with one of ``prefixes`` to DEBUG."""

    def __init__(self, prefixes: tuple[str, ...]):
        super().__init__()
        self.prefixes = prefixes

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG and str(record.msg).startswith(self.prefixes):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


def demote(rules: Mapping[str, tuple[str, ...]]) -> None:
    """Install ``rules`` (logger name → message prefixes) on their loggers, once each."""
    for name, prefixes in rules.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, Demote) and f.prefixes == prefixes for f in logger.filters):
            logger.addFilter(Demote(prefixes))


def dump_rules(settings: BaseSettings, *, terminal: bool) -> dict[str, tuple[str, ...]]:
    """Which records to lower for a run with these ``settings``. With LOG_FILE none: the
    file is the full record. Otherwise Scrapy's start-up dumps always; the stats dump and
    the per-listing lines only on a terminal, where the run's closing summary says what
    matters — a redirected stderr (cron without --logfile, a pipe) keeps them as its
    record of the run."""
    if settings.get("LOG_FILE"):
        return {}
    return {**STARTUP_DUMPS, **({**STATS_DUMP, **LISTING_LINES} if terminal else {})}


def quiet_scrapy_dumps(settings: BaseSettings, *, terminal: bool) -> None:
    """Lower the records ``dump_rules`` names; call before Scrapy starts logging."""
    demote(dump_rules(settings, terminal=terminal))
