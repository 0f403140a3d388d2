"""Raw pages: every response written to WARC files as the crawl reads it, read back by
warcio's own reader; and imports of WARC and WACZ files made by tools nobody here wrote
(GNU wget, the wacz package), through `scrapy crawl elaph -a warc=…`."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.conftest import archived_urls, assert_each_story_once, run_crawl


def records(path: Path) -> list:
    with path.open("rb") as handle:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                 r.http_headers.get_statuscode() if r.http_headers and r.rec_type == "response" else None,
                 r.content_stream().read() if r.rec_type == "response" else b"")
                for r in ArchiveIterator(handle)]


def test_every_response_is_kept_as_fetched_and_each_row_names_its_record(mirror_crawl, mirror):
    import sqlite3

    from newscrawl.raw.warc import read_response

    folder = mirror_crawl.workdir / "archive" / "elaph" / "warc"
    (warc,) = folder.glob("*.warc.gz")
    kept = records(warc)
    responses = [r for r in kept if r[0] == "response"]
    assert len(responses) == sum(1 for r in kept if r[0] == "request")  # each with its request
    urls = {r[1].removeprefix(mirror.url) for r in responses}
    assert {a["path"] for a in mirror.articles} <= urls  # every article page
    assert "/robots.txt" in urls and "/" in urls and any("/api/" in u for u in urls)  # and the listings
    db = sqlite3.connect(mirror_crawl.workdir / "archive" / "newscrawl.sqlite3")
    rows = db.execute("SELECT url, warc_record, extractor_version FROM articles").fetchall()
    db.close()
    for url, record, version in rows:
        name, offset = record.split("#")
        assert read_response(str(folder / name), int(offset))[0] == url and version
    # Disk cost a page (BENCHMARKS.md): the bundled mirror's pages weigh 6 KB.
    assert warc.stat().st_size / len(responses) < 6 * 1024


@pytest.fixture(scope="module")
def wget_warc(mirror, tmp_path_factory):
    """The mirror's article pages fetched by GNU wget into a WARC of its own (WARC/1.0)."""
    folder = tmp_path_factory.mktemp("wget")
    (folder / "urls.txt").write_text("\n".join(mirror.url + a["path"] for a in mirror.articles) + "\n")
    done = subprocess.run(["wget", "--quiet", "--input-file=urls.txt", "--warc-file=mirror", "--no-warc-keep-log",
                           "--output-document=/dev/null", "--tries=2"], cwd=folder, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    warc = folder / "mirror.warc.gz"
    with gzip.open(warc) as handle:
        assert handle.read(8) == b"WARC/1.0"
    return warc


def test_a_wget_warc_of_the_mirror_imports_every_story_once(mirror, wget_warc, tmp_path):
    result = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", f"warc={wget_warc}")
    assert result.returncode == 0, result.stderr[-3000:]
    assert_each_story_once([{"url": u} for u in archived_urls(tmp_path)], mirror)
    assert len(archived_urls(tmp_path)) == len(mirror.story_groups())
    rows = {r["url"]: r for r in result.rows()}
    truth = mirror.by_path()
    for url, row in rows.items():
        assert row["headline"] == truth[url.removeprefix(mirror.url)]["headline"]
    # The page's WARC-Date is the row's crawled_at; the publication date is the page's.
    with wget_warc.open("rb") as handle:
        dates = {r.rec_headers.get_header("WARC-Target-URI"): r.rec_headers.get_header("WARC-Date")
                 for r in ArchiveIterator(handle) if r.rec_type == "response"}
    for url, row in rows.items():
        assert row["crawled_at"].replace("+00:00", "Z") == dates[url]
        # The page's own date, or the month its URL names (no listing gives one here).
        assert truth[url.removeprefix(mirror.url)]["published"].startswith(row["published"][:10])
    # A later import of the same file adds nothing.
    again = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", f"warc={wget_warc}")
    assert again.returncode == 0 and len(archived_urls(tmp_path)) == len(mirror.story_groups())


def test_records_of_other_sites_are_skipped_and_counted(wget_warc, tmp_path):
    result = run_crawl(tmp_path, "-a", "base_url=http://localhost:9", "-a", f"warc={wget_warc}")
    assert archived_urls(tmp_path) == []
    summary = json.loads(next((tmp_path / "archive" / "elaph").glob("*.summary.json")).read_text())
    assert summary["verdict"]["ok"], summary["verdict"]
    assert "'newscrawl/import/other_records': " in result.stderr


def test_a_wacz_made_by_the_wacz_package_imports(mirror, wget_warc, tmp_path):
    wacz = tmp_path / "mirror.wacz"
    done = subprocess.run([str(Path(sys.executable).with_name("wacz")), "create", "-o", str(wacz), str(wget_warc)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    work = tmp_path / "work"
    work.mkdir()
    result = run_crawl(work, "-a", f"base_url={mirror.url}", "-a", f"warc={wacz}")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(archived_urls(work)) == len(mirror.story_groups())


def test_a_damaged_warc_imports_its_good_records_and_names_the_damage(mirror, wget_warc, tmp_path):
    damaged = tmp_path / "damaged.warc.gz"
    data = wget_warc.read_bytes()
    damaged.write_bytes(data[:len(data) // 2] + b"this is not gzip" + data[len(data) // 2:])
    work = tmp_path / "work"
    work.mkdir()
    result = run_crawl(work, "-a", f"base_url={mirror.url}", "-a", f"warc={damaged}")
    assert result.returncode == 3
    assert f"damaged WARC input: {damaged}: damaged after offset" in result.stderr
    imported = archived_urls(work)
    assert 0 < len(imported) < len(mirror.story_groups())
    assert_each_story_once([{"url": u} for u in imported], mirror, [a for a in mirror.articles
                                                                    if mirror.url + a["path"] in imported])


def test_a_warc_argument_that_is_not_a_file_is_refused(tmp_path):
    result = run_crawl(tmp_path, "-a", "warc=/nonexistent.warc.gz")
    assert result.returncode == 2
    assert result.stderr.strip() == ("scrapy crawl elaph: invalid argument -a warc=/nonexistent.warc.gz: expected "
                                     "comma-separated existing .warc, .warc.gz or .wacz files")
    assert not shutil.which("nonexistent")


def test_reextract_rederives_rows_from_kept_pages_without_the_network(mirror_crawl, tmp_path):
    """Rows damaged after the crawl (as a changed extraction would leave them) come back as
    the crawl made them, from the kept pages alone; the others do not change."""
    import sqlite3

    from tests.conftest import scrapy_env

    work = tmp_path / "copy"
    shutil.copytree(mirror_crawl.workdir / "archive", work / "archive")
    database = work / "archive" / "newscrawl.sqlite3"
    db = sqlite3.connect(database)
    with db:
        db.execute("UPDATE articles SET body = 'نص تالف' WHERE id <= 5")
        db.execute("UPDATE articles SET dateline = NULL, authors = '[]' WHERE id BETWEEN 6 AND 8")
    db.close()
    command = [sys.executable, "-m", "scrapy", "reextract", "elaph"]
    done = subprocess.run(command, cwd=work, env=scrapy_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = len(mirror_crawl.rows())
    assert done.stdout.strip().startswith(f"re-extracted {rows} of {rows} rows: 8 changed (fields: body 5, ")
    export = tmp_path / "after.jsonl"
    assert subprocess.run([sys.executable, "-m", "scrapy", "export", "-o", str(export)], cwd=work, env=scrapy_env(),
                          capture_output=True, timeout=120).returncode == 0
    after = {r["url"]: r for r in map(json.loads, export.read_text(encoding="utf-8").splitlines())}
    for row in mirror_crawl.rows():
        assert {k: v for k, v in after[row["url"]].items() if k != "story_id"} == \
            {k: v for k, v in row.items() if k != "story_id"}
    again = subprocess.run(command, cwd=work, env=scrapy_env(), capture_output=True, text=True, timeout=300)
    assert "0 changed" in again.stdout


def story_state(workdir: Path) -> tuple[dict, dict, list]:
    """The archive's rows (URL → fields but crawl time and story id), aliases (URL → row
    URL) and stories (sets of row URLs)."""
    import sqlite3

    db = sqlite3.connect(workdir / "archive" / "newscrawl.sqlite3")
    db.row_factory = sqlite3.Row
    rows = {r["url"]: {k: r[k] for k in ("headline", "body", "published", "section")}
            for r in db.execute("SELECT * FROM articles")}
    aliases = dict(db.execute("SELECT a.url, r.url FROM url_aliases a JOIN articles r ON r.id = a.article_id "
                              "WHERE a.reason != 'redirect'").fetchall())
    stories: dict = {}
    for url, story in db.execute("SELECT url, story_id FROM articles"):
        stories.setdefault(story, set()).add(url)
    db.close()
    return rows, aliases, sorted(map(sorted, stories.values()))


def test_reextract_merges_and_splits_rows_as_the_dedup_now_decides(mirror, mirror_crawl, tmp_path):
    """An archive made with a dedup window of zero days keeps the mirror's republished
    stories as rows of their own; re-extracted with the default window, each republication
    is merged into its story's earliest copy, and the archive is the one a crawl with that
    window makes. Re-extracted with zero days again, the copies are split off again."""
    from tests.conftest import scrapy_env

    narrow = tmp_path / "narrow"
    narrow.mkdir()
    crawl = run_crawl(narrow, "-a", f"base_url={mirror.url}", "-s", "NEWSCRAWL_DEDUP_WINDOW_DAYS=0")
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    narrow_state = story_state(narrow)
    default_state = story_state(mirror_crawl.workdir)
    merged = set(default_state[1]) - set(narrow_state[1])
    assert len(merged) >= 2 and merged <= set(narrow_state[0])  # rows there, aliases with the default window

    command = [sys.executable, "-m", "scrapy", "reextract", "elaph"]
    done = subprocess.run(command, cwd=narrow, env=scrapy_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{len(merged)} merged into the row they copy, 0 split off" in done.stdout
    assert story_state(narrow) == default_state

    back = subprocess.run([*command, "-s", "NEWSCRAWL_DEDUP_WINDOW_DAYS=0"], cwd=narrow, env=scrapy_env(),
                          capture_output=True, text=True, timeout=300)
    assert back.returncode == 0, back.stderr
    assert f"0 merged into the row they copy, {len(merged)} split off" in back.stdout
    assert story_state(narrow) == narrow_state
    again = subprocess.run([*command, "-s", "NEWSCRAWL_DEDUP_WINDOW_DAYS=0"], cwd=narrow, env=scrapy_env(),
                           capture_output=True, text=True, timeout=300)
    assert "0 changed" in again.stdout and "0 merged" in again.stdout and "0 split off" in again.stdout
