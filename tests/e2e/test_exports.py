"""Exports as analysts use them: -o/-O as Scrapy users expect, every CSV alike, filters
that refuse typos, empty results that are still files pandas reads."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from tests.conftest import run_crawl, run_export


def test_a_lower_case_section_exports_and_a_misspelt_one_is_refused(mirror_crawl, tmp_path):
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "news.csv"), "--section", "news")
    assert done.returncode == 0, done.stderr
    rows = pd.read_csv(tmp_path / "news.csv", encoding="utf-8-sig")
    assert len(rows) and set(rows["section"]) == {"News"}
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "typo.csv"), "--section", "Nwes")
    assert done.returncode == 2
    line, = done.stderr.strip().splitlines()
    assert line.startswith("scrapy export: unknown section 'Nwes': one of ") and "News" in line and "Economics" in line
    assert not (tmp_path / "typo.csv").exists()
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "x.csv"), "--site", "elaf")
    assert done.returncode == 2 and "unknown site 'elaf': one of " in done.stderr


def test_since_after_until_is_refused(mirror_crawl, tmp_path):
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "x.csv"), "--since", "2024-02-01",
                      "--until", "2024-01-01")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["scrapy export: --since 2024-02-01 is after --until 2024-01-01"]


@pytest.mark.parametrize("name", ["empty.csv", "empty.json", "empty.jsonl"])
def test_an_export_that_matches_nothing_is_a_valid_empty_file(mirror_crawl, tmp_path, name):
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / name), "--since", "2090-01-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"exported 0 stories to {tmp_path / name}"
    if name.endswith(".csv"):
        frame = pd.read_csv(tmp_path / name, encoding="utf-8-sig")
        assert len(frame) == 0 and list(frame.columns)[:3] == ["url", "site", "section"]
    elif name.endswith(".jsonl"):
        assert (tmp_path / name).read_text() == ""
    else:
        assert (tmp_path / name).read_text().strip() in ("[]", "[\n]")


def test_dash_capital_o_always_replaces_its_file_and_writes_csv_like_every_other(served, tmp_path):
    mirror = served()
    target = tmp_path / "new.csv"
    first = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Sports", "-O", str(target))
    assert first.returncode == 0, first.stderr[-3000:]
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM every newscrawl CSV has
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and any("; " in r["tags"] for r in rows)  # lists joined as in the per-run CSV
    # Nothing new: -O still replaces the file, with a CSV holding only its header.
    again = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Sports", "-O", str(target))
    assert again.returncode == 0
    assert pd.read_csv(target, encoding="utf-8-sig").empty


def test_search_finds_stories_holding_every_word_as_a_reader_reads_them(mirror_crawl, mirror, tmp_path):
    from newscrawl.text.keys import search_terms

    # A mirror headline as a user might type it: no hamza, haa for taa marbuta, clitics kept.
    headline = next(a["headline"] for a in mirror.articles if "ة" in a["headline"] or "أ" in a["headline"])
    typed = headline.replace("ة", "ه").replace("أ", "ا").replace("إ", "ا")
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "found.jsonl"), "--query", typed)
    assert done.returncode == 0, done.stderr
    rows = [__import__("json").loads(line)
            for line in (tmp_path / "found.jsonl").read_text(encoding="utf-8").splitlines()]
    assert headline in [r["headline"] for r in rows]
    wanted = set(search_terms(typed))
    for row in rows:
        assert wanted <= set(search_terms(f"{row['headline']} {row['summary'] or ''} {row['body']}"))
    odd = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "odd.csv"), "--query", '"NEAR( * OR -')
    assert odd.returncode == 0 and "Traceback" not in odd.stderr


def test_stats_counts_stories_per_section_per_month_with_coverage_and_runs(mirror_crawl, mirror):
    import subprocess
    import sys

    from tests.conftest import scrapy_env

    done = subprocess.run([sys.executable, "-m", "scrapy", "stats", "elaph", "--months", "600"],
                          cwd=mirror_crawl.workdir, env=scrapy_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = mirror_crawl.rows()
    lines = done.stdout.splitlines()
    assert lines[0] == f"elaph: {len(rows)} stories"
    header = lines[2].split()
    assert header[0] == "month" and header[-1] == "all" and set(header[1:-1]) == {r["section"] for r in rows}
    months = [line.split() for line in lines[4:] if __import__("re").match(r"\d{4}-\d{2} ", line)]
    assert sum(int(cells[-1]) for cells in months) == len(rows)
    for row in rows[:20]:  # a story counts under its section and month
        cells = next(c for c in months if c[0] == row["published"][:7])
        assert int(cells[header.index(row["section"])]) >= 1
    assert any(line.startswith("headline") and line.split()[1] == str(len(rows)) for line in lines)
    assert "0  ok" in done.stdout.replace("   ", "  ")  # the crawl's own run, recorded in the archive
    typo = subprocess.run([sys.executable, "-m", "scrapy", "stats", "elaf"], cwd=mirror_crawl.workdir,
                          env=scrapy_env(), capture_output=True, text=True, timeout=120)
    assert typo.returncode == 2 and typo.stderr.strip().splitlines() == [
        "scrapy stats: no stories of 'elaf' in the archive: one of elaph"]
