"""CPU time of `scrapy reextract elaph` over a crawl's kept pages, next to trafilatura.extract() alone on them.

    python benchmarks/reextract.py [--count 10000] [--rounds 3] [--work DIR]

Builds (once) a mirror of COUNT articles, serves it on 127.0.0.1 and crawls it once with
`scrapy crawl elaph -a base_url=…` (benchmarks/throughput.py's network settings; WARC
capture on, as by default) into a fresh data dir. Then, ROUNDS times in turn on a fresh
copy of that data dir each time:

- ``scrapy reextract elaph``, the real command in a subprocess: user + system CPU of the
  whole process, start-up and shutdown included, and of any child it waited for
  (os.wait4's rusage) — reading each row's record, decompressing, decoding, extracting,
  cleaning, learned furniture, comparing, taking the dedup decisions again in a scratch
  archive (with the kept pages of the rows' aliases), and writing what changed;
- ``trafilatura.extract(html)`` with its defaults (text output, comments and tables kept,
  fallback extractors on, neither favor_precision nor favor_recall) on the same pages:
  every page the command re-extracts (the rows', the aliases'), read from the same WARC
  records and decoded as the command decodes them (newscrawl.raw.reextract.decoded_page) beforehand, in this process;
  only the extract calls are timed (time.process_time), every other page before the
  command runs and the rest after it.

The figure judged against the target is the ratio of the two CPU totals over the same
pages, reextract / trafilatura: at most 0.5 (the project's issue). Each round's ratio is
printed; the headline is the median of the rounds' ratios. Also printed: ms of CPU a
page for both, the rows the command changed (0 on an unchanged re-extraction), and the
command's start-up alone (a run that selects no row), which is within its figure. The
crawl's data dir stays in WORK/reextract-mirror-COUNT/archive until the next run, to
profile the command on (py-spy record -- python -m scrapy reextract elaph, from a copy).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402
from common import REPO, mirror, serve  # noqa: E402
from throughput import SAME_NETWORK  # noqa: E402
from throughput import timed as timed_crawl  # noqa: E402

from newscrawl.archive import open_store  # noqa: E402
from newscrawl.raw.reextract import decoded_page  # noqa: E402
from newscrawl.raw.warc import read_response  # noqa: E402
from newscrawl.sites.elaph import SITE  # noqa: E402

# CPU of re-extracting the archive / CPU of trafilatura.extract() alone on its pages: at most this.
TARGET = 0.5


@dataclass
class Command:
    """One run of a command, from its start to its exit."""

    user_s: float  # the process's and its waited-for children's (wait4)
    system_s: float
    stdout: str

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.system_s


def command_cpu(command: list[str], cwd: Path, env: dict) -> Command:
    """One command, which must exit with status 0, with the CPU it and its children used."""
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=stderr)
        stdout = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.stdout.close()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            stderr.seek(0)
            raise SystemExit(f"{command[:5]} failed ({process.returncode}):\n{stderr.read()[-3000:].decode()}")
    return Command(user_s=usage.ru_utime, system_s=usage.ru_stime, stdout=stdout.decode())


def kept_pages(data: Path) -> tuple[list[str], int]:
    """The HTML of every page `scrapy reextract elaph` re-extracts in the data dir ``data``,
    in its order — each row's page, then the kept pages of the rows' aliases (copies the
    dedup found), each from its WARC record, decoded as the command decodes it — and how
    many of them are the aliases'."""
    store = open_store(f"sqlite:///{data / 'newscrawl.sqlite3'}", read_only=True)
    folder, pages, ids = data / SITE.name / "warc", [], []

    def page(url: str, record: str) -> str:
        name, offset = record.rsplit("#", 1)
        _, _, _, headers, body = read_response(str(folder / name), int(offset))
        return decoded_page(url, headers, body)[0]

    try:
        for row in store.records(SITE.name):
            ids.append(row["id"])
            if row["warc_record"]:
                pages.append(page(row["url"], row["warc_record"]))
        aliases = [page(alias["url"], alias["warc_record"]) for alias in store.alias_pages(ids)]
    finally:
        store.close()
    return pages + aliases, len(aliases)


def trafilatura_cpu(pages: list[str]) -> float:
    """CPU seconds of trafilatura.extract(), its default call, on every page; the calls alone."""
    total = 0.0
    for html in pages:
        started = time.process_time()
        trafilatura.extract(html)
        total += time.process_time() - started
    return total


def rows_changed(stdout: str) -> int:
    """The rows `scrapy reextract` says it changed ("re-extracted R of R rows: C changed …")."""
    return int(stdout.split(" rows: ", 1)[1].split(" changed", 1)[0])


def run(count: int, work: Path, rounds: int) -> dict:
    root = mirror(count, work)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(REPO)}
    crawl_dir = work / f"reextract-{root.name}"
    shutil.rmtree(crawl_dir, ignore_errors=True)
    crawl_dir.mkdir(parents=True)
    log = work / f"access-reextract-{root.name}.log"
    log.unlink(missing_ok=True)
    process, url = serve(root, "--access-log", str(log))
    try:
        crawl = timed_crawl([sys.executable, "-m", "scrapy", "crawl", "elaph", "-a", f"base_url={url}", *SAME_NETWORK],
                            crawl_dir, env, log)
    finally:
        process.terminate()
        process.wait()
    data = crawl_dir / "archive"
    db = sqlite3.connect(data / "newscrawl.sqlite3")
    archived = db.execute("SELECT count(*) FROM articles WHERE site = ?", (SITE.name,)).fetchone()[0]
    db.close()
    pages, alias_pages = kept_pages(data)
    warc_mb = sum(f.stat().st_size for f in (data / SITE.name / "warc").glob("*.warc.gz")) / 1024 / 1024
    reextract = [sys.executable, "-m", "scrapy", "reextract", "elaph"]
    ours: list[Command] = []
    theirs: list[float] = []
    startup = None
    for number in range(rounds):
        copy = crawl_dir / f"round-{number}"
        shutil.copytree(data, copy / "archive")
        # Half of trafilatura's pages before the command and half after, so that a change
        # in the machine's load during the round weighs on both sides alike.
        before = trafilatura_cpu(pages[::2])
        ours.append(command_cpu(reextract, copy, env))
        theirs.append(before + trafilatura_cpu(pages[1::2]))
        if startup is None:  # the same command selecting no row: start-up, the query, shutdown
            startup = command_cpu([*reextract, "--since", "2999-01-01"], copy, env)
        shutil.rmtree(copy)
    return {"count": count, "crawl_pages": crawl.pages, "crawl_cpu_ms": crawl.cpu_ms_a_page, "archived": archived,
            "pages": len(pages), "alias_pages": alias_pages, "warc_mb": warc_mb, "reextract": ours,
            "trafilatura": theirs, "startup": startup,
            "round_ratios": [o.cpu_s / t for o, t in zip(ours, theirs, strict=True)]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000, help="articles in the generated mirror")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each, in turn, each on a fresh copy")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newscrawl-bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = run(args.count, args.work, args.rounds)
    pages = result["pages"]
    print(f"command: python benchmarks/reextract.py --count {args.count} --rounds {args.rounds}")
    print(f"mirror articles {result['count']}; crawl: {result['crawl_pages']} pages fetched, "
          f"{result['crawl_cpu_ms']:.2f} ms of CPU a page; {result['archived']} rows archived, "
          f"{pages - result['alias_pages']} with a kept page, and {result['alias_pages']} kept pages of their aliases: "
          f"{pages} pages re-extracted (WARC {result['warc_mb']:.1f} MB)")
    for number, (ours, theirs) in enumerate(zip(result["reextract"], result["trafilatura"], strict=True), 1):
        print(f"round {number}: scrapy reextract {ours.cpu_s:.2f} s of CPU (user {ours.user_s:.2f}, system "
              f"{ours.system_s:.2f}), {ours.cpu_s / pages * 1000:.2f} ms a page; trafilatura.extract() "
              f"{theirs:.2f} s, {theirs / pages * 1000:.2f} ms a page; ratio {ours.cpu_s / theirs:.2f}; "
              f"rows changed {rows_changed(ours.stdout)}")
    ours_ms = statistics.median(o.cpu_s for o in result["reextract"]) / pages * 1000
    theirs_ms = statistics.median(result["trafilatura"]) / pages * 1000
    startup = result["startup"]
    print(f"scrapy reextract: median {ours_ms:.2f} ms of CPU a page, start-up included (start-up alone, a run "
          f"that selects no row: {startup.cpu_s:.2f} s); trafilatura.extract() (default call): median "
          f"{theirs_ms:.2f} ms a page")
    ratio = statistics.median(result["round_ratios"])
    print(f"CPU ratio reextract / trafilatura.extract(): {ratio:.2f} (median of {args.rounds} rounds' ratios: "
          + ", ".join(f"{r:.2f}" for r in result["round_ratios"])
          + f"); target at most {TARGET:g}: {'met' if ratio <= TARGET else 'NOT met'}")
    changed = [rows_changed(o.stdout) for o in result["reextract"]]
    print(f"rows changed by re-extraction: {max(changed)} (each round: {', '.join(map(str, changed))}); "
          f"the command said: {result['reextract'][0].stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
