"""The archived article: one row per story."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class Article:
    url: str  # canonical: no AMP, no tracking query
    site: str
    section: str | None
    headline: str
    body: str  # paragraphs separated by one blank line
    body_source: str  # which extraction source gave the body: site | jsonld | generic | data
    published: str | None  # ISO 8601 at published_precision
    published_precision: str | None  # datetime | day | month
    crawled_at: str
    summary: str | None = None
    dateline: str | None = None
    authors: list[str] = field(default_factory=list)
    updated: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    language: str | None = None
    word_count: int = 0
    story_id: int | None = None  # shared by the versions of one story (set by the archive)
    # Not exported: other URLs that led to this page (redirects), remembered by the archive.
    aliases: list[str] = field(default_factory=list)
    # Not exported, kept by the archive so a row can be re-derived from the page without the
    # network: the WARC record of the page ("<file>#<offset>"), the time the listing gave,
    # and the version of the extraction that made the row.
    warc_record: str | None = None
    listing_time: str | None = None
    extractor_version: str | None = None
    # Not exported or archived: the page's short lines, anywhere on it, from which the
    # archive learns the site's furniture (newscrawl.extract.learned).
    page_lines: list[str] = field(default_factory=list, repr=False)


# Analysts' column order; the CSV exporter would otherwise take the first item's keys.
EXPORT_FIELDS = ["url", "site", "section", "headline", "summary", "dateline", "body", "authors",
                 "published", "published_precision", "updated", "tags", "image_url", "language",
                 "word_count", "crawled_at", "body_source", "story_id"]
INTERNAL_FIELDS = ("aliases", "warc_record", "listing_time", "extractor_version", "page_lines")
assert sorted(EXPORT_FIELDS) == sorted(f.name for f in fields(Article) if f.name not in INTERNAL_FIELDS)
