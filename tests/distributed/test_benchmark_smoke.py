"""A small run of benchmarks/distributed.py, so it does not rot (figures not checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.distributed.conftest import POSTGRES_URL

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "distributed.py"


def test_distributed_benchmark_runs(postgres_url, shared_queue, tmp_path):
    command = [sys.executable, str(SCRIPT), "--count", "30", "--items", "40", "--postgres", POSTGRES_URL,
               "--redis", shared_queue.url, "--work", str(tmp_path), "--set", "NEWSCRAWL_WARC=False"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("command: python benchmarks/distributed.py")
    assert "--set 'NEWSCRAWL_WARC=False'" in done.stdout.splitlines()[0]
    assert "speed-up 2 workers / 1 worker:" in done.stdout and "store PostgreSQL: per story" in done.stdout
