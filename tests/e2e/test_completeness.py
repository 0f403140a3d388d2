"""Every story archived once, whatever the runs before did: trials, windows, kills.

Each test is a sequence of real `scrapy crawl` runs over the bundled mirror, as a user
would type them, judged by the archive it leaves and by the pages the mirror served.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from datetime import UTC

import pytest

from tests.conftest import Mirror, archived_urls, assert_each_story_once, crawl_command, run_crawl, scrapy_env, serve
from tests.e2e.test_scheduled import ARTICLE


def article_requests(log) -> list[str]:
    return [p for p in log.read_text().splitlines() if ARTICLE.match(p)]


def assert_complete_and_quiet(workdir, mirror: Mirror, log) -> None:
    """Every story of the mirror archived exactly once, and a plain run after it fetches
    no article page and says every listing is complete."""
    assert_each_story_once([{"url": u} for u in archived_urls(workdir)], mirror)
    assert len(archived_urls(workdir)) == len(mirror.story_groups())
    log.write_text("")
    after = run_crawl(workdir, "-a", f"base_url={mirror.url}")
    assert after.returncode == 0, after.stderr[-3000:]
    assert article_requests(log) == []
    summary = json.loads(sorted((workdir / "archive/elaph").glob("*.summary.json"))[-1].read_text(encoding="utf-8"))
    assert summary["listings"] and all(s["complete"] for s in summary["listings"].values()), summary["listings"]


@pytest.mark.parametrize("first", [
    ("-a", "max_pages=1"),  # a trial run
    ("-a", "since=2022-01-01"),
    ("-a", "until=2020-01-01"),
    ("-a", "sections=News,Sports", "-a", "max_pages=2"),
])
def test_a_partial_run_then_a_plain_one_archives_every_story_once(served, tmp_path, first):
    log = tmp_path / "access.log"
    mirror = served("--access-log", str(log))
    partial = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", *first)
    assert partial.returncode == 0, partial.stderr[-3000:]
    assert 0 < len(archived_urls(tmp_path)) < len(mirror.story_groups())
    # The partial run says so: some listing was not walked to its end.
    assert "complete only to where this run began" in partial.stderr
    plain = run_crawl(tmp_path, "-a", f"base_url={mirror.url}")
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert_complete_and_quiet(tmp_path, mirror, log)


def _wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("the crawl never got there")


def _count(workdir, table: str) -> int:
    try:
        db = sqlite3.connect(f"file:{workdir / 'archive' / 'newscrawl.sqlite3'}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("point", ["listings read, no story yet", "a third archived", "most archived"])
def test_kill_9_at_any_point_then_a_plain_run_archives_every_story_once(served, tmp_path, point):
    log = tmp_path / "access.log"
    mirror = served("--delay", "0.05", "--access-log", str(log))
    reached = {
        "listings read, no story yet": lambda: _count(tmp_path, "due_urls") >= 10,
        "a third archived": lambda: _count(tmp_path, "articles") >= 40,
        "most archived": lambda: _count(tmp_path, "articles") >= 110,
    }[point]
    crawl = subprocess.Popen(crawl_command("elaph", "-a", f"base_url={mirror.url}"), cwd=tmp_path, env=scrapy_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(reached)
    finally:
        crawl.send_signal(signal.SIGKILL)
        crawl.wait()
    assert len(archived_urls(tmp_path)) < len(mirror.story_groups())
    plain = run_crawl(tmp_path, "-a", f"base_url={mirror.url}")
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert_complete_and_quiet(tmp_path, mirror, log)


def test_ctrl_c_without_jobdir_then_a_plain_run_archives_every_story_once(served, tmp_path):
    log = tmp_path / "access.log"
    mirror = served("--delay", "0.05", "--access-log", str(log))
    crawl = subprocess.Popen(crawl_command("elaph", "-a", f"base_url={mirror.url}"), cwd=tmp_path, env=scrapy_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _wait_for(lambda: _count(tmp_path, "articles") >= 30)
    crawl.send_signal(signal.SIGINT)
    _, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == 3, stderr[-2000:]  # finish reason "shutdown"
    plain = run_crawl(tmp_path, "-a", f"base_url={mirror.url}")
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert_complete_and_quiet(tmp_path, mirror, log)


def test_articles_that_failed_stay_due_and_are_archived_by_a_later_run(tmp_path):
    from newscrawl.mirror import MIRROR_DIR

    log = tmp_path / "access.log"
    process, url = serve(MIRROR_DIR, "--broken-articles")
    try:
        first = run_crawl(tmp_path, "-a", f"base_url={url}", "-a", "sections=Economics")
    finally:
        process.terminate()
        process.wait()
    assert first.returncode == 3  # every article page was an error page
    assert archived_urls(tmp_path) == []
    # The site mends; same origin, so the same URLs.
    process, url = serve(MIRROR_DIR, "--access-log", str(log), "--port", url.rsplit(":", 1)[1])
    try:
        mirror = Mirror(url, MIRROR_DIR)
        second = run_crawl(tmp_path, "-a", f"base_url={url}", "-a", "sections=Economics")
        assert second.returncode == 0, second.stderr[-3000:]
        assert "article URLs due from earlier runs" in second.stderr
        economics = [a for a in mirror.articles if a["section"] == "Economics"]
        assert_each_story_once([{"url": u} for u in archived_urls(tmp_path)], mirror, economics)
        assert {u.removeprefix(url) for u in archived_urls(tmp_path)} >= \
            {a["path"] for a in economics if not a["duplicate_of"]} - {a["duplicate_of"] for a in economics}
    finally:
        process.terminate()
        process.wait()


def test_html_listings_are_covered_by_the_urls_they_list_not_by_page_numbers(tmp_path):
    """A trial run covers page 1 of a listing; the site then publishes more stories, which
    push the trial's stories onto later pages. The next plain run still reaches everything,
    and the one after it reads only the first page of each listing."""
    from datetime import datetime

    from newscrawl.mirror.build import build

    root = tmp_path / "mirror"
    build(root, published_until=datetime(2024, 6, 30, tzinfo=UTC))
    log = tmp_path / "access.log"
    process, url = serve(root, "--access-log", str(log))
    try:
        work = tmp_path / "work"
        work.mkdir()
        assert run_crawl(work, "-a", f"base_url={url}", "-a", "max_pages=1").returncode == 0
        build(root)  # the site publishes the rest: every listing page shifts
        plain = run_crawl(work, "-a", f"base_url={url}")
        assert plain.returncode == 0, plain.stderr[-3000:]
        mirror = Mirror(url, root)
        assert_complete_and_quiet(work, mirror, log)
        # Page 1 of each section's API and HTML listing, the home page and robots.txt.
        assert len(log.read_text().splitlines()) <= 2 * 7 + 2
    finally:
        process.terminate()
        process.wait()
