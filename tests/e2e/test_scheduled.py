"""Unattended runs: incremental, locked, monitored, resumable — through `scrapy crawl`."""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO, archived_urls, crawl_command, run_crawl, scrapy_env

ARTICLE = re.compile(r"^/(?:amp/)?Web/[A-Za-z]+/\d{4}/\d{1,2}/\d+\.html?")


def summaries(workdir):
    return [json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((workdir / "archive/elaph").glob("*.summary.json"))]


def test_second_run_requests_listing_pages_only(served, tmp_path):
    log = tmp_path / "access.log"
    mirror = served("--access-log", str(log))
    assert run_crawl(tmp_path, "-a", f"base_url={mirror.url}").returncode == 0
    first = log.read_text().splitlines()
    log.write_text("")
    second = run_crawl(tmp_path, "-a", f"base_url={mirror.url}")
    assert second.returncode == 0, second.stderr[-2000:]
    requested = log.read_text().splitlines()
    assert sum(bool(ARTICLE.match(p)) for p in first) == len(mirror.articles)
    assert not [p for p in requested if ARTICLE.match(p)]
    # Page 1 of each section's API and HTML listing, the home page and robots.txt.
    assert len(requested) <= 2 * 7 + 2, requested
    summary = summaries(tmp_path)[-1]
    assert summary["verdict"]["ok"] and summary["articles"]["archived"] == 0
    assert summary["pages"]["articles_requested"] == 0


def test_refresh_fetches_archived_articles_again_without_duplicating(served, tmp_path):
    log = tmp_path / "access.log"
    mirror = served("--access-log", str(log))
    assert run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Sports").returncode == 0
    log.write_text("")
    again = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Sports", "-a", "refresh=1")
    assert again.returncode == 0, again.stderr[-2000:]
    sports = [a for a in mirror.articles if a["section"] == "Sports"]
    assert sum(bool(ARTICLE.match(p)) for p in log.read_text().splitlines()) == len(sports)
    urls = archived_urls(tmp_path)
    assert len(urls) == len(set(urls)) == len(sports)


def test_a_second_run_is_refused_while_the_first_holds_the_lock(served, tmp_path):
    mirror = served("--delay", "0.2")
    first = subprocess.Popen(crawl_command("elaph", "-a", f"base_url={mirror.url}", "-a", "sections=News"),
                             cwd=tmp_path, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    lock = tmp_path / "archive" / "newscrawl.sqlite3.elaph.lock"
    deadline = time.monotonic() + 30
    while not (lock.exists() and "pid" in lock.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    second = run_crawl(tmp_path, "-a", f"base_url={mirror.url}")
    assert second.returncode == 75
    assert second.stderr.strip().splitlines() == [
        f"scrapy crawl elaph: another elaph run holds {lock} "
        f"(pid {first.pid} since {lock.read_text().split(' since ')[1].strip()}); not starting"]
    first.communicate(timeout=300)
    assert first.returncode == 0
    # The refused run left no trace: one run's summary and exports, all of the first run.
    written = sorted(p.name for p in (tmp_path / "archive" / "elaph").iterdir() if p.is_file())
    stamps = {name.split(".")[0] for name in written}
    assert len(stamps) == 1 and len(written) == 3, written


def test_a_killed_run_leaves_no_lock_that_blocks(served, tmp_path):
    mirror = served("--delay", "0.2")
    first = subprocess.Popen(crawl_command("elaph", "-a", f"base_url={mirror.url}"), cwd=tmp_path, env=scrapy_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock = tmp_path / "archive" / "newscrawl.sqlite3.elaph.lock"
    deadline = time.monotonic() + 30
    while not (lock.exists() and "pid" in lock.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    first.kill()
    first.wait()
    again = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Opinion")
    assert again.returncode == 0, again.stderr[-2000:]


def test_broken_article_pages_fail_the_run_with_reasons(served, tmp_path):
    mirror = served("--broken-articles")
    result = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Economics")
    assert result.returncode == 3
    summary = summaries(tmp_path)[-1]
    assert not summary["verdict"]["ok"] and summary["verdict"]["exit_status"] == 3
    failures = " | ".join(summary["verdict"]["failures"])
    assert "none was archived" in failures and "body present on 0%" in failures
    assert summary["dropped"] == {"body_too_short": summary["articles"]["seen"]}
    assert "run failed: listings showed" in result.stderr


def test_interrupted_crawl_resumes_and_archives_every_story_once(served, tmp_path):
    mirror = served("--delay", "0.05")
    jobdir = tmp_path / "job"
    args = crawl_command("elaph", "-a", f"base_url={mirror.url}", "-s", f"JOBDIR={jobdir}")
    first = subprocess.Popen(args, cwd=tmp_path, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    database = tmp_path / "archive" / "newscrawl.sqlite3"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if database.exists() and len(archived_urls(tmp_path)) >= 30:
            break
    first.send_signal(signal.SIGINT)
    _, stderr = first.communicate(timeout=120)
    assert first.returncode == 3, stderr[-2000:]  # finish reason "shutdown"
    partial = archived_urls(tmp_path)
    assert 30 <= len(partial) < len(mirror.story_groups())

    resumed = subprocess.run(args, cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    urls = archived_urls(tmp_path)
    assert len(urls) == len(set(urls)) == len(mirror.story_groups())
    from tests.conftest import assert_each_story_once

    assert_each_story_once([{"url": u} for u in urls], mirror)


def test_progress_line_on_a_terminal_only(served, tmp_path):
    mirror = served()
    primary, secondary = pty.openpty()
    process = subprocess.Popen(crawl_command("elaph", "-a", f"base_url={mirror.url}", "-a", "sections=Opinion"),
                               cwd=tmp_path, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait() == 0
    text = output.decode("utf-8", "replace")
    assert re.search(r"\r\x1b\[Kpages \d+ \| articles \d+ \| duplicates \d+ \| errors \d+ \| [\d.]+ pages/s", text)
    (tmp_path / "plain").mkdir()
    plain = run_crawl(tmp_path / "plain", "-a", f"base_url={mirror.url}", "-a", "sections=Opinion")
    assert plain.returncode == 0 and "Spider closed (finished)" in plain.stderr
    assert "\r" not in plain.stderr and "pages/s" not in plain.stderr


def test_readme_crontab_line_works_as_written(served, tmp_path):
    """The README's crontab command, run by sh in a checkout-like directory."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    line = readme.split("<!-- crontab -->")[1].split("<!-- /crontab -->")[0].strip()
    command = line.split(None, 5)[5]  # drop the five schedule fields
    for name in ("scrapy.cfg", "newscrawl"):
        (tmp_path / name).symlink_to(REPO / name)
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "scrapy").symlink_to(Path(sys.executable).parent / "scrapy")
    mirror = served()
    # Offline: point the same command at the mirror. cron runs `%` unescaped; sh here sees `\%`.
    command = command.replace("/path/to/newscrawl", str(tmp_path)).replace("\\%", "%")
    command = command.replace("crawl elaph", f"crawl elaph -a base_url={mirror.url}", 1)
    env = {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE", "PYTHONPATH")}
    for _ in range(2):
        done = subprocess.run(["sh", "-c", command], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    assert "Spider closed (finished)" in (tmp_path / "archive/logs/elaph.log").read_text(encoding="utf-8")
    assert not (tmp_path / "archive/logs/cron.log").read_text()
    assert len(list((tmp_path / "archive/elaph").glob("*.jsonl"))) == 1
    assert len(list((tmp_path / "archive/elaph").glob("*.summary.json"))) == 2


def articles_between_api_pages(paths: list[str]) -> list[int]:
    """For each API page N followed by page N+1 of its section: the article pages fetched
    between the two."""
    position = {path: i for i, path in enumerate(paths)}
    gaps = []
    for path, i in position.items():
        page = re.match(r"(/api/.*/)(\d+)$", path)
        following = page and position.get(f"{page[1]}{int(page[2]) + 1}")
        if following:
            gaps.append(sum(bool(ARTICLE.match(p)) for p in paths[i + 1:following]))
    return gaps


def test_listing_pages_go_ahead_of_queued_articles_while_the_queue_is_short(served, tmp_path):
    """One request at a time, so the access log shows the scheduler's order."""
    log = tmp_path / "access.log"
    mirror = served("--access-log", str(log))
    one_at_a_time = ("-s", "CONCURRENT_REQUESTS=1", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")
    gaps = {}
    for ahead_below in (500, 0):
        workdir = tmp_path / str(ahead_below)
        workdir.mkdir()
        log.write_text("")
        result = run_crawl(workdir, "-a", f"base_url={mirror.url}", *one_at_a_time,
                           "-s", f"NEWSCRAWL_LISTINGS_AHEAD_BELOW={ahead_below}")
        assert result.returncode == 0, result.stderr[-2000:]
        paths = log.read_text().splitlines()
        assert sum(bool(ARTICLE.match(p)) for p in paths) == len(mirror.articles)
        gaps[ahead_below] = articles_between_api_pages(paths)
    assert gaps[500] and gaps[0], gaps
    # Ahead: the next page goes out as soon as it is known — at most the article or two the
    # downloader took while the page was being parsed.
    assert max(gaps[500]) <= 2 and sum(gaps[500]) < len(gaps[500]), gaps
    # Never ahead (the queue always "long"): the articles of a page come before the next page.
    assert max(gaps[0]) >= 5, gaps
