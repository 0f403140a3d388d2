"""Re-deriving archived rows from the pages kept in WARC files, with no network: the
current extraction, cleaning and learned furniture over the page each row was made
from, with what the crawl knew besides the page (the listing's time). Rows that come
out different are updated in place; each says which extractor version made it."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from scrapy.http import Headers, HtmlResponse

from .assemble import build_article, published_date
from .charset import declared_encoding, true_encoding
from .dedup import key_tokens, published_instant
from .extract import EXTRACTOR_VERSION
from .extract.chain import extract_article
from .items import EXPORT_FIELDS
from .learned import SiteFurniture
from .text.clean import clean_article
from .text.keys import content_hash, headline_key
from .text.language import detect_language
from .warc import read_response

# Fields a re-extraction may change; the URL, site, story and crawl time stay.
COMPARED = [f for f in EXPORT_FIELDS if f not in ("url", "site", "story_id", "crawled_at")]


def page_text(url: str, headers: list[tuple[str, str]], body: bytes) -> str:
    """The page's text as the crawl reads it: its declared encoding when that holds, else
    the one its bytes really are in (newscrawl.charset)."""
    scrapy_headers = Headers()
    for name, value in headers:
        scrapy_headers.appendlist(name, value)
    response = HtmlResponse(url=url, headers=scrapy_headers, body=body)
    content_type = scrapy_headers.get(b"Content-Type", b"").decode("latin-1")
    if "\ufffd" in response.text or not declared_encoding(content_type, body):
        encoding = true_encoding(content_type, body)
        if encoding:
            response = response.replace(encoding=encoding)
    return response.text


def derive(site, html: str, url: str, listing_time: datetime | None, crawled_at: datetime) -> dict:
    """The export fields of a page as the crawl would archive them now (before dedup)."""
    zone = ZoneInfo(site.timezone)
    extraction = extract_article(html, site.layouts, site.site_names, crawled_at.astimezone(zone).replace(tzinfo=None),
                                 url)
    published, _ = published_date(extraction, listing_time, site.url_month(url))
    article = asdict(build_article(extraction, url=url, site=site.name, section=site.section_of(url),
                                   published=published, zone=zone, default_language=site.language,
                                   crawled_at=crawled_at))
    article.update(clean_article(article, site.furniture))
    detected = detect_language(f"{article['headline']} {article['body']}")
    if detected:
        article["language"] = detected
    return article


@dataclass
class Report:
    rows: int = 0
    changed: int = 0
    without_page: int = 0
    fields: Counter = field(default_factory=Counter)


def reextract(store, site, warc_folder: Path, *, section: str | None = None, since: datetime | None = None,
              until: datetime | None = None, min_stories: int = 0) -> Report:
    report = Report()
    furniture = SiteFurniture(store, site.name, min_stories, site.site_names) if min_stories > 0 else None
    for row in store.records(site.name, section=section, since=since, until=until):
        report.rows += 1
        record = row["warc_record"]
        if not record:
            report.without_page += 1
            continue
        name, offset = record.rsplit("#", 1)
        path = name if Path(name.split("!")[0]).is_absolute() else str(warc_folder / name)
        try:
            _, _, _, headers, body = read_response(path, int(offset))
        except (OSError, StopIteration, ValueError):
            report.without_page += 1
            continue
        listing_time = datetime.fromisoformat(row["listing_time"]) if row["listing_time"] else None
        crawled_at = datetime.fromisoformat(row["crawled_at"])
        article = derive(site, page_text(row["url"], headers, body), row["url"], listing_time, crawled_at)
        key = headline_key(article["headline"], site.site_names)
        if furniture is not None:
            article["body"], _, _ = furniture.clean(article["body"], key)
            article["word_count"] = len(article["body"].split())
        changed = [f for f in COMPARED if (article.get(f) or None) != (row[f] or None)]
        if not changed and row["extractor_version"] == EXTRACTOR_VERSION:
            continue
        article.update(warc_record=record, listing_time=row["listing_time"], extractor_version=EXTRACTOR_VERSION)
        store.replace(row["id"], article, headline_key=key, content_hash=content_hash(article["body"], already_clean=True),
                      published_at=published_instant(article.get("published"), article.get("published_precision")),
                      tokens=key_tokens(key), seen_at=datetime.now(timezone.utc), force=True)
        if changed:
            report.changed += 1
            report.fields.update(changed)
    return report
