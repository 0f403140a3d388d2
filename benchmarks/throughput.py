"""CPU time a page: `scrapy crawl elaph` against a bare Scrapy spider fetching the same URLs.

    python benchmarks/throughput.py [--count 10000] [--rounds 3] [--real-weight] [--work DIR]
        [--set NAME=VALUE ...] [--bare-set NAME=VALUE ...]

Builds (once) a mirror of COUNT articles, serves it on 127.0.0.1, runs newscrawl's full
crawl of it into a fresh archive (every page parsed, cleaned, deduplicated, archived and
exported), records every URL it fetched, then has a bare Scrapy spider
(benchmarks/bare_spider.py) fetch exactly those URLs and do nothing with them. Both run
with the same network settings (no AutoThrottle, no delay, 16 concurrent requests)
against the same server, in turn (newscrawl, bare, newscrawl, bare, …), ROUNDS times
each, so that both see the same spells of a shared machine.

The figure judged against the target is CPU time a page: user + system CPU seconds of
the whole crawl process, start-up and shutdown included, and of any child it waited
for (os.wait4's rusage), divided by the pages the server answered during that crawl
(its access log). Each round's ratio newscrawl / bare is printed; the headline is the
median of the rounds' ratios, against the target: at most 2.5 on the mirror's own
pages, at most 3 with ``--real-weight``, which serves article pages as heavy as real
news pages (benchmarks/common.py, weigh_down). Wall-clock pages/s and peak RSS (the
crawl's processes added up, sampled from /proc) are printed as secondary figures: an
unthrottled loopback crawl's pages/s is no longer a target (real crawls are paced by
politeness), and on this benchmark the mirror server shares the machine's cores.

``--set`` passes a Scrapy setting to newscrawl's crawl only: ``--set FEEDS={} --set
ITEM_PIPELINES={}`` measures the spider without its pipelines and exports, to see what
each part costs. ``--bare-set`` passes one to the bare spider's only: the yardstick runs
with Scrapy's defaults, and ``--bare-set CONCURRENT_ITEMS=8`` gives it the one
non-network setting of newscrawl's that changes Scrapy's own cost a page (Scrapy starts
CONCURRENT_ITEMS tasks for every callback's output, 100 by default).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, TreeSampler, mirror, serve  # noqa: E402

SAME_NETWORK = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS=16",
                "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING",
                "-s", "TELNETCONSOLE_ENABLED=False"]

# CPU a page, newscrawl / bare Scrapy: at most this much (the project's issue).
TARGETS = {False: 2.5, True: 3.0}


@dataclass
class Crawl:
    """One crawl process, from its start to its exit."""

    wall_s: float
    user_s: float  # the process's and its waited-for children's (wait4)
    system_s: float
    peak_rss_mb: float
    pages: int  # requests the mirror server answered during the crawl

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.system_s

    @property
    def cpu_ms_a_page(self) -> float:
        return self.cpu_s / self.pages * 1000

    @property
    def pages_a_second(self) -> float:
        return self.pages / self.wall_s


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def timed(command: list[str], cwd: Path, env: dict, access_log: Path, accept: tuple[int, ...] = (0,)) -> Crawl:
    """One command, which must exit with a status in ``accept``, measured as a Crawl."""
    answered = lines(access_log)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeSampler(process.pid)
    sampler.start()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in accept:
        raise SystemExit(f"{command[:5]} failed ({process.returncode}):\n{stderr[-3000:].decode()}")
    return Crawl(wall_s=elapsed, user_s=usage.ru_utime, system_s=usage.ru_stime,
                 peak_rss_mb=max(sampler.peak_rss_mb, usage.ru_maxrss / 1024), pages=lines(access_log) - answered)


def run(count: int, work: Path, extra: tuple[str, ...] = (), rounds: int = 1, real_weight: bool = False,
        yardstick: bool = True, bare_extra: tuple[str, ...] = ()) -> dict:
    """Both crawls, ``rounds`` times in turn (newscrawl, bare, newscrawl, bare, …); without
    ``yardstick`` newscrawl's alone."""
    root = mirror(count, work, real_weight=real_weight)
    log = work / f"access-{root.name}.log"
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(REPO)}
    bare_env = {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE", "PYTHONPATH")}
    urls = work / f"urls-{root.name}.txt"
    ours: list[Crawl] = []
    theirs: list[Crawl] = []
    archived = None
    log.unlink(missing_ok=True)
    process, url = serve(root, "--access-log", str(log))
    try:
        for _ in range(rounds):
            crawl_dir = Path(tempfile.mkdtemp(dir=work))
            logged = lines(log)
            ours.append(timed(
                [sys.executable, "-m", "scrapy", "crawl", "elaph", "-a", f"base_url={url}", *SAME_NETWORK,
                 *(arg for setting in extra for arg in ("-s", setting))], crawl_dir, env, log,
                # Without its pipelines a run archives nothing and fails its own check (status 3).
                accept=(0, 3) if any(s.startswith("ITEM_PIPELINES=") for s in extra) else (0,)))
            if archived is None:  # the first round's fetches are the yardstick's list
                summary = next((crawl_dir / "archive/elaph").glob("*.summary.json")).read_text(encoding="utf-8")
                archived = json.loads(summary)["articles"]["archived"]
                fetched = [url + path for path in log.read_text(encoding="utf-8").splitlines()[logged:]]
                urls.write_text("\n".join(fetched), encoding="utf-8")
            shutil.rmtree(crawl_dir)  # its archive, exports and WARC files: hundreds of MB a round
            if yardstick:
                theirs.append(timed([sys.executable, "-m", "scrapy", "runspider",
                                     str(REPO / "benchmarks/bare_spider.py"), "-a", f"urls={urls}",
                                     "-s", "ROBOTSTXT_OBEY=False", *SAME_NETWORK,
                                     *(arg for setting in bare_extra for arg in ("-s", setting))],
                                    work, bare_env, log))
    finally:
        process.terminate()
        process.wait()
    result = {"count": count, "pages": len(fetched), "archived": archived, "rounds": rounds,
              "real_weight": real_weight, "target": TARGETS[real_weight], "newscrawl": ours, "bare": theirs}
    for name, crawls in (("newscrawl", ours), ("bare", theirs)):
        if crawls:
            result[f"{name}_cpu_ms"] = statistics.median(c.cpu_ms_a_page for c in crawls)
            result[f"{name}_user_ms"] = statistics.median(c.user_s / c.pages * 1000 for c in crawls)
            result[f"{name}_system_ms"] = statistics.median(c.system_s / c.pages * 1000 for c in crawls)
            result[f"{name}_pps"] = statistics.median(c.pages_a_second for c in crawls)
            result[f"{name}_rss_mb"] = max(c.peak_rss_mb for c in crawls)
    if theirs:
        result["round_ratios"] = [n.cpu_ms_a_page / b.cpu_ms_a_page for n, b in zip(ours, theirs, strict=True)]
        result["ratio"] = statistics.median(result["round_ratios"])
        result["wall_ratio"] = result["newscrawl_pps"] / result["bare_pps"]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newscrawl-bench")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for newscrawl's crawl (repeatable)")
    parser.add_argument("--bare-set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for the bare spider's crawl (repeatable)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each crawl, in turn")
    parser.add_argument("--real-weight", action="store_true", help="article pages as heavy as real news pages")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = run(args.count, args.work, tuple(args.set), args.rounds, args.real_weight,
                 bare_extra=tuple(args.bare_set))
    print(f"command: python benchmarks/throughput.py --count {args.count} --rounds {args.rounds}"
          + (" --real-weight" if args.real_weight else "") + "".join(f" --set '{setting}'" for setting in args.set)
          + "".join(f" --bare-set '{setting}'" for setting in args.bare_set))
    print(f"mirror articles {result['count']}, pages fetched {result['pages']}, archived {result['archived']}")
    for n, (ours, theirs) in enumerate(zip(result["newscrawl"], result["bare"], strict=False), 1):
        print(f"round {n}: CPU a page newscrawl {ours.cpu_ms_a_page:.2f} ms ({ours.cpu_s:.1f} s / {ours.pages} pages), "
              f"bare {theirs.cpu_ms_a_page:.2f} ms ({theirs.cpu_s:.1f} s / {theirs.pages} pages), "
              f"ratio {ours.cpu_ms_a_page / theirs.cpu_ms_a_page:.2f}")
    for name in ("newscrawl", "bare"):
        print(f"{name}: median {result[name + '_cpu_ms']:.2f} ms of CPU a page (user {result[name + '_user_ms']:.2f}, "
              f"system {result[name + '_system_ms']:.2f})")
    met = "met" if result["ratio"] <= result["target"] else "NOT met"
    print(f"CPU ratio newscrawl / bare: {result['ratio']:.2f} (median of {args.rounds} rounds' ratios: "
          + ", ".join(f"{r:.2f}" for r in result["round_ratios"])
          + f"; ratio of the medians {result['newscrawl_cpu_ms'] / result['bare_cpu_ms']:.2f}); "
          f"target at most {result['target']:g}: {met}")
    print(f"secondary, wall clock (medians): newscrawl {result['newscrawl_pps']:.1f} pages/s, "
          f"bare {result['bare_pps']:.1f} pages/s, newscrawl / bare {result['wall_ratio']:.2f}; "
          f"peak RSS newscrawl {result['newscrawl_rss_mb']:.0f} MB, bare {result['bare_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
