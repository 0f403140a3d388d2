"""Helpers the benchmark scripts share: build and serve a mirror of N articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def mirror(count: int, root: Path) -> Path:
    """A mirror of ``count`` articles under ``root`` (built once, then reused)."""
    out = root / f"mirror-{count}"
    if not (out / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "newscrawl.mirror", "build", "--count", str(count), "--out", str(out)],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    return out


def serve(root: Path, *options: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "newscrawl.mirror", "serve", "--port", "0", "--root", str(root),
                                *options], cwd=REPO, stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


def articles(root: Path) -> list[dict]:
    return json.loads((root / "manifest.json").read_text(encoding="utf-8"))["articles"]
