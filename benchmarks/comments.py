"""What finding reader comments costs a page, on pages whose comment markup varies.

    python benchmarks/comments.py [--seeds 1,2,3,4,5] [--count 130] [--work DIR]

Builds (once per seed) the mirror's articles in markup drawn from the seed
(`python -m newscrawl.mirror build --unseen-layout --markup-seed SEED`: comment threads
named, unnamed, in schema.org microdata or behind forms, nested to several levels, a
few to dozens of comments), parses each article page and times
newscrawl.extract.comments.comment_threads on it (time.process_time, three passes, the
fastest kept). Prints per seed the median, the 99th percentile and the largest time a
page, and the comment threads found. What is watched is the largest: comment finding
must not grow with the square of a thread's length (a page whose every comment names
itself a comment once took seconds).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newscrawl.extract.comments import comment_threads  # noqa: E402
from newscrawl.extract.queries import parse_html  # noqa: E402


def seeded_mirror(seed: int, count: int, work: Path) -> Path:
    out = work / f"mirror-{count}-markup-seed-{seed}"
    if not (out / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "newscrawl.mirror", "build", "--count", str(count), "--out", str(out),
                        "--unseen-layout", "--markup-seed", str(seed)], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    return out


def timed_pages(root: Path) -> tuple[list[float], int]:
    """(ms a page, threads found on all pages)."""
    articles = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["articles"]
    trees = [parse_html((root / "site" / a["path"].lstrip("/")).read_bytes()) for a in articles]
    times, found = [], 0
    for tree in trees:
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            threads = comment_threads(tree)
            best = min(best, time.process_time() - started)
        times.append(best * 1000)
        found += len(threads)
    return times, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--count", type=int, default=130)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newscrawl-bench"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"command: python benchmarks/comments.py --seeds {args.seeds} --count {args.count}")
    largest = 0.0
    for seed in (int(s) for s in args.seeds.split(",")):
        times, found = timed_pages(seeded_mirror(seed, args.count, args.work))
        ordered = sorted(times)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        largest = max(largest, ordered[-1])
        print(f"markup seed {seed}: {len(times)} pages, comment_threads median {statistics.median(times):.2f} ms, "
              f"p99 {p99:.2f} ms, largest {ordered[-1]:.2f} ms; {found} threads found")
    print(f"largest time a page over all seeds: {largest:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
