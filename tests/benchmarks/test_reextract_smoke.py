"""A small run of benchmarks/reextract.py: a crawl of a 30-article mirror, then `scrapy
reextract elaph` over its kept pages next to trafilatura.extract() on the same pages.
The speed figure is not checked here (BENCHMARKS.md); what is: both sides saw the same
pages, every archived row had its page, and an unchanged re-extraction changed nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "reextract.py"


def test_reextract_benchmark_runs_on_a_small_mirror(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--count", "30", "--rounds", "2", "--work", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert out.startswith("command: python benchmarks/reextract.py --count 30 --rounds 2")
    counts = r"(\d+) rows archived, (\d+) with a kept page, and (\d+) kept pages of their aliases: (\d+) pages"
    rows, with_page, aliases, pages = map(int, re.search(counts, out).groups())
    assert rows >= 30 and with_page == rows  # every story of the mirror, each with its page
    assert pages == with_page + aliases
    # The command re-extracted the rows whose pages trafilatura was timed on.
    assert f"the command said: re-extracted {with_page} of {rows} rows: 0 changed" in out
    assert "rows changed by re-extraction: 0 (each round: 0, 0)" in out
    rounds = re.findall(r"^round \d: scrapy reextract ([\d.]+) s .*trafilatura\.extract\(\) ([\d.]+) s.*ratio ([\d.]+)",
                        out, re.M)
    assert len(rounds) == 2 and all(float(ours) > 0 and float(theirs) > 0 for ours, theirs, _ in rounds)
    ratio = float(re.search(r"CPU ratio reextract / trafilatura\.extract\(\): ([\d.]+) ", out).group(1))
    assert ratio > 0 and "target at most 0.5: " in out
