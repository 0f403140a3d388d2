"""Small runs of every benchmark script, so they do not rot. Figures are not checked
here — speed and memory targets live in BENCHMARKS.md, measured by the full scripts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"


@pytest.mark.parametrize("script, args, expected", [
    ("dedup_lookup.py", ["--sizes", "100,300", "--probes", "30"], "ratio largest/smallest median"),
    ("per_article.py", ["--pages", "20", "--count", "40"], "ratio of medians newscrawl / trafilatura"),
    ("per_article.py", ["--pages", "20", "--count", "40", "--real-weight"], "ratio of medians newscrawl / trafilatura"),
    ("throughput.py", ["--count", "40", "--rounds", "2", "--set", "FEEDS={}"], "CPU ratio newscrawl / bare"),
    ("memory.py", ["--counts", "30,45"], "growth 30 → 45"),
    ("warc_gzip.py", ["--pages", str(Path(__file__).parents[1] / "realpages"), "--repeat", "1"], "zlib-ng  level 6"),
    ("comments.py", ["--seeds", "3", "--count", "12"], "largest time a page over all seeds"),
])
def test_benchmark_runs(tmp_path, script, args, expected):
    if script in ("throughput.py", "memory.py", "per_article.py", "comments.py"):
        args = [*args, "--work", str(tmp_path)]
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith(f"command: python benchmarks/{script}")
    assert expected in done.stdout


def test_real_weight_pages_are_crawled_and_archived_alike(tmp_path):
    """The furniture benchmarks put around real-weight articles adds no page to fetch and no story."""
    def crawl(*extra: str) -> str:
        done = subprocess.run([sys.executable, str(BENCHMARKS / "throughput.py"), "--count", "40", "--rounds", "1",
                               "--work", str(tmp_path), *extra], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        return next(line for line in done.stdout.splitlines() if line.startswith("mirror articles"))

    light, heavy = crawl(), crawl("--real-weight")
    assert light == heavy
    assert int(light.rsplit(" ", 1)[1]) >= 40  # every one of the mirror's 40 articles, at least
