"""newscrawl.run.console: which of Scrapy's records wait for -L DEBUG, and how they are lowered."""

from __future__ import annotations

import logging

import pytest
from scrapy.settings import Settings

from newscrawl.run.console import LISTING_LINES, STARTUP_DUMPS, STATS_DUMP, Demote, demote, dump_rules


@pytest.mark.parametrize(("settings", "terminal", "expected"), [
    ({}, True, {**STARTUP_DUMPS, **STATS_DUMP, **LISTING_LINES}),
    ({}, False, STARTUP_DUMPS),  # cron without --logfile keeps the stats dump and the listing lines
    ({"LOG_FILE": "run.log"}, True, {}),  # the file is the full record
    ({"LOG_FILE": "run.log"}, False, {}),
    ({"LOG_LEVEL": "DEBUG"}, True, {**STARTUP_DUMPS, **STATS_DUMP, **LISTING_LINES}),  # DEBUG shows them anyway
])
def test_what_is_lowered_where(settings, terminal, expected):
    assert dump_rules(Settings(settings), terminal=terminal) == expected


def record(name: str, level: int, msg: str) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, None, None)


@pytest.mark.parametrize(("logger", "msg", "level", "lowered"), [
    # Scrapy's own message templates, as scrapy/middleware.py, crawler.py, addons.py, utils/log.py
    # and statscollectors.py log them.
    ("scrapy.middleware", "Enabled %(componentname)ss:\n%(enabledlist)s", logging.INFO, True),
    ("scrapy.crawler", "Overridden settings:\n%(settings)s", logging.INFO, True),
    ("scrapy.addons", "Enabled addons:\n%(addons)s", logging.INFO, True),
    ("scrapy.utils.log", "Versions:\n{'lxml': '6.2.0'}", logging.INFO, True),
    ("scrapy.statscollectors", "Dumping Scrapy stats:\n{}", logging.INFO, True),
    ("scrapy.utils.log", "Scrapy %(version)s started (bot: %(bot)s)", logging.INFO, False),  # one line: kept
    ("scrapy.middleware", "Disabled %(clspath)s: %(eargs)s", logging.WARNING, False),
    ("scrapy.crawler", "Received %(signame)s, shutting down gracefully.", logging.INFO, False),
])
def test_only_the_dumps_are_lowered(logger, msg, level, lowered):
    rules = {**STARTUP_DUMPS, **STATS_DUMP}
    item = record(logger, level, msg)
    assert Demote(rules[logger]).filter(item) is True  # lowered, never dropped
    assert (item.levelno, item.levelname) == ((logging.DEBUG, "DEBUG") if lowered else
                                              (level, logging.getLevelName(level)))


def test_a_lowered_record_passes_a_debug_handler_only():
    logger = logging.getLogger("newscrawl.tests.console")
    logger.propagate, logger.level = False, logging.DEBUG
    seen = {logging.INFO: [], logging.DEBUG: []}
    for level, found in seen.items():
        handler = logging.Handler(level)
        handler.emit = lambda r, found=found: found.append(r.getMessage())
        logger.addHandler(handler)
    demote({"newscrawl.tests.console": ("Enabled ",)})
    demote({"newscrawl.tests.console": ("Enabled ",)})  # installed once, however often asked
    assert len(logger.filters) == 1
    logger.info("Enabled extensions:\n%s", "['a']")
    logger.info("Spider opened")
    assert seen[logging.INFO] == ["Spider opened"]
    assert seen[logging.DEBUG] == ["Enabled extensions:\n['a']", "Spider opened"]
