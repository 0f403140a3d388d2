"""Excel workbooks from the real commands on the mirror — `scrapy export -o FILE.xlsx` and
`scrapy crawl elaph -O/-o FILE.xlsx` — read back by openpyxl (cell types) and by
LibreOffice (what an analyst sees), and compared with the rows the archive exported."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from newscrawl.items import EXPORT_FIELDS
from tests.conftest import missing, run_crawl, run_export, serve

FORMULA = '=HYPERLINK("https://evil.example/","{}")'


def sheet_rows(path: Path) -> list[dict]:
    """The workbook's rows as {column: openpyxl cell}, after checking the header is the CSV's."""
    with path.open("rb") as handle:  # a handle: openpyxl refuses names not ending in .xlsx
        sheet = load_workbook(handle).active
    header, *rows = sheet.iter_rows()
    assert [c.value for c in header] == EXPORT_FIELDS
    return [dict(zip(EXPORT_FIELDS, row, strict=True)) for row in rows]


def as_shown(iso: str) -> str:
    """How a date-time cell shows an archived ISO time: in UTC, in the sheet's number format."""
    return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def libreoffice_rows(workbook: Path, folder: Path) -> list[dict]:
    """``workbook`` opened by LibreOffice Calc and saved as UTF-8 CSV, cells as shown. A
    profile and HOME of its own: soffice then runs as root and beside other soffice runs."""
    soffice = shutil.which("soffice")
    if soffice is None:
        missing("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc (as .ci/run does)")
    profile = folder / "libreoffice"
    done = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(folder), str(workbook)],
                          env={**os.environ, "HOME": str(profile)}, capture_output=True, text=True, timeout=300)
    converted = folder / f"{workbook.stem}.csv"
    assert done.returncode == 0 and converted.exists(), done.stdout + done.stderr
    with converted.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def exported(mirror_crawl, tmp_path_factory):
    """The whole archive exported as xlsx and, to compare with, as JSON Lines."""
    folder = tmp_path_factory.mktemp("xlsx-export")
    for name in ("all.xlsx", "all.jsonl"):
        done = run_export(mirror_crawl.workdir, "-o", str(folder / name))
        assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in (folder / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    return folder / "all.xlsx", rows


def test_scrapy_export_writes_every_story_in_the_csvs_columns_with_typed_cells(exported):
    workbook, rows = exported
    cells = sheet_rows(workbook)
    assert len(cells) == len(rows) and {r["published_precision"] for r in rows} >= {"datetime", "month"}
    for cell, row in zip(cells, rows, strict=True):  # the same order: publication time
        assert all(c.data_type != "f" for c in cell.values())
        for name in ("url", "site", "section", "headline", "summary", "dateline", "body", "image_url"):
            assert cell[name].value == row[name] and (row[name] is None or cell[name].data_type == "s")
        assert cell["authors"].value == ("; ".join(row["authors"]) or None)
        assert cell["tags"].value == ("; ".join(row["tags"]) or None)
        assert cell["word_count"].value == row["word_count"] and cell["story_id"].value == row["story_id"]
        assert cell["crawled_at"].is_date and cell["crawled_at"].value.strftime("%Y-%m-%d %H:%M:%S") == \
            as_shown(row["crawled_at"])
        published = cell["published"]
        if row["published_precision"] == "month":  # no day known: the text, not a made-up 1st
            assert published.data_type == "s" and published.value == row["published"]
        else:
            assert published.is_date and published.number_format == "yyyy-mm-dd hh:mm:ss"
            assert published.value.strftime("%Y-%m-%d %H:%M:%S") == as_shown(row["published"])
    assert not list(workbook.parent.glob(".*.part"))  # written under a temporary name, then moved


def test_format_option_and_an_empty_export(mirror_crawl, tmp_path):
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "stories.data"), "--format", "xlsx",
                      "--section", "sports")
    assert done.returncode == 0, done.stderr
    assert {c["section"].value for c in sheet_rows(tmp_path / "stories.data")} == {"Sports"}
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "none.xlsx"), "--since", "2090-01-01")
    assert done.returncode == 0 and done.stdout.strip() == f"exported 0 stories to {tmp_path / 'none.xlsx'}"
    assert sheet_rows(tmp_path / "none.xlsx") == []  # still a workbook, with its header


def test_libreoffice_reads_the_arabic_and_the_dates_back(exported, tmp_path):
    workbook, rows = exported
    shown = libreoffice_rows(workbook, tmp_path)
    assert [r["url"] for r in shown] == [r["url"] for r in rows]
    for seen, row in zip(shown, rows, strict=True):
        assert seen["headline"] == row["headline"] and seen["dateline"] == (row["dateline"] or "")
        assert seen["body"] == row["body"]
        assert seen["published"] == (row["published"] if row["published_precision"] == "month"
                                     else as_shown(row["published"]))


@pytest.fixture(scope="module")
def formula_mirror(tmp_path_factory):
    """The bundled mirror with one Sports story whose headline is a spreadsheet formula."""
    from newscrawl.mirror import MIRROR_DIR

    root = tmp_path_factory.mktemp("formula-mirror") / "elaph"
    shutil.copytree(MIRROR_DIR, root)
    articles = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["articles"]
    copied = {a["duplicate_of"] for a in articles} | {a["followup_of"] for a in articles}
    for article in articles:
        page = root / "site" / article["path"].lstrip("/")
        html = page.read_text(encoding="utf-8")
        if article["section"] == "Sports" and article["path"] not in copied and html.count("<h1") == 1:
            break
    page.write_text(re.sub(r"(<h1[^>]*>)(.*?)(</h1>)", lambda m: m[1] + FORMULA.format(m[2]) + m[3], html,
                           flags=re.S), encoding="utf-8")
    process, url = serve(root)
    yield url, article["path"]
    process.terminate()
    process.wait()


def test_a_crawl_writes_a_workbook_where_a_formula_headline_stays_text(formula_mirror, tmp_path):
    url, path = formula_mirror
    target = tmp_path / "sports.xlsx"
    crawl = run_crawl(tmp_path, "-a", f"base_url={url}", "-a", "sections=Sports", "-O", str(target))
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    archived = {r["url"]: r for r in crawl.rows()}
    formula = archived[url + path]["headline"]
    assert formula.startswith('=HYPERLINK("https://evil.example/","')
    cells = {c["url"].value: c for c in sheet_rows(target)}
    assert cells.keys() == archived.keys()
    for link, row in archived.items():
        assert cells[link]["headline"].value == row["headline"] and cells[link]["headline"].data_type == "s"
    # LibreOffice shows the formula as the text it is, not as a link named by its second argument.
    shown = {r["url"]: r["headline"] for r in libreoffice_rows(target, tmp_path)}
    assert shown == {link: row["headline"] for link, row in archived.items()} and shown[url + path] == formula

    # -o cannot append to a workbook: it is replaced, with a warning, never left a broken zip.
    again = run_crawl(tmp_path, "-a", f"base_url={url}", "-a", "sections=Sports", "-o", str(target))
    assert again.returncode == 0, again.stderr[-3000:]
    assert f"-o {target}: an xlsx file cannot be appended to, so it is replaced" in again.stderr
    assert zipfile.ZipFile(target).testzip() is None and sheet_rows(target) == []  # nothing new this run
    assert not list(tmp_path.glob(".*.part"))
