"""Pages per second: `scrapy crawl elaph` against plain Scrapy fetching the same URLs.

    python benchmarks/throughput.py [--count 10000] [--rounds 3] [--real-weight] [--work DIR] [--set NAME=VALUE ...]

Builds (once) a mirror of COUNT articles, serves it on 127.0.0.1, runs newscrawl's full
crawl of it into a fresh archive (every page parsed, cleaned, deduplicated, archived and
exported), records every URL it fetched, then has a bare Scrapy spider fetch exactly
those URLs and do nothing. Both run with the same network settings (no AutoThrottle, no
delay, 16 concurrent requests) against the same server, in turn, ROUNDS times each; the
medians are compared, and each round's ratio is printed. Also reports CPU time (from
wait4 on the crawl process: its own and its story worker's, which is also shown alone)
and peak RSS (the crawl's processes added up, sampled from /proc), and the mirror
server's CPU a page during each crawl: it runs on the same two cores, where a real
site's server would not, and competes with newscrawl's two processes. ``--set``
passes a Scrapy setting to newscrawl's crawl only: ``--set FEEDS={} --set
ITEM_PIPELINES={}`` measures the spider without its pipelines and exports, to see what
each part costs. ``--real-weight`` serves article pages as heavy as real news pages
(benchmarks/common.py, weigh_down).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, TreeSampler, cpu_seconds, mirror, serve  # noqa: E402

SAME_NETWORK = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS=16",
                "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING", "-s", "TELNETCONSOLE_ENABLED=False"]


def timed(command: list[str], cwd: Path, env: dict,
          accept: tuple[int, ...] = (0,)) -> tuple[float, float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB, CPU seconds of its child processes) of
    one command that exits with a status in ``accept``; CPU and RSS include the children."""
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
    peak = max(sampler.peak_rss_mb, usage.ru_maxrss / 1024)
    return elapsed, usage.ru_utime + usage.ru_stime, peak, sum(sampler.child_cpu.values())


def run(count: int, work: Path, extra: tuple[str, ...] = (), rounds: int = 1, real_weight: bool = False) -> dict:
    """Both crawls, ``rounds`` times in turn (newscrawl, bare, newscrawl, bare, …): on a
    shared machine the two then see the same spells of slowness, and the medians of the
    rounds are compared."""
    root = mirror(count, work, real_weight=real_weight)
    log = work / f"access-{root.name}.log"
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(REPO)}
    bare_env = {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE", "PYTHONPATH")}
    urls = work / f"urls-{root.name}.txt"
    ours, theirs, archived = [], [], None
    server_cpu = {"newscrawl": [], "bare": []}
    log.unlink(missing_ok=True)
    process, url = serve(root, "--access-log", str(log))
    try:
        for _ in range(rounds):
            crawl_dir = Path(tempfile.mkdtemp(dir=work))
            server_before = cpu_seconds(process.pid)
            ours.append(timed(
                [sys.executable, "-m", "scrapy", "crawl", "elaph", "-a", f"base_url={url}", *SAME_NETWORK,
                 *(arg for setting in extra for arg in ("-s", setting))], crawl_dir, env,
                # Without its pipelines a run archives nothing and fails its own check (status 3).
                accept=(0, 3) if any(s.startswith("ITEM_PIPELINES=") for s in extra) else (0,)))
            server_cpu["newscrawl"].append(cpu_seconds(process.pid) - server_before)
            if archived is None:  # the first round's fetches are the yardstick's list
                summary = next((crawl_dir / "archive/elaph").glob("*.summary.json")).read_text(encoding="utf-8")
                archived = json.loads(summary)["articles"]["archived"]
                fetched = [url + path for path in log.read_text(encoding="utf-8").splitlines()]
                urls.write_text("\n".join(fetched), encoding="utf-8")
            server_before = cpu_seconds(process.pid)
            theirs.append(timed([sys.executable, "-m", "scrapy", "runspider", str(REPO / "benchmarks/bare_spider.py"),
                                 "-a", f"urls={urls}", "-s", "ROBOTSTXT_OBEY=False", *SAME_NETWORK], work, bare_env))
            server_cpu["bare"].append(cpu_seconds(process.pid) - server_before)
    finally:
        process.terminate()
        process.wait()
    pages = len(fetched)
    newscrawl_s, newscrawl_cpu = statistics.median(r[0] for r in ours), statistics.median(r[1] for r in ours)
    bare_s, bare_cpu = statistics.median(r[0] for r in theirs), statistics.median(r[1] for r in theirs)
    return {"count": count, "pages": pages, "archived": archived, "rounds": rounds,
            "newscrawl_s": newscrawl_s, "bare_s": bare_s, "newscrawl_pps": pages / newscrawl_s,
            "bare_pps": pages / bare_s, "ratio": bare_s / newscrawl_s,
            "round_ratios": [b[0] / n[0] for n, b in zip(ours, theirs)],
            "newscrawl_rss_mb": max(r[2] for r in ours), "bare_rss_mb": max(r[2] for r in theirs),
            "newscrawl_cpu_s": newscrawl_cpu, "bare_cpu_s": bare_cpu,
            "worker_cpu_s": statistics.median(r[3] for r in ours),
            **{f"{name}_server_cpu_s": statistics.median(seconds) for name, seconds in server_cpu.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newscrawl-bench")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for newscrawl's crawl (repeatable)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each crawl, in turn; medians are compared")
    parser.add_argument("--real-weight", action="store_true", help="article pages as heavy as real news pages")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = run(args.count, args.work, tuple(args.set), args.rounds, args.real_weight)
    print(f"command: python benchmarks/throughput.py --count {args.count} --rounds {args.rounds}"
          + (" --real-weight" if args.real_weight else "") + "".join(f" --set '{setting}'" for setting in args.set))
    print(f"mirror articles {result['count']}, pages fetched {result['pages']}, archived {result['archived']}")
    for name in ("newscrawl", "bare"):
        print(f"{name}: {result[name + '_pps']:.1f} pages/s ({result[name + '_s']:.1f} s wall, "
              f"{result[name + '_cpu_s']:.1f} s CPU, peak RSS {result[name + '_rss_mb']:.0f} MB)")
    for name in ("newscrawl", "bare"):
        print(f"{name}: {result[name + '_cpu_s'] / result['pages'] * 1000:.2f} ms of CPU a page")
    print(f"newscrawl's story worker: {result['worker_cpu_s'] / result['pages'] * 1000:.2f} ms of that, "
          f"the crawl's own process {(result['newscrawl_cpu_s'] - result['worker_cpu_s']) / result['pages'] * 1000:.2f}")
    print("the mirror server, during each crawl: " + ", ".join(
        f"{name} {result[name + '_server_cpu_s'] / result['pages'] * 1000:.2f} ms of CPU a page"
        for name in ("newscrawl", "bare")))
    print(f"ratio newscrawl / bare: {result['ratio']:.2f} (medians of {args.rounds} rounds; each round: "
          + ", ".join(f"{r:.2f}" for r in result["round_ratios"]) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
