"""Two `scrapy crawl elaph` processes, one Redis job, one PostgreSQL archive, over the
offline mirror served on 127.0.0.1 with an access log of every path it answered."""

from __future__ import annotations

import json
import signal
import subprocess
import time

import psycopg
import redis

from tests.conftest import assert_each_story_once, crawl_command, run_crawl, run_export, scrapy_env

# Short enough that a test does not wait long for a killed worker to count as dead.
DEAD_AFTER = "3"


def distributed(postgres_url: str, queue) -> list[str]:
    return ["-s", f"NEWSCRAWL_ARCHIVE_URL={postgres_url}", *queue.settings,
            "-s", f"NEWSCRAWL_WORKER_DEAD_AFTER={DEAD_AFTER}", "-s", "NEWSCRAWL_WORKER_HEARTBEAT=0.5"]


def start_worker(workdir, mirror, postgres_url, queue) -> subprocess.Popen:
    workdir.mkdir()
    # The log goes to a file: a worker blocked on a full stderr pipe (while the test waits
    # for the other one) would stop its heartbeat and be taken for dead.
    worker = subprocess.Popen(crawl_command("elaph", "-a", f"base_url={mirror.url}", *distributed(postgres_url, queue)),
                              cwd=workdir, env=scrapy_env(), stdout=subprocess.DEVNULL,
                              stderr=(workdir / "stderr.log").open("w"))
    worker.log = workdir / "stderr.log"
    return worker


def finish(worker: subprocess.Popen) -> tuple[int, str]:
    worker.wait(timeout=300)
    return worker.returncode, worker.log.read_text()


def archived(postgres_url: str) -> int:
    try:
        with psycopg.connect(postgres_url) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except psycopg.Error:  # the first worker has not created the tables yet
        return 0


def wait_until_archived(postgres_url: str, count: int) -> None:
    deadline = time.monotonic() + 120
    while archived(postgres_url) < count:
        assert time.monotonic() < deadline, "the workers archived too little in two minutes"
        time.sleep(0.2)


def exported_rows(workdir, postgres_url) -> list[dict]:
    out = workdir / "all.jsonl"
    done = run_export(workdir, "-o", str(out), "-s", f"NEWSCRAWL_ARCHIVE_URL={postgres_url}")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def summary(workdir) -> dict:
    [path] = (workdir / "archive" / "elaph").glob("*.summary.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_two_workers_archive_every_story_once_and_fetch_every_page_once(served, postgres_url, shared_queue, tmp_path):
    log = tmp_path / "access.log"
    mirror = served("--delay", "0.1", "--access-log", str(log))
    workers = [start_worker(tmp_path / f"worker{n}", mirror, postgres_url, shared_queue) for n in (1, 2)]
    for worker in workers:
        status, stderr = finish(worker)
        assert status == 0, stderr[-3000:]

    fetched = log.read_text().splitlines()
    pages = [path for path in fetched if path != "/robots.txt"]
    assert len(pages) == len(set(pages)), "a page was fetched twice"
    assert fetched.count("/robots.txt") == 2  # each worker reads the rules it obeys
    for n in (1, 2):
        worker_summary = summary(tmp_path / f"worker{n}")
        assert worker_summary["verdict"]["ok"]
        assert worker_summary["pages"]["requests"] > 10, f"worker {n} did almost nothing: the queue was not shared"
    per_worker = [row for n in (1, 2) for row in _jsonl(tmp_path / f"worker{n}")]
    assert_each_story_once(per_worker, mirror)
    assert_each_story_once(exported_rows(tmp_path, postgres_url), mirror)
    assert shared_queue.keys() == [], "the finished job left its queue or fingerprints behind"

    # The next scheduled run is a new job: listings again, no article page.
    before = len(fetched)
    status, stderr = finish(start_worker(tmp_path / "hourly", mirror, postgres_url, shared_queue))
    assert status == 0, stderr[-3000:]
    again = log.read_text().splitlines()[before:]
    articles = {a["path"] for a in mirror.articles}
    assert "/" in again and not articles & set(again)


def _jsonl(workdir) -> list[dict]:
    files = list((workdir / "archive" / "elaph").glob("*.jsonl"))
    return [json.loads(line) for path in files for line in path.read_text(encoding="utf-8").splitlines()]


def test_killing_a_worker_midway_loses_nothing(served, postgres_url, shared_queue, tmp_path):
    mirror = served("--delay", "0.2")
    doomed, survivor = (start_worker(tmp_path / f"worker{n}", mirror, postgres_url, shared_queue) for n in (1, 2))
    wait_until_archived(postgres_url, 30)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait()
    status, stderr = finish(survivor)
    assert status == 0, stderr[-3000:]
    assert "stopped answering; put its" in stderr  # the survivor took over the dead worker's requests
    assert_each_story_once(exported_rows(tmp_path, postgres_url), mirror)
    assert shared_queue.keys() == []


def test_a_restart_finishes_a_job_whose_workers_all_died(served, postgres_url, shared_queue, tmp_path):
    mirror = served("--delay", "0.2")
    workers = [start_worker(tmp_path / f"worker{n}", mirror, postgres_url, shared_queue) for n in (1, 2)]
    wait_until_archived(postgres_url, 30)
    for worker in workers:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    partial = archived(postgres_url)
    assert partial < len(mirror.story_groups())

    status, stderr = finish(start_worker(tmp_path / "restart", mirror, postgres_url, shared_queue))
    assert status == 0, stderr[-3000:]
    assert "requests queued)" in stderr and "stopped answering" in stderr
    assert_each_story_once(exported_rows(tmp_path, postgres_url), mirror)


def test_distributed_mode_refuses_what_it_cannot_run_with(tmp_path):
    sqlite = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9", "-s", "NEWSCRAWL_REDIS_URL=redis://127.0.0.1:6379/0")
    assert sqlite.returncode == 2
    assert sqlite.stderr.strip() == ("scrapy crawl elaph: distributed mode (NEWSCRAWL_REDIS_URL) needs an archive "
                                     "every worker can write: set NEWSCRAWL_ARCHIVE_URL=postgresql://…")
    no_redis = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9", "-s", "NEWSCRAWL_REDIS_URL=redis://:pw@127.0.0.1:9/0",
                         "-s", "NEWSCRAWL_ARCHIVE_URL=postgresql://newscrawl:pw@127.0.0.1:9/x")
    assert no_redis.returncode == 4
    assert no_redis.stderr.startswith("scrapy crawl elaph: cannot reach the shared queue at redis://:***@127.0.0.1:9/0")
    no_postgres = run_crawl(tmp_path, "-a", "base_url=http://127.0.0.1:9",
                            "-s", "NEWSCRAWL_ARCHIVE_URL=postgresql://newscrawl:pw@127.0.0.1:9/x")
    assert no_postgres.returncode == 4
    assert no_postgres.stderr.startswith("scrapy crawl elaph: cannot connect to the PostgreSQL archive "
                                         "postgresql://newscrawl:***@127.0.0.1:9/x")
    assert "pw" not in no_redis.stderr + no_postgres.stderr
    assert not list(tmp_path.glob("archive/elaph/*")), "a refused run wrote something"


def test_a_job_never_cleared_does_not_block_the_next_run(served, postgres_url, shared_queue, tmp_path):
    """The last worker died while leaving: its job stayed in Redis with every page's
    fingerprint. The next run must start a new job, not find every page already seen."""
    from scrapy import Request
    from scrapy.utils.request import fingerprint

    log = tmp_path / "access.log"
    mirror = served("--access-log", str(log))
    server, prefix = redis.Redis.from_url(shared_queue.url), shared_queue.prefix
    server.hset(f"{prefix}:elaph:requests:workers", "ghost:1:dead", time.time() - 3600)
    server.set(f"{prefix}:elaph:requests:job", "2020-01-01T00:00:00+00:00")
    server.sadd(f"{prefix}:elaph:dupefilter", fingerprint(Request(mirror.url + "/")).hex())

    status, stderr = finish(start_worker(tmp_path / "next", mirror, postgres_url, shared_queue))
    assert status == 0, stderr[-3000:]
    assert "joined the job started 2020" not in stderr
    assert "/" in log.read_text().splitlines()
    assert_each_story_once(exported_rows(tmp_path, postgres_url), mirror)
