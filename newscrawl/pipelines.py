"""Item pipelines: thin adapters around pure functions, in the order set in settings."""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

logger = logging.getLogger(__name__)


class RequiredFieldsPipeline:
    """Drop an article with no headline or no body: a story without them is not a story.
    Counted under newscrawl/dropped/<reason>."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        for name in ("headline", "body"):
            if not (adapter.get(name) or "").strip():
                reason = f"no_{name}"
                self.stats.inc_value(f"newscrawl/dropped/{reason}")
                raise DropItem(f"{reason}: {adapter.get('url')}", log_level="WARNING")
        return item
