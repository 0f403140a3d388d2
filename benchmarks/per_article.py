"""CPU time per article of newscrawl's own work, next to trafilatura's extract().

    python benchmarks/per_article.py [--pages 400]

On saved pages of the offline mirror (both Elaph layouts), for each page: extraction
(site selectors → JSON-LD → meta → generic), cleaning, language, validation, the dedup
decision and the archive write, all as the pipelines run them; and, right after it,
trafilatura.extract() on the same HTML. Reports median and p95 CPU time per page
(time.process_time) and the ratio of the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from newscrawl.archive import open_store  # noqa: E402
from newscrawl.assemble import build_article, published_date  # noqa: E402
from newscrawl.dedup import StoryRef, compared, decide, key_tokens, published_instant, search_span  # noqa: E402
from newscrawl.extract.chain import extract_article  # noqa: E402
from newscrawl.mirror import MIRROR_DIR  # noqa: E402
from newscrawl.sites import elaph  # noqa: E402
from newscrawl.text.clean import clean_body, clean_list  # noqa: E402
from newscrawl.text.keys import content_hash, headline_key  # noqa: E402
from newscrawl.text.language import detect_language  # noqa: E402
from newscrawl.text.unicode import clean_inline  # noqa: E402

WINDOW = timedelta(days=7)


def pages(limit: int) -> list[tuple[str, str]]:
    files = sorted((MIRROR_DIR / "site" / "Web").rglob("*.html"))
    files = [f for f in files if f.parent.name.isdigit()]
    chosen = (files * (limit // len(files) + 1))[:limit]
    return [("http://127.0.0.1/" + str(f.relative_to(MIRROR_DIR / "site")), f.read_text(encoding="utf-8"))
            for f in chosen]


def newscrawl_once(url: str, html: str, store, index: int) -> None:
    url = f"{url}?copy={index}"  # each page archived as a new story
    extraction = extract_article(html, elaph.LAYOUTS, elaph.SITE_NAMES, url=url)
    published, _ = published_date(extraction, None, elaph.url_month(url.split("?")[0]))
    article = build_article(extraction, url=url, site="elaph", section=elaph.section_of(url.split("?")[0]),
                            published=published, zone=timezone.utc, default_language="ar")
    article.headline = clean_inline(article.headline) + f" {index}"
    article.dateline, paragraphs = clean_body(article.body, elaph.FURNITURE)
    article.body = "\n\n".join(paragraphs)
    article.authors, article.tags = clean_list(article.authors), clean_list(article.tags)
    article.language = detect_language(article.headline + " " + article.body)
    # Not newscrawl.archiving.archive_story: the copies of a page would mostly be judged
    # duplicates and skip the insert; here every page pays for the decision and the insert.
    key = headline_key(article.headline, elaph.SITE_NAMES)
    incoming = StoryRef(url, key, article.body, published_instant(article.published, article.published_precision),
                        article.published_precision)
    decide(incoming, store.by_url(url), store.candidates("elaph", key, key_tokens(key), search_span(incoming, WINDOW),
                                                         compared=compared(incoming, WINDOW)), WINDOW)
    store.add(vars(article), headline_key=key, content_hash=content_hash(article.body, True),
              published_at=incoming.published_at, tokens=key_tokens(key), story_id=None,
              seen_at=datetime.now(timezone.utc))


def cpu_time(function, *args) -> float:
    started = time.process_time()
    function(*args)
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()
    corpus = pages(args.pages)
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/bench.sqlite3")
        # Page by page, one after the other: both see the same state of a shared machine.
        for index, (url, html) in enumerate(corpus):
            ours.append(cpu_time(newscrawl_once, url, html, store, index))
            theirs.append(cpu_time(trafilatura.extract, html))
        store.close()
    ours.sort()
    theirs.sort()
    print(f"command: python benchmarks/per_article.py --pages {args.pages}")
    for name, timings in (("newscrawl (extract+clean+dedup+archive)", ours), ("trafilatura.extract()", theirs)):
        print(f"{name}: median {statistics.median(timings) * 1000:.2f} ms, "
              f"p95 {timings[int(len(timings) * 0.95)] * 1000:.2f} ms")
    print(f"ratio of medians newscrawl / trafilatura: {statistics.median(ours) / statistics.median(theirs):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
