"""Failures that end a run end it loudly, in one line, and lose no story: a full disk, an
archive that cannot be written, a damaged archive. Through `scrapy crawl` and `scrapy export`."""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
import sys

import pytest

from tests.conftest import (
    archived_urls,
    assert_each_story_once,
    crawl_command,
    read_only,
    run_crawl,
    run_export,
    scrapy_env,
)


def small_disk(limit: int):
    """preexec_fn: writes past ``limit`` bytes in any one file fail (EFBIG), as on a full disk."""
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return apply


def test_a_full_disk_stops_the_crawl_with_one_line_and_loses_nothing(served, tmp_path):
    mirror = served()
    done = subprocess.run(crawl_command("elaph", "-a", f"base_url={mirror.url}"), cwd=tmp_path, env=scrapy_env(),
                          capture_output=True, text=True, preexec_fn=small_disk(400 * 1024), timeout=300)
    assert done.returncode == 4, done.stderr[-3000:]
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"scrapy crawl elaph: cannot write the archive {tmp_path / 'archive' / 'newscrawl.sqlite3'}")
    kept = len(archived_urls(tmp_path))
    assert f"stopped after archiving {kept} stories this run, which are kept" in last
    assert kept < len(mirror.story_groups())
    assert "Traceback" not in done.stderr.split("[newscrawl.fetch.middlewares] ERROR: stopping")[0]
    # Space freed: the next plain run archives every story exactly once.
    plain = run_crawl(tmp_path, "-a", f"base_url={mirror.url}")
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert_each_story_once([{"url": u} for u in archived_urls(tmp_path)], mirror)
    assert len(archived_urls(tmp_path)) == len(mirror.story_groups())
    # What the full disk left half written is gone.
    assert not list((tmp_path / "archive").rglob(".*.part"))


def test_a_read_only_archive_is_named_with_its_reason_and_still_exports(mirror_crawl, tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(mirror_crawl.workdir / "archive", archive)
    before = {p: p.read_bytes() for p in archive.rglob("*") if p.is_file()}
    url = f"NEWSCRAWL_ARCHIVE_URL=sqlite:///{archive / 'newscrawl.sqlite3'}"
    done = subprocess.run(read_only(archive, crawl_command("elaph", "-a", "base_url=http://127.0.0.1:9", "-s", url,
                                                           "-s", f"NEWSCRAWL_DATA_DIR={tmp_path / 'data'}")),
                          cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 4, done.stderr
    line, = done.stderr.strip().splitlines()
    assert line.startswith(f"scrapy crawl elaph: cannot write in the archive's folder {archive}: ")
    assert line.endswith(("Read-only file system (the run lock goes there)",
                          "Permission denied (the run lock goes there)"))
    exported = subprocess.run(read_only(archive, [sys.executable, "-m", "scrapy", "export", "-o",
                                                  str(tmp_path / "all.csv"), "-s", url]),
                              cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=120)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"exported {len(mirror_crawl.rows())} stories to {tmp_path / 'all.csv'}"
    assert {p: p.read_bytes() for p in archive.rglob("*") if p.is_file()} == before


def test_export_never_writes_to_the_archive(mirror_crawl, tmp_path):
    """The file is opened with SQLite's mode=ro. (A reader of a WAL archive may leave
    SQLite's own -shm/-wal index files beside it, as any reader does; the archive's
    content is not touched.)"""
    workdir = tmp_path / "copy"
    shutil.copytree(mirror_crawl.workdir / "archive", workdir / "archive")
    database = workdir / "archive" / "newscrawl.sqlite3"
    before = (database.stat().st_mtime_ns, database.read_bytes())
    assert run_export(workdir, "-o", str(tmp_path / "all.jsonl")).returncode == 0
    assert (database.stat().st_mtime_ns, database.read_bytes()) == before
    assert not (workdir / "archive" / "newscrawl.sqlite3-wal").exists() or \
        (workdir / "archive" / "newscrawl.sqlite3-wal").stat().st_size == 0


def test_a_damaged_archive_gives_one_line_and_is_not_written(mirror_crawl, tmp_path):
    archive = tmp_path / "archive" / "newscrawl.sqlite3"
    archive.parent.mkdir()
    shutil.copy(mirror_crawl.workdir / "archive" / "newscrawl.sqlite3", archive)
    with archive.open("r+b") as handle:  # four pages in the middle of the file overwritten
        handle.seek(4096 * 30)
        handle.write(b"\xff" * 4096 * 4)
    before = archive.read_bytes()
    result = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9")
    assert result.returncode == 4
    line, = result.stderr.strip().splitlines()
    assert line.startswith(f"scrapy crawl elaph: the archive {archive} is damaged (")
    assert line.endswith("nothing was written to it — restore a copy or move it away")
    assert archive.read_bytes() == before
    exported = run_export(tmp_path, "-o", "all.csv")
    assert exported.returncode == 1
    assert len(exported.stderr.strip().splitlines()) == 1 and "malformed" in exported.stderr
    assert not (tmp_path / "all.csv").exists()
    assert archive.read_bytes() == before


def test_an_archive_newer_than_the_code_is_refused_in_one_line(mirror_crawl, tmp_path):
    import sqlite3

    from newscrawl.archive.sql import SCHEMA_VERSION

    archive = tmp_path / "archive" / "newscrawl.sqlite3"
    archive.parent.mkdir()
    shutil.copy(mirror_crawl.workdir / "archive" / "newscrawl.sqlite3", archive)
    db = sqlite3.connect(archive)
    with db:
        db.execute("UPDATE newscrawl_meta SET value = '99' WHERE key = 'schema_version'")
    db.close()  # the last connection folds the WAL into the file
    before = archive.read_bytes()
    result = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9")
    assert result.returncode == 4
    assert result.stderr.strip().splitlines() == [
        f"scrapy crawl elaph: {archive} has archive schema version 99, newer than this newscrawl's ({SCHEMA_VERSION}): "
        "upgrade newscrawl to use it"]
    assert archive.read_bytes() == before


def test_a_relative_data_dir_is_the_projects_wherever_the_crawl_starts(served, tmp_path):
    mirror = served()
    project = tmp_path / "project"
    (project / "notes" / "deep").mkdir(parents=True)
    (project / "scrapy.cfg").write_text("[settings]\ndefault = newscrawl.settings\n")
    result = run_crawl(project / "notes" / "deep", "-a", f"base_url={mirror.url}", "-a", "sections=Sports",
                       "-s", "NEWSCRAWL_DATA_DIR=data")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (project / "data" / "newscrawl.sqlite3").exists()
    assert len(list((project / "data" / "elaph").glob("*.jsonl"))) == 1
    assert len(list((project / "data" / "elaph").glob("*.summary.json"))) == 1
    assert not (project / "notes" / "deep" / "data").exists()


@pytest.mark.parametrize("command", [
    ["parse", "--spider", "elaph", "-c", "parse_article", "--pipelines"],
    ["check", "elaph"],
])
def test_inspection_commands_never_write_to_the_archive(served, tmp_path, command):
    mirror = served()
    page = mirror.articles[0]["path"]
    args = [*command, f"{mirror.url}{page}"] if command[0] == "parse" else command
    done = subprocess.run([*crawl_command("x")[:3], *args, "-a", f"base_url={mirror.url}"], cwd=tmp_path,
                          env=scrapy_env(), capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    if command[0] == "parse":
        assert mirror.articles[0]["headline"] in done.stdout  # it did run the page through
    assert list(tmp_path.iterdir()) == []
