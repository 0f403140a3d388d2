"""What gzip costs a WARC record: zlib against zlib-ng, at several levels, on real pages.

    python benchmarks/warc_gzip.py [--pages ../shared] [--repeat 3]

Compresses each real page under --pages (every *.html and *.html.gz; ../shared holds the
136 of realpages-world and realpages) as one gzip member, as newscrawl.raw.warc writes a
response record's payload, and prints the CPU time a page and the compressed size as a
share of the page's.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
import zlib
from pathlib import Path

from zlib_ng import zlib_ng

REPO = Path(__file__).resolve().parent.parent


def pages(folder: Path) -> list[bytes]:
    return [gzip.decompress(p.read_bytes()) for p in sorted(folder.rglob("*.html.gz"))] + \
        [p.read_bytes() for p in sorted(folder.rglob("*.html"))]


def measure(module, level: int, data: list[bytes], repeat: int) -> tuple[float, float]:
    """(CPU ms a page, compressed bytes / page bytes)."""
    started, written = time.process_time(), 0
    for _ in range(repeat):
        for page in data:
            compressor = module.compressobj(level, module.DEFLATED, module.MAX_WBITS + 16)
            written += len(compressor.compress(page) + compressor.flush())
    elapsed = time.process_time() - started
    return elapsed / repeat / len(data) * 1000, written / repeat / sum(map(len, data))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = pages(args.pages)
    if not data:
        print(f"no pages under {args.pages}", file=sys.stderr)
        return 2
    default = args.pages == REPO.parent / "shared"
    print(f"command: python benchmarks/warc_gzip.py --repeat {args.repeat}"
          + ("" if default else f" --pages {args.pages}"))
    print(f"{len(data)} real pages, {sum(map(len, data)) / len(data) / 1024:.0f} KB on average")
    for name, module, levels in (("zlib", zlib, (4, 6, 9)), ("zlib-ng", zlib_ng, (4, 6, 7, 9))):
        for level in levels:
            ms, share = measure(module, level, data, args.repeat)
            print(f"{name:8} level {level}: {ms:.2f} ms a page, {100 * share:.2f} % of the page's size")
    return 0


if __name__ == "__main__":
    sys.exit(main())
