"""Re-deriving archived rows from the pages kept in WARC files, with no network: the
current extraction, cleaning and learned furniture over the page each row was made
from, with what the crawl knew besides the page (the listing's time). Rows that come
out different are updated in place; each says which extractor version made it.

Then the dedup decisions are taken again over the re-derived stories (the rows and the
kept pages of their aliases): the stories are archived afresh into a scratch archive in
memory (newscrawl.archive.memory), in which the earliest copy of each story holds its
row whatever order the copies come in (newscrawl.archive.dedup), and the real archive
is brought to the same rows. A row now found to copy another is merged into it (its URL
and aliases become the other's); an alias now found to be a story of its own is split
off into a row; rows move between stories (follow-ups) as the scratch archive groups
them. Story ids are kept wherever a story keeps most of its versions."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from scrapy.http import HtmlResponse

from newscrawl.archive.archiving import archive_story
from newscrawl.archive.dedup import key_tokens, published_instant
from newscrawl.archive.memory import MemoryStore
from newscrawl.archive.sql import SQLStore
from newscrawl.extract import EXTRACTOR_VERSION
from newscrawl.extract.assemble import build_article, published_date
from newscrawl.extract.chain import extract_article
from newscrawl.extract.learned import SiteFurniture, lowest_threshold
from newscrawl.fetch.charset import declared_encoding, true_encoding, utf8_page
from newscrawl.items import EXPORT_FIELDS
from newscrawl.raw.warc import read_response
from newscrawl.sites.spec import Site
from newscrawl.text.clean import clean_article
from newscrawl.text.keys import content_hash, headline_key
from newscrawl.text.language import detect_language

# Fields a re-extraction may change; the URL, site, story and crawl time stay.
COMPARED = [f for f in EXPORT_FIELDS if f not in ("url", "site", "story_id", "crawled_at")]


def decoded_page(url: str, headers: list[tuple[str, str]], body: bytes) -> tuple[str, bytes | None]:
    """The page's text as the crawl reads it: its declared encoding when that holds, else
    the one its bytes really are in (newscrawl.fetch.charset); and the text in UTF-8,
    stripped, when the body is that already (newscrawl.fetch.charset.utf8_page)."""
    values: dict[str, list[str]] = {}  # a header's values together: Headers takes them at once
    for name, value in headers:
        values.setdefault(name.lower(), []).append(value)
    response = HtmlResponse(url=url, headers=values, body=body)
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
    if "\ufffd" in response.text or not declared_encoding(content_type, body):
        encoding = true_encoding(content_type, body)
        if encoding:
            response = response.replace(encoding=encoding)
    return response.text, utf8_page(response.text, response.body, response.encoding)


def derive(site: Site, html: str, url: str, listing_time: datetime | None, crawled_at: datetime,
           page: bytes | None = None) -> dict:
    """The export fields of a page as the crawl would archive them now (before dedup).
    ``page``: as extract_article takes it."""
    zone = ZoneInfo(site.timezone)
    extraction = extract_article(html, site.layouts, site.site_names, crawled_at.astimezone(zone).replace(tzinfo=None),
                                 url, page=page)
    published, _ = published_date(extraction, listing_time, site.url_month(url))
    # A shallow copy: asdict copies every list again, and these are the article's own.
    article = dict(vars(build_article(extraction, url=url, site=site.name, section=site.section_of(url),
                                      published=published, zone=zone, default_language=site.language,
                                      crawled_at=crawled_at)))
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
    merged: int = 0  # rows now found to copy another row: aliases of it now
    split: int = 0  # aliases now found to be stories of their own: rows now
    restoried: int = 0  # rows now versions of another story (follow-ups found or undone)


def _stored(article: dict, key: str) -> dict:
    """What the store methods take for a re-derived article."""
    return dict(headline_key=key, content_hash=article["content_hash"],
                published_at=published_instant(article.get("published"), article.get("published_precision")),
                tokens=key_tokens(key))


def _fetched(record: str) -> tuple[str, int]:
    """When a page was fetched, as the order of its WARC record: file (named by the run's
    start, then its number), then offset."""
    name, offset = record.rsplit("#", 1)
    return name, int(offset)


def _read_page(warc_folder: Path, record: str, handles: dict) -> tuple[list, bytes] | None:
    name, offset = _fetched(record)
    path = name if os.path.isabs(name.split("!")[0]) else os.path.join(warc_folder, name)
    try:
        _, _, _, headers, body = read_response(path, offset, handles)
    except (OSError, StopIteration, ValueError):
        return None
    return headers, body


class _Evidence:
    """The site's furniture evidence (newscrawl.extract.learned), read once: re-extraction
    asks for it on every row and never adds to it. A paragraph seen on fewer stories than
    make any paragraph furniture counts as not seen: most of the site's are (about one in
    nine of the 10 000-article mirror's is seen on three), and they need not be read."""

    def __init__(self, store, site: str, min_stories: int):
        self.uses: dict[str, set[int]] = {}
        for paragraph, story_id in store.paragraph_uses(site, lowest_threshold(min_stories)):
            self.uses.setdefault(paragraph, set()).add(story_id)
        self.headlines = store.headline_keys_of(site)

    def paragraph_stories(self, site: str, keys: list[str], story_id: int | None) -> dict[str, int]:
        # The stories less this one, counted without copying a template line's thousands.
        counts = {key: len(self.uses[key]) - (story_id in self.uses[key]) for key in keys if key in self.uses}
        return {key: count for key, count in counts.items() if count}

    def headline_keys(self, site: str, keys: list[str]) -> set[str]:
        return self.headlines.intersection(keys)


def reextract(store: SQLStore, site: Site, warc_folder: Path, *, section: str | None = None,
              since: datetime | None = None, until: datetime | None = None, min_stories: int = 0,
              window: timedelta = timedelta(days=7)) -> Report:
    report = Report()
    furniture = SiteFurniture(_Evidence(store, site.name, min_stories), site.name, min_stories, site.site_names) \
        if min_stories > 0 else None
    scratch = MemoryStore()
    rows: dict[str, tuple[int, int]] = {}  # URL → (row id, story id), as the archive holds them

    def rederive(url: str, headers: list[tuple[str, str]], body: bytes, listing_time: str | None,
                 crawled_at: str) -> tuple[dict, str]:
        html, page = decoded_page(url, headers, body)
        article = derive(site, html, url, datetime.fromisoformat(listing_time) if listing_time else None,
                         datetime.fromisoformat(crawled_at), page)
        key = headline_key(article["headline"], site.site_names)
        if furniture is not None:
            # Counted over every story, the story's own included: what the crawl's pass
            # at its end (clean_archive) leaves in the archive.
            article["body"], _, _ = furniture.clean(article["body"], key)
            article["word_count"] = len(article["body"].split())
        # Now, while the body's paragraphs' matching forms are cached (newscrawl.text.keys):
        # the dedup decisions are taken again after every page is read.
        article["content_hash"] = content_hash(article["body"], already_clean=True)
        return article, key

    replay: list[tuple[tuple[str, int], dict, str, str]] = []  # (fetch order, article, key, seen at)
    aliases: dict[str, tuple[int, dict, str]] = {}  # URL → (row id it copies, re-derived article, key)
    handles: dict = {}  # the WARC files read, kept open: a few files hold every row's page
    try:
        for row in store.records(site.name, section=section, since=since, until=until):
            report.rows += 1
            rows[row["url"]] = (row["id"], row["story_id"])
            record = row["warc_record"]
            page = _read_page(warc_folder, record, handles) if record else None
            if page is None:
                report.without_page += 1
                article = {f: row[f] for f in EXPORT_FIELDS if f != "story_id"}
                replay.append((("", row["id"]), article, headline_key(article["headline"], site.site_names),
                               row["crawled_at"]))
                continue
            article, key = rederive(row["url"], *page, row["listing_time"], row["crawled_at"])
            replay.append((_fetched(record), article, key, row["crawled_at"]))
            changed = [f for f in COMPARED if (article.get(f) or None) != (row[f] or None)]
            if not changed and row["extractor_version"] == EXTRACTOR_VERSION:
                continue
            article.update(warc_record=record, listing_time=row["listing_time"], extractor_version=EXTRACTOR_VERSION)
            store.replace(row["id"], article, **_stored(article, key), seen_at=datetime.now(UTC), force=True)
            if changed:
                report.changed += 1
                report.fields.update(changed)

        # The kept pages of the rows' aliases, as the crawl met them.
        for alias in store.alias_pages([row_id for row_id, _ in rows.values()]):
            page = _read_page(warc_folder, alias["warc_record"], handles)
            if page is None:
                continue
            article, key = rederive(alias["url"], *page, alias["listing_time"], alias["first_seen"])
            article.update(warc_record=alias["warc_record"], listing_time=alias["listing_time"],
                           extractor_version=EXTRACTOR_VERSION)
            replay.append((_fetched(alias["warc_record"]), article, key, alias["first_seen"]))
            aliases[alias["url"]] = (alias["article_id"], article, key)
    finally:
        for handle in handles.values():
            handle.close()
    # The dedup decisions again, in the order the crawl fetched the pages (the order of
    # their records): a follow-up is one within the window of the copy the crawl had met.
    for _, article, key, seen in sorted(replay, key=lambda entry: entry[0]):
        archive_story(scratch, article, key, window, seen_at=datetime.fromisoformat(seen),
                      hashed=article.get("content_hash"))
    _reconcile(store, scratch, rows, aliases, report)
    return report


def _reconcile(store, scratch, rows: dict[str, tuple[int, int]], aliases: dict[str, tuple[int, dict, str]],
               report: Report) -> None:
    """Bring the archive to the rows, aliases and stories of the scratch archive."""
    new_rows, new_aliases = scratch.stories()
    ids = {url: row_id for url, (row_id, _) in rows.items()}
    old_story = {url: story for url, (_, story) in rows.items()}
    for url, (row_id, _, _) in aliases.items():
        old_story[url] = next((story for (rid, story) in rows.values() if rid == row_id), None)
    for url in new_rows:
        if url not in ids and url in aliases:  # an alias that is a story of its own now
            _, article, key = aliases[url]
            ids[url], _ = store.split(url, article, **_stored(article, key), seen_at=datetime.now(UTC))
            report.split += 1
    for url, (row_id, _) in rows.items():
        if url not in new_rows and url in new_aliases:  # a row that copies another now
            alias = new_aliases[url]
            store.merge(row_id, ids[alias[1]], alias[0])
            del ids[url]
            report.merged += 1
    for url, (target, _, _) in aliases.items():
        alias = new_aliases.get(url)
        if alias is not None and ids.get(alias[1], target) != target:
            store.point_alias(url, ids[alias[1]])
    # Stories: each keeps the story id most of its versions had, when no other story took it.
    stories: dict[int, list[str]] = {}
    for url, (_, story) in new_rows.items():
        stories.setdefault(story, []).append(url)
    taken: set[int] = set()
    current = {url: story for url, (_, story) in rows.items() if url in ids}
    for urls in sorted(stories.values(), key=lambda urls: min(ids[u] for u in urls)):
        votes = Counter(old_story[u] for u in urls if old_story.get(u) is not None)
        choices = [story for story, _ in sorted(votes.items(), key=lambda v: (-v[1], v[0]))]
        own = sorted(ids[u] for u in urls)
        story = next((s for s in [*choices, *own] if s not in taken), own[0])
        taken.add(story)
        for url in urls:
            if current.get(url) != story:
                store.set_story(ids[url], story)
                if url in current:
                    report.restoried += 1
