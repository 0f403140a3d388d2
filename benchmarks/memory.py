"""Peak RSS of a full `scrapy crawl elaph` at 10 000 and at 50 000 articles.

    python benchmarks/memory.py [--counts 10000,50000]

Each count gets its own mirror (built once), its own fresh archive, and the same network
settings as benchmarks/throughput.py (newscrawl's crawl only, one round); peak RSS is the
crawl's processes added up (the crawl is one process), sampled from /proc every 0.2 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="10000,50000")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newscrawl-bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"command: python benchmarks/memory.py --counts {args.counts}")
    peaks = {}
    for count in (int(c) for c in args.counts.split(",")):
        result = run(count, args.work, yardstick=False)
        peaks[count] = result["newscrawl_rss_mb"]
        print(f"{count} articles: {result['pages']} pages, {result['archived']} archived, peak RSS "
              f"{peaks[count]:.0f} MB; {result['newscrawl_cpu_ms']:.2f} ms of CPU a page, "
              f"{result['newscrawl_pps']:.1f} pages/s", flush=True)
    counts = sorted(peaks)
    print(f"growth {counts[0]} → {counts[-1]}: {peaks[counts[-1]] - peaks[counts[0]]:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
