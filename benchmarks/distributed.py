"""Distributed mode: pages per second with 1 and with 2 worker processes on one Redis
job and one PostgreSQL archive, and the per-story cost of the PostgreSQL store next to
SQLite's.

    python benchmarks/distributed.py [--count 3000] [--delay 0] [--items 2000]
        [--postgres postgresql://newscrawl:newscrawl@127.0.0.1:5432/newscrawl]
        [--redis redis://127.0.0.1:6379/14] [--set NAME=VALUE ...]

Needs the servers of scripts/local-servers. Throughput: builds (once) a mirror of COUNT
articles, serves it on 127.0.0.1 (answering after DELAY seconds, to stand in for a real
site's latency), and crawls it into a new database, first with one worker, then with two
started together; pages/s = pages the server answered / wall time until the last worker
ended; worker CPU = the workers' CPU time (user + system) / pages. Store cost: ITEMS
stories (48 a day; headlines of 8 words from a vocabulary of 3000, so some share words, as
a day of news does), each decided and archived as ArchivePipeline does it — lock
section, URL lookup, candidate search, decision, insert — CPU and wall time per story.
``--set`` passes a Scrapy setting to every worker's crawl. (A "worker" here is one
crawler process of the distributed job.)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from common import REPO, mirror, serve  # noqa: E402
from throughput import SAME_NETWORK  # noqa: E402

from newscrawl.archive import open_store  # noqa: E402
from newscrawl.archive.archiving import archive_story  # noqa: E402
from newscrawl.text.keys import headline_key  # noqa: E402

WINDOW = timedelta(days=7)
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


@contextmanager
def new_database(admin_url: str):
    name = f"newscrawl_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield urlsplit(admin_url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def crawl(workers: int, url: str, postgres: str, redis_url: str, work: Path,
          access_log: Path, extra: tuple[str, ...] = ()) -> tuple[float, int, int, float]:
    """(wall seconds, pages answered, stories archived, the workers' CPU seconds) of
    WORKERS processes on one job."""
    access_log.write_text("")
    prefix = f"newscrawl-bench-{uuid.uuid4().hex[:10]}"  # a job of its own on a shared server
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "scrapy", "crawl", "elaph", "-a", f"base_url={url}", *SAME_NETWORK,
               "-s", f"NEWSCRAWL_ARCHIVE_URL={postgres}", "-s", f"NEWSCRAWL_REDIS_URL={redis_url}",
               "-s", f"SCHEDULER_QUEUE_KEY={prefix}:%(spider)s:requests",
               "-s", f"SCHEDULER_DUPEFILTER_KEY={prefix}:%(spider)s:dupefilter",
               *(arg for setting in extra for arg in ("-s", setting))]
    # Logs go to files: a worker blocked on a full stderr pipe would stop its heartbeat.
    logs = [Path(tempfile.mkdtemp(dir=work)) / "stderr.log" for _ in range(workers)]
    started = time.perf_counter()
    processes = [subprocess.Popen(command, cwd=log.parent, env=env, stdout=subprocess.DEVNULL,
                                  stderr=log.open("w")) for log in logs]
    cpu = 0.0
    for process, worker_log in zip(processes, logs, strict=True):
        _, status, usage = os.wait4(process.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"a worker failed ({status}):\n{worker_log.read_text()[-3000:]}")
    elapsed = time.perf_counter() - started
    store = open_store(postgres)
    archived = store.count()
    store.close()
    return elapsed, len(access_log.read_text().splitlines()), archived, cpu


def store_cost(store_url: str, items: int) -> tuple[list[float], list[float]]:
    store = open_store(store_url)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    # A day's headlines share some words, not most: 8 words each from a vocabulary of 3000.
    chance = random.Random(9)
    vocabulary = ["".join(chance.choices(LETTERS, k=chance.randint(3, 7))) for _ in range(3000)]
    cpu, wall = [], []
    for n in range(items):
        headline = " ".join(chance.choices(vocabulary, k=8))
        body = " ".join(chance.choices(vocabulary, k=300))
        published = start + timedelta(minutes=30 * n)
        story = {"url": f"https://x.test/{n}", "site": "x", "headline": headline, "body": body,
                 "published": published.isoformat(), "published_precision": "datetime"}
        key = headline_key(headline)
        began_cpu, began = time.process_time(), time.perf_counter()
        archive_story(store, story, key, WINDOW, seen_at=published)
        cpu.append(time.process_time() - began_cpu)
        wall.append(time.perf_counter() - began)
    store.close()
    return sorted(cpu), sorted(wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--postgres", default="postgresql://newscrawl:newscrawl@127.0.0.1:5432/newscrawl")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newscrawl-bench")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for every worker's crawl (repeatable)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"command: python benchmarks/distributed.py --count {args.count} --delay {args.delay:g} --items {args.items}"
          + "".join(f" --set '{setting}'" for setting in args.set))

    root = mirror(args.count, args.work)
    log = args.work / "access-distributed.log"
    server, url = serve(root, "--access-log", str(log), "--delay", str(args.delay))
    try:
        rates = {}
        for workers in (1, 2):
            with new_database(args.postgres) as database:
                elapsed, pages, archived, cpu = crawl(workers, url, database, args.redis, args.work, log,
                                                      tuple(args.set))
            rates[workers] = pages / elapsed
            print(f"{workers} worker{'s' if workers > 1 else ''}: {pages} pages, {archived} archived, "
                  f"{elapsed:.1f} s, {rates[workers]:.1f} pages/s, worker CPU {cpu / pages * 1000:.1f} ms a page")
        print(f"speed-up 2 workers / 1 worker: {rates[2] / rates[1]:.2f}")
    finally:
        server.terminate()
        server.wait()

    with tempfile.TemporaryDirectory() as tmp, new_database(args.postgres) as database:
        for name, store_url in (("SQLite", f"sqlite:///{tmp}/bench.sqlite3"), ("PostgreSQL", database)):
            cpu, wall = store_cost(store_url, args.items)
            print(f"store {name}: per story median {statistics.median(wall) * 1000:.2f} ms wall "
                  f"(p95 {wall[int(len(wall) * 0.95)] * 1000:.2f}), {statistics.median(cpu) * 1000:.2f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
