"""`scrapy stats elaph --chart FILE.png` on a crawled mirror archive: a real PNG whose
numbers are the archive's, and one line for what cannot be written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pytest

from tests.conftest import read_only, scrapy_env

pytest.importorskip("matplotlib")
Image = pytest.importorskip("PIL.Image")  # matplotlib's own dependency


def stats(workdir, *args: str, env: dict | None = None, command: list[str] | None = None):
    command = command or [sys.executable, "-m", "scrapy", "stats", "elaph", *args]
    return subprocess.run(command, cwd=workdir, env=env or scrapy_env(), capture_output=True, text=True,
                          timeout=180)


def test_the_chart_is_a_png_of_the_archives_counts(mirror_crawl, tmp_path):
    target = tmp_path / "report" / "elaph.png"
    target.parent.mkdir()
    done = stats(mirror_crawl.workdir, "--months", "600", "--chart", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith(f"chart written to {target}")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(target) as image:
        image.verify()
    with Image.open(target) as image:  # verify() leaves the image unusable
        assert image.format == "PNG" and image.size == (1200, 800)
        data = json.loads(image.text["newscrawl-chart-data"])
    assert [p.name for p in target.parent.iterdir()] == ["elaph.png"]  # no temporary left beside it

    rows = mirror_crawl.rows()
    archived = Counter((row["section"], row["published"][:7]) for row in rows)
    plotted = Counter({(section, month): n for section, series in data["stories"].items()
                       for month, n in zip(data["months"], series, strict=True) if n})
    assert plotted == archived
    assert data["total"] == len(rows)
    assert data["coverage"]["headline"] == 1.0
    assert data["runs"][-1]["archived"] == len(rows) and data["runs"][-1]["exit_status"] == 0


def test_the_default_window_is_the_tables(mirror_crawl, tmp_path):
    done = stats(mirror_crawl.workdir, "--chart", str(tmp_path / "last.png"))
    assert done.returncode == 0, done.stderr
    with Image.open(tmp_path / "last.png") as image:
        data = json.loads(image.text["newscrawl-chart-data"])
    table_months = {line.split()[0] for line in done.stdout.splitlines() if re.match(r"\d{4}-\d{2} ", line)}
    assert len(table_months) == 12
    assert {m for i, m in enumerate(data["months"]) if any(s[i] for s in data["stories"].values())} == table_months


@pytest.mark.parametrize(("where", "message"), [
    ("missing/chart.png", "no folder {folder}"),
    ("locked/chart.png", "Permission denied"),
])
def test_a_chart_that_cannot_be_written_is_one_line(mirror_crawl, tmp_path, where, message):
    target = tmp_path / where
    command = [sys.executable, "-m", "scrapy", "stats", "elaph", "--chart", str(target)]
    if where.startswith("locked"):
        target.parent.mkdir()
        command = read_only(target.parent, command)
    done = stats(mirror_crawl.workdir, command=command)
    line, = done.stderr.strip().splitlines()
    wanted = message.format(folder=target.parent)
    assert done.returncode == 1 and line.startswith(f"scrapy stats: cannot write {target}: ")
    assert wanted in line or (where.startswith("locked") and "Read-only file system" in line), line
    assert done.stdout == "" and not target.exists()


def test_a_chart_needs_a_png_name_and_matplotlib(mirror_crawl, tmp_path):
    done = stats(mirror_crawl.workdir, "--chart", str(tmp_path / "chart.svg"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"scrapy stats: --chart {tmp_path / 'chart.svg'}: give a .png file"]
    # A Python where matplotlib cannot be imported: the optional extra is not installed.
    (tmp_path / "blocked").mkdir()
    (tmp_path / "blocked" / "matplotlib.py").write_text("raise ImportError('not installed')\n")
    env = scrapy_env()
    env["PYTHONPATH"] = f"{tmp_path / 'blocked'}:{env['PYTHONPATH']}"
    done = stats(mirror_crawl.workdir, "--chart", str(tmp_path / "chart.png"), env=env)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "scrapy stats: --chart needs matplotlib: pip install 'newscrawl[charts]' (or pip install matplotlib)"]
    plain = stats(mirror_crawl.workdir, env=env)  # the table needs no matplotlib
    assert plain.returncode == 0 and plain.stdout.startswith("elaph: ")
