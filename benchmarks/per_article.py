"""CPU time per article of newscrawl's own work, next to trafilatura's extract().

    python benchmarks/per_article.py [--pages 400] [--count 3000] [--real-weight] [--work DIR]

On PAGES article pages of a generated mirror of COUNT articles (the pages the throughput
crawl fetches; every n-th story, so both Elaph layouts in the mirror's proportions; each
a story of its own, in publication order), page by page: what the spider and the item
pipelines do with a page — extraction (site selectors → JSON-LD → meta → generic),
cleaning, language, then ArchivePipeline.process_item itself (the headline key, the
learned site furniture, the dedup decision and the archive write) on a fresh SQLite
archive, built and opened once as a crawl builds it, each story committed alone (a crawl
commits half a second's stories together) — and, right after it, trafilatura.extract() on the
same HTML, so both see the same state of the machine. Reports median and p95 CPU time
per page (time.process_time) and the ratio of the medians, then each stage's median and
its share of trafilatura's — parsing alone (a part of extraction, timed again on its own)
and the archive step show what any page costs before newscrawl's own text work. Then,
in a second pass that leaves those figures alone, SQLite's own share of the archive
step: the same stories archived again into a fresh archive with the statements logged,
each story's statements replayed at once, in one transaction, on a third archive with
none of newscrawl's Python around them (what no change short of fewer statements or
commits can save), next to trafilatura on the same page again; and the same statements
with one commit for 50 stories, as a crawl commits them.
``--real-weight`` puts the furniture of a real news page around every article
(benchmarks/common.py, weigh_down).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402
from common import articles, mirror  # noqa: E402
from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.settings import Settings  # noqa: E402

from newscrawl.archive import open_store  # noqa: E402
from newscrawl.extract.assemble import build_article, published_date  # noqa: E402
from newscrawl.extract.chain import extract_article  # noqa: E402
from newscrawl.extract.queries import parse_html  # noqa: E402
from newscrawl.pipelines import ArchivePipeline  # noqa: E402
from newscrawl.sites.elaph import SITE  # noqa: E402
from newscrawl.text.clean import clean_article  # noqa: E402
from newscrawl.text.language import detect_language  # noqa: E402

ORIGIN = "http://127.0.0.1"


def pages(root: Path, limit: int) -> list[tuple[str, str]]:
    """(URL, HTML) of ``limit`` article pages of the mirror at ``root``, spread evenly over
    its years (the first ones alone would all be in the 2018 layout)."""
    every = articles(root)
    chosen = every[::max(1, len(every) // limit)][:limit]
    return [(ORIGIN + a["path"], (root / "site" / a["path"].lstrip("/")).read_text(encoding="utf-8")) for a in chosen]


def extracted(url: str, html: str) -> dict:
    """The spider's part: the page's fields, as the item it yields."""
    extraction = extract_article(html, SITE.layouts, SITE.site_names, url=url, lines=True)
    published, _ = published_date(extraction, None, SITE.url_month(url))
    article = build_article(extraction, url=url, site=SITE.name, section=SITE.section_of(url),
                            published=published, zone=UTC, default_language=SITE.language)
    article.page_lines = extraction.lines
    return vars(article)


def cleaned(article: dict) -> dict:
    """CleanTextPipeline's part, and the language."""
    article.update(clean_article(article, SITE.furniture))
    article["language"] = detect_language(f"{article['headline']} {article['body']}")
    return article


class _Crawler:
    """What ArchivePipeline.from_crawler reads of a crawl of SITE: the project's settings
    with the archive at ``url``, the spider's site and parameters; stats that count
    nothing (the crawl's collector is not what is timed here)."""

    class _Stats:
        def inc_value(self, *args, **kwargs):
            pass

        set_value = inc_value

        def get_value(self, key, default=None):
            return default

        def get_stats(self):
            return {}

    class _Signals:
        def connect(self, *args, **kwargs):
            pass

    def __init__(self, url: str):
        self.settings = Settings()
        self.settings.setmodule("newscrawl.settings", priority="project")
        self.settings.set("NEWSCRAWL_ARCHIVE_URL", url, priority="cmdline")
        # Each story committed alone: no clock runs here to commit them together, as in a crawl.
        self.settings.set("NEWSCRAWL_ARCHIVE_COMMIT_SECONDS", 0, priority="cmdline")
        self.stats, self.signals = self._Stats(), self._Signals()
        self.spider = SimpleNamespace(site=SITE, params=SimpleNamespace(refresh=False))


def archive_pipeline(url: str) -> ArchivePipeline:
    """ArchivePipeline as a crawl builds it, with its one store (``.store``) at ``url``."""
    return ArchivePipeline.from_crawler(_Crawler(url))


def archived(pipeline: ArchivePipeline, article: dict) -> bool:
    """ArchivePipeline's part, its own process_item: the headline key, the learned site
    furniture, the dedup decision and the write. Whether the story was archived."""
    try:
        # A coroutine that, with commits not held, ends without waiting.
        pipeline.process_item(article).send(None)
    except StopIteration:
        return True
    except DropItem:
        return False
    raise RuntimeError("the archive pipeline waited for a commit")


class StatementLog:
    """Stands in for the archive's sqlite3 connection: runs every statement and keeps it,
    to be replayed without the code that made it."""

    def __init__(self, connection):
        self.connection, self.statements = connection, []

    def execute(self, sql, params=()):
        self.statements.append(("execute", sql, params))
        return self.connection.execute(sql, params)

    def executemany(self, sql, rows):
        rows = list(rows)
        self.statements.append(("executemany", sql, rows))
        return self.connection.executemany(sql, rows)

    @property
    def in_transaction(self):
        return self.connection.in_transaction

    def __enter__(self):
        return self.connection.__enter__()

    def __exit__(self, *failure):
        return self.connection.__exit__(*failure)

    def close(self):
        self.connection.close()


def replayed(statements: list[tuple[str, str, object]], replica) -> float:
    """CPU seconds of one story's statements run again, as one transaction, on the
    ``replica`` store (reads fetch their rows, as the store does)."""
    started = time.process_time()
    with replica.db:
        for method, sql, params in statements:
            getattr(replica.db, method)(sql, params).fetchall()
    return time.process_time() - started


def timed(function, *args) -> tuple[float, object]:
    started = time.process_time()
    result = function(*args)
    return time.process_time() - started, result


def newscrawl_once(url: str, html: str, pipeline: ArchivePipeline) -> tuple[dict[str, float], dict]:
    """CPU seconds of each stage of one page as `scrapy crawl elaph` handles it, and the
    story as it reached the archive step."""
    stages = {}
    stages["extraction"], article = timed(extracted, url, html)
    stages["cleaning and language"], article = timed(cleaned, article)
    story = dict(article)
    stages["dedup and archive write"], _ = timed(archived, pipeline, article)
    return stages, story


def sqlite_alone(stories: list[tuple[dict, str]], tmp: str) -> tuple[list[float], list[float], list[list]]:
    """CPU seconds of each story's SQL statements alone, and of trafilatura on its page
    right after: the (article, HTML) ``stories`` archived again, in order, into a fresh
    archive whose connection logs the statements, each story's then replayed on another.
    Also each story's statements."""
    pipeline, replica = archive_pipeline(f"sqlite:///{tmp}/logged.sqlite3"), open_store(f"sqlite:///{tmp}/replica.sqlite3")
    store = pipeline.store
    store.db = log = StatementLog(store.db)
    statements, theirs, logs = [], [], []
    for article, html in stories:
        logged = len(log.statements)
        archived(pipeline, dict(article))
        logs.append(log.statements[logged:])
        statements.append(replayed(logs[-1], replica))
        theirs.append(timed(trafilatura.extract, html)[0])
    replica.close()
    store.close()
    return statements, theirs, logs


def grouped(logs: list[list], replica, every: int) -> list[float]:
    """CPU seconds a story of the logged statements replayed with one commit for ``every``
    stories, as a crawl commits them (NEWSCRAWL_ARCHIVE_COMMIT_SECONDS), not one a story."""
    seconds = []
    for start in range(0, len(logs), every):
        group = logs[start:start + every]
        began = time.process_time()
        replica.db.execute("BEGIN IMMEDIATE")
        for story in group:
            for method, sql, params in story:
                if sql not in ("BEGIN IMMEDIATE", "COMMIT"):
                    getattr(replica.db, method)(sql, params).fetchall()
        replica.db.execute("COMMIT")
        seconds += [(time.process_time() - began) / len(group)] * len(group)
    return seconds


def median_ms(timings: list[float]) -> float:
    return statistics.median(timings) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--count", type=int, default=3000, help="articles in the generated mirror")
    parser.add_argument("--real-weight", action="store_true", help="article pages as heavy as real news pages")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newscrawl-bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = pages(mirror(args.count, args.work, real_weight=args.real_weight), args.pages)
    ours, theirs, stages = [], [], defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        pipeline, stories = archive_pipeline(f"sqlite:///{tmp}/bench.sqlite3"), []
        for url, html in corpus:
            page, article = newscrawl_once(url, html, pipeline)
            stories.append((article, html))
            for stage, seconds in page.items():
                stages[stage].append(seconds)
            ours.append(sum(page.values()))
            theirs.append(timed(trafilatura.extract, html)[0])
            stages["parsing alone (within extraction)"].append(timed(parse_html, html)[0])
        archived_count = pipeline.store.count()
        pipeline.store.close()
        statements, theirs_again, logs = sqlite_alone(stories, tmp)
        replica = open_store(f"sqlite:///{tmp}/grouped.sqlite3")
        in_groups = grouped(logs, replica, 50)
        replica.close()
    ours.sort()
    theirs.sort()
    print(f"command: python benchmarks/per_article.py --pages {args.pages} --count {args.count}"
          f"{' --real-weight' if args.real_weight else ''}")
    print(f"page weight: median {statistics.median(len(html.encode()) for _, html in corpus) / 1024:.0f} KB")
    print(f"{len(corpus)} article pages, {archived_count} archived (the rest are the mirror's duplicates)")
    for name, timings in (("newscrawl (extract+clean+dedup+archive)", ours), ("trafilatura.extract()", theirs)):
        print(f"{name}: median {median_ms(timings):.2f} ms, "
              f"p95 {timings[int(len(timings) * 0.95)] * 1000:.2f} ms")
    print(f"ratio of medians newscrawl / trafilatura: {statistics.median(ours) / statistics.median(theirs):.2f}")
    for stage, timings in stages.items():
        print(f"  {stage}: median {median_ms(timings):.2f} ms, {median_ms(timings) / median_ms(theirs):.2f} of "
              f"trafilatura's")
    print(f"  SQLite alone (the archive step's statements, replayed; second pass): median "
          f"{median_ms(statements):.2f} ms, {median_ms(statements) / median_ms(theirs_again):.2f} of trafilatura's "
          f"(median {median_ms(theirs_again):.2f} ms in that pass)")
    print(f"  SQLite alone, the same statements with a commit for 50 stories (as a crawl commits them): "
          f"median {median_ms(in_groups):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
