"""newscrawl.run.stats: Scrapy's in-memory stats, counted the same way."""

from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from newscrawl import settings as project_settings
from newscrawl.run.stats import StatsCollector


def operations(stats):
    stats.open_spider()
    for key in ("newscrawl/archived", "newscrawl/archived", "newscrawl/field/headline/site"):
        stats.inc_value(key)
    stats.inc_value("response_bytes", 512)
    stats.inc_value("newscrawl/duplicates/url", start=10)
    stats.max_value("request_depth_max", 3)
    stats.max_value("request_depth_max", 2)
    stats.min_value("fastest", 5)
    stats.min_value("fastest", 4)
    stats.set_value("newscrawl/exit_status", 0)
    return dict(stats.get_stats()), stats.get_value("newscrawl/archived"), stats.get_value("absent", "none")


def test_counts_as_scrapys_memory_stats_collector_does():
    ours = operations(StatsCollector(get_crawler()))
    assert ours == operations(MemoryStatsCollector(get_crawler()))
    assert ours[0]["newscrawl/archived"] == 2 and ours[0]["newscrawl/duplicates/url"] == 11


def test_the_crawl_uses_it():
    settings = Settings()
    settings.setmodule(project_settings)
    assert load_object(settings["STATS_CLASS"]) is StatsCollector
