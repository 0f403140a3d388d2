"""Site-wide furniture, learned from the archive: a paragraph that recurs on the pages of
several different stories of one site is that site's furniture — a crumb, a disclaimer,
posting rules, a newsletter or app prompt, another story's headline in a most-read or
related list — whatever its words, in any language. Evidence is counted per site in the
archive (so distributed workers share it), per distinct story: a follow-up repeating its
own story's paragraphs is not evidence.

``SiteFurniture.clean`` drops from a story's body the paragraphs the evidence already
names before it is archived; ``record`` adds the story's paragraphs to the evidence;
``clean_archive`` removes, in place, what became furniture after a story was archived.
"""

from __future__ import annotations

from .text.keys import content_hash, paragraph_key

# A paragraph seen on this many distinct stories of a site is furniture. Measured on the
# bundled mirror: the article paragraphs of its 129 stories recur on at most 4 distinct
# stories (its corpus reuses sentences, as wire copy does); page furniture recurs on
# nearly every page. Real wire background paragraphs also recur across a few stories of
# one event. 6 leaves that margin and still catches a crumb or disclaimer after a handful
# of pages (NEWSCRAWL_FURNITURE_MIN_STORIES).
MIN_STORIES = 6  # the default of NEWSCRAWL_FURNITURE_MIN_STORIES


def split(body: str) -> list[str]:
    return [p for p in (body or "").split("\n\n") if p.strip()]


class SiteFurniture:
    def __init__(self, store, site: str, min_stories: int = MIN_STORIES):
        self.store = store
        self.site = site
        self.min_stories = min_stories

    def clean(self, body: str, story_id: int | None = None) -> tuple[str, list[str], list[str]]:
        """(body without known furniture, keys kept, keys dropped)."""
        paragraphs = split(body)
        keys = [paragraph_key(p) for p in paragraphs]
        counts = self.store.paragraph_stories(self.site, keys, story_id)
        kept = [(p, k) for p, k in zip(paragraphs, keys, strict=True) if counts.get(k, 0) < self.min_stories]
        dropped = [k for k in keys if counts.get(k, 0) >= self.min_stories]
        return "\n\n".join(p for p, _ in kept), [k for _, k in kept], dropped

    def record(self, article_id: int, story_id: int, kept: list[str], dropped: list[str]) -> None:
        self.store.record_paragraphs(self.site, article_id, story_id, kept, dropped)

    def clean_archive(self) -> list[str]:
        """Remove furniture found since from the bodies of archived stories; their URLs."""
        cleaned = []
        for article_id, url, body in self.store.bodies_with(self.site, self.min_stories):
            # A story's own paragraphs count against it too here: it is one of the stories.
            paragraphs = split(body)
            keys = [paragraph_key(p) for p in paragraphs]
            counts = self.store.paragraph_stories(self.site, keys, None)
            kept = [p for p, k in zip(paragraphs, keys, strict=True) if counts.get(k, 0) < self.min_stories]
            dropped = [k for k in keys if counts.get(k, 0) >= self.min_stories]
            new_body = "\n\n".join(kept)
            self.store.set_body(article_id, new_body, word_count=len(new_body.split()),
                                content_hash=content_hash(new_body, already_clean=True), dropped=dropped)
            cleaned.append(url)
        return cleaned
