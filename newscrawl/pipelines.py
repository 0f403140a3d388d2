"""Item pipelines: thin adapters around pure functions, in the order set in settings."""

from __future__ import annotations


from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from .sites import SITES
from .text.clean import clean_body, clean_list
from .text.unicode import clean_inline



class CleanTextPipeline:
    """Noise and furniture out of headline, summary, body, authors and tags; the
    dateline split from the body's opening; word_count recomputed. The words stay
    exactly as published (see newscrawl.text)."""

    def process_item(self, item):
        adapter = ItemAdapter(item)
        site_patterns = getattr(SITES.get(adapter.get("site")), "FURNITURE", ())
        adapter["headline"] = clean_inline(adapter.get("headline"))
        adapter["summary"] = clean_inline(adapter.get("summary")) or None
        dateline, paragraphs = clean_body(adapter.get("body"), site_patterns)
        adapter["body"] = "\n\n".join(paragraphs)
        adapter["dateline"] = clean_inline(adapter.get("dateline")) or dateline
        adapter["authors"] = clean_list(adapter.get("authors") or [])
        adapter["tags"] = clean_list(adapter.get("tags") or [])
        adapter["word_count"] = len(adapter["body"].split())
        return item


class RequiredFieldsPipeline:
    """Drop an article with no headline or no body after cleaning: a story without them
    is not a story. Counted under newscrawl/dropped/<reason>, logged with the URL."""

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
