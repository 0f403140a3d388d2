"""Turn one page's extraction into an Article, filling the date from what the listing knew."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from newscrawl.extract.chain import Extraction
from newscrawl.items import Article
from newscrawl.text.dates import ParsedDate, to_iso


def published_date(extraction: Extraction, listing_time: datetime | None,
                   url_year_month: tuple[int, int] | None) -> tuple[ParsedDate | None, str | None]:
    """The page's own date first; else the listing API's time; else the URL's month —
    never a made-up day."""
    if "published" in extraction.values:
        return extraction.values["published"], extraction.sources["published"]
    if listing_time is not None:
        return ParsedDate(listing_time, "datetime"), "listing"
    if url_year_month:
        return ParsedDate(datetime(*url_year_month, 1), "month"), "url"
    return None, None


def build_article(extraction: Extraction, *, url: str, site: str, section: str | None,
                  published: ParsedDate | None, zone: tzinfo | None, default_language: str | None,
                  crawled_at: datetime | None = None) -> Article:
    values = extraction.values
    paragraphs = values.get("body") or []
    body = "\n\n".join(paragraphs)
    updated = values.get("updated")
    return Article(
        url=url, site=site, section=section or values.get("section"),
        headline=values.get("headline") or "", body=body,
        body_source=extraction.sources.get("body", ""),
        published=to_iso(published, zone) if published else None,
        published_precision=published.precision if published else None,
        crawled_at=(crawled_at or datetime.now(UTC)).replace(microsecond=0).isoformat(),
        summary=values.get("summary"), authors=list(values.get("authors") or []), dateline=values.get("dateline"),
        updated=to_iso(updated, zone) if updated else None, tags=list(values.get("tags") or []),
        image_url=values.get("image_url"), language=values.get("language") or default_language,
        word_count=len(body.split()),
    )
