"""Names shared by everything one run writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


def run_stamp(crawler: Crawler) -> str:
    """The run's start time (UTC) as it appears in its file names."""
    return crawler.stats.get_value("start_time").strftime("%Y-%m-%dT%H-%M-%SZ")
