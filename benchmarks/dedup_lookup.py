"""Dedup lookup cost against archives of 1 thousand, 100 thousand and 1 million stories.

    python benchmarks/dedup_lookup.py [--sizes 1000,100000,1000000] [--probes 2000]

Each archive is filled with synthetic stories at a fixed rate of 50 per day, so a larger
archive covers a longer span, as a real one does. Then, for stories published at the
archive's newest end, it times what ArchivePipeline does per item before writing: the
URL lookup, the candidate query (same headline key, or enough shared headline tokens —
dedup.min_shared_tokens — within the window) and the policy decision; half the probes
retell a recent story (a copy or a follow-up), so the decision reads bodies. Prints median
and p95 per lookup, the mean number of candidates the archive returns (only those with
the same key or a follow-up headline have their bodies read), and the ratio of the
largest archive's median to the smallest's.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newscrawl.archive import open_store  # noqa: E402
from newscrawl.archive.dedup import StoryRef, compared, decide, key_tokens, min_shared_tokens, search_span  # noqa: E402
from newscrawl.text.keys import headline_key  # noqa: E402

PER_DAY = 50
WINDOW = timedelta(days=7)
START = datetime(2000, 1, 1, tzinfo=UTC)


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    return list({"".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(size)})


def synthetic(rng, words, n):
    headline = " ".join(rng.choice(words) for _ in range(8))
    when = START + timedelta(seconds=n * 86400 / PER_DAY)
    body = " ".join(rng.choice(words) for _ in range(60))
    return headline, body, when


def fill(store, size: int, rng, words) -> None:
    for n in range(size):
        headline, body, when = synthetic(rng, words, n)
        key = headline_key(headline)
        store.add({"url": f"https://x.test/{n}", "site": "x", "headline": headline, "body": body,
                   "published": when.isoformat(), "published_precision": "datetime", "crawled_at": when.isoformat(),
                   "body_source": "site", "word_count": 60},
                  headline_key=key, content_hash=str(n), published_at=when, tokens=key_tokens(key),
                  story_id=None, seen_at=when)


def probe(store, size: int, rng, words, probes: int) -> tuple[list[float], float, Counter]:
    """Lookup times, and the mean number of candidates the archive held for a probe.
    Half the probes are new stories; the other half retell one of the last three days'
    stories, as a site's repeats do: its copy under another URL, or a follow-up with one
    headline word changed and a text of its own."""
    timings, found, verdicts = [], 0, Counter()
    for i in range(probes):
        headline, body, _ = synthetic(rng, words, size)
        when = START + timedelta(seconds=(size - rng.randint(0, PER_DAY * 3)) * 86400 / PER_DAY)
        key = headline_key(headline)
        if i % 2:
            told = store.by_url(f"https://x.test/{size - 1 - rng.randrange(min(size, PER_DAY * 3))}")
            when = told.published_at + timedelta(hours=rng.randint(1, 12))
            if i % 4 == 1:
                key, body = told.headline_key, told.body
            else:
                tokens = told.headline_key.split()
                tokens[rng.randrange(len(tokens))] = headline_key(rng.choice(words))
                key = " ".join(tokens)
        incoming = StoryRef(url=f"https://x.test/new/{i}", headline_key=key, body=body, published_at=when,
                            precision="datetime")
        tokens = key_tokens(key)
        started = time.perf_counter()
        decision = decide(incoming, store.by_url(incoming.url),
               store.candidates("x", key, tokens, search_span(incoming, WINDOW), compared=compared(incoming, WINDOW),
                                min_shared=min_shared_tokens(tokens)), WINDOW)
        timings.append(time.perf_counter() - started)
        verdicts[decision.verdict] += 1
        found += len(store.candidates("x", key, tokens, search_span(incoming, WINDOW),
                                      min_shared=min_shared_tokens(tokens)))
    return timings, found / probes, verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--probes", type=int, default=2000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(7)
    words = vocabulary(rng)
    print(f"command: python benchmarks/dedup_lookup.py --sizes {args.sizes} --probes {args.probes}")
    print(f"{'stories':>10} {'fill s':>8} {'median ms':>10} {'p95 ms':>8} {'candidates':>10}  decisions")
    medians = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            store = open_store(f"sqlite:///{tmp}/bench-{size}.sqlite3")
            started = time.perf_counter()
            fill(store, size, random.Random(size), words)
            filled = time.perf_counter() - started
            timings, candidates, verdicts = probe(store, size, random.Random(1), words, args.probes)
            timings.sort()
            medians[size] = statistics.median(timings)
            p95 = timings[int(len(timings) * 0.95)]
            print(f"{size:>10} {filled:>8.1f} {medians[size] * 1000:>10.3f} {p95 * 1000:>8.3f} {candidates:>10.1f}  "
                  + ", ".join(f"{verdict} {n}" for verdict, n in sorted(verdicts.items())), flush=True)
            store.close()
    print(f"ratio largest/smallest median: {medians[sizes[-1]] / medians[sizes[0]]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
