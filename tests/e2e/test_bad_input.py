"""Bad input through the real commands: one clear line, a non-zero status, no damage."""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest

from tests.conftest import crawl_command, read_only, run_crawl, run_export, scrapy_env


@pytest.mark.parametrize("setting", [
    "NEWSCRAWL_DEDUP_WINDOW_DAYS=a week",
    "NEWSCRAWL_MIN_BODY_WORDS=many",
    "NEWSCRAWL_MIN_FIELD_COVERAGE={broken",
    "NEWSCRAWL_MIN_FIELD_COVERAGE={\"body\": 2}",
    "NEWSCRAWL_PROGRESS=sometimes",
    "NEWSCRAWL_GIVE_UP_AFTER_FAILURES=twice",
    "NEWSCRAWL_FURNITURE_MIN_STORIES=1",
])
def test_unreadable_settings_are_refused(tmp_path, setting):
    result = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9", "-s", setting)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"scrapy crawl elaph: setting {setting.split('=')[0]}=")
    assert not (tmp_path / "archive").exists()


def test_a_file_that_is_not_an_archive_is_left_alone(tmp_path):
    archive = tmp_path / "archive" / "newscrawl.sqlite3"
    archive.parent.mkdir()
    archive.write_bytes(b"my notes, not a database\n" * 100)
    result = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9")
    assert result.returncode == 4
    assert result.stderr.strip().splitlines() == [
        f"scrapy crawl elaph: {archive} is not a newscrawl archive (not a SQLite database); nothing was written to it"]
    assert archive.read_bytes() == b"my notes, not a database\n" * 100
    done = run_export(tmp_path, "-o", "out.csv")
    assert done.returncode == 1 and "is not a newscrawl archive" in done.stderr
    assert not (tmp_path / "out.csv").exists()


def test_an_output_directory_that_cannot_be_written_is_refused(tmp_path):
    (tmp_path / "exports").write_text("a file where the export directory should be")
    feeds = '{"exports/%(name)s/%(run)s.csv": {"format": "csv"}}'
    result = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9", "-s", f"FEEDS={feeds}")
    assert result.returncode == 5
    lines = result.stderr.strip().splitlines()
    assert lines == ["scrapy crawl elaph: cannot write exports to exports/elaph: Not a directory"]


def test_a_read_only_output_directory_is_refused(tmp_path):
    exports = tmp_path / "archive" / "elaph"
    exports.mkdir(parents=True)
    done = subprocess.run(read_only(exports, crawl_command("elaph", "-a", "base_url=http://127.0.0.1:9")),
                          cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 5, done.stderr
    line, = done.stderr.strip().splitlines()
    assert line.startswith(f"scrapy crawl elaph: cannot write exports to {exports}: ")
    assert line.endswith(("Permission denied", "Read-only file system"))


def test_a_full_disk_during_export_changes_nothing(mirror_crawl, tmp_path):
    target = tmp_path / "all.csv"
    assert run_export(mirror_crawl.workdir, "-o", str(target)).returncode == 0
    before = target.read_bytes()
    assert len(before) > 200_000

    def small_disk():  # writes past 64 KB fail with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
        import signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    done = subprocess.run([sys.executable, "-m", "scrapy", "export", "-o", str(target)], cwd=mirror_crawl.workdir,
                          env=scrapy_env(), capture_output=True, text=True, preexec_fn=small_disk, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"scrapy export: cannot write {target}: File too large; nothing was changed there"]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.csv"]


def test_a_misspelt_setting_is_refused_with_the_close_match(tmp_path):
    result = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9", "-s", "NEWSCRAWL_GIVE_UP_AFTER_FAILURE=3")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "scrapy crawl elaph: unknown setting NEWSCRAWL_GIVE_UP_AFTER_FAILURE: did you mean "
        "NEWSCRAWL_GIVE_UP_AFTER_FAILURES?"]
    assert not (tmp_path / "archive").exists()


def test_reextract_refuses_a_setting_it_cannot_run_with(tmp_path):
    """On one story every paragraph would be furniture: re-extraction would empty bodies."""
    result = subprocess.run([sys.executable, "-m", "scrapy", "reextract", "elaph", "-s",
                             "NEWSCRAWL_FURNITURE_MIN_STORIES=1"], cwd=tmp_path, env=scrapy_env(),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "scrapy reextract: setting NEWSCRAWL_FURNITURE_MIN_STORIES=1: expected 0 (off) or 2 or more "
        "(on one story, every paragraph would be furniture)"]
    assert not (tmp_path / "archive").exists()
