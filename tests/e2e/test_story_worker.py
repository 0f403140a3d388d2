"""The story worker (newscrawl.extensions.worker): the same stories whether it runs or not,
and none lost or doubled when it dies or the terminal's Ctrl-C reaches it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO, assert_each_story_once, crawl_command, run_crawl, scrapy_env

ON, OFF = ("-s", "NEWSCRAWL_STORY_WORKER=True"), ("-s", "NEWSCRAWL_STORY_WORKER=False")


def archived_urls(workdir: Path) -> list[str]:
    db = sqlite3.connect(workdir / "archive" / "newscrawl.sqlite3")
    try:
        return [row[0] for row in db.execute("SELECT url FROM articles")]
    except sqlite3.OperationalError:  # the crawl has not made its tables yet
        return []
    finally:
        db.close()


def workers_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"newscrawl.worker" in command:
            found.append(int(entry.name))
    return found


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def stories(rows: list[dict]) -> set[frozenset[str]]:
    """The URLs of each story (the versions that share a story id)."""
    by_id: dict[int, set[str]] = {}
    for row in rows:
        by_id.setdefault(row["story_id"], set()).add(row["url"])
    return {frozenset(urls) for urls in by_id.values()}


def test_the_same_rows_with_and_without_the_worker(mirror, tmp_path):
    rows = {}
    for name, setting in (("on", ON), ("off", OFF)):
        (tmp_path / name).mkdir()
        result = run_crawl(tmp_path / name, "-a", f"base_url={mirror.url}", *setting)
        assert result.returncode == 0, result.stderr[-3000:]
        assert ("'newscrawl/worker/started': 1" in result.stderr) == (name == "on")
        rows[name] = sorted(result.rows(), key=lambda row: row["url"])
    assert len(rows["on"]) == len(mirror.story_groups())
    # Story ids are numbered in the order stories reach the archive, which differs.
    assert [dict(row, crawled_at=None, story_id=None) for row in rows["on"]] == \
        [dict(row, crawled_at=None, story_id=None) for row in rows["off"]]
    assert stories(rows["on"]) == stories(rows["off"]) and len(stories(rows["on"])) < len(rows["on"])


def test_a_killed_worker_is_replaced_and_no_story_is_lost_or_doubled(served, tmp_path):
    mirror = served("--delay", "0.05")
    crawl = subprocess.Popen(crawl_command("elaph", "-a", f"base_url={mirror.url}", *ON), cwd=tmp_path,
                             env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    database = tmp_path / "archive" / "newscrawl.sqlite3"
    assert wait_for(lambda: database.exists() and len(archived_urls(tmp_path)) >= 20 and workers_of(crawl.pid))
    first, = workers_of(crawl.pid)
    os.kill(first, signal.SIGKILL)
    _, stderr = crawl.communicate(timeout=300)
    assert "the story worker exited" in stderr
    assert "'newscrawl/worker/started': 2" in stderr and "'newscrawl/worker/died': 1" in stderr
    once = archived_urls(tmp_path)
    assert len(once) == len(set(once)) > 20

    again = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", *ON)
    assert again.returncode == 0, again.stderr[-3000:]
    urls = archived_urls(tmp_path)
    assert len(urls) == len(set(urls)) == len(mirror.story_groups())
    assert_each_story_once([{"url": u} for u in urls], mirror)


def test_ctrl_c_on_the_terminal_lets_the_worker_finish_what_it_holds(served, tmp_path):
    """A terminal's Ctrl-C goes to the whole process group: the crawl stops gracefully
    and the worker, which ignores it, answers every story in flight."""
    mirror = served("--delay", "0.05")
    jobdir = tmp_path / "job"
    args = crawl_command("elaph", "-a", f"base_url={mirror.url}", "-s", f"JOBDIR={jobdir}", *ON)
    crawl = subprocess.Popen(args, cwd=tmp_path, env=scrapy_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    database = tmp_path / "archive" / "newscrawl.sqlite3"
    assert wait_for(lambda: database.exists() and len(archived_urls(tmp_path)) >= 20)
    os.killpg(crawl.pid, signal.SIGINT)
    _, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == 3, stderr[-2000:]  # finish reason "shutdown"
    assert "the story worker exited" not in stderr and "Traceback" not in stderr, stderr[-3000:]

    resumed = subprocess.run(args, cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    urls = archived_urls(tmp_path)
    assert len(urls) == len(set(urls)) == len(mirror.story_groups())


CLIENT = """
import json, operator, os
from twisted.internet import asyncioreactor
asyncioreactor.install()
from twisted.internet import defer, reactor
from newscrawl.extensions.worker import StoryWorker, StoryWorkerDied, StoryWorkerError

async def calls(worker):
    seen = {"sum": await defer.Deferred.fromCoroutine(_wait(worker.call(operator.add, 2, 3)))}
    for name, function, args in (("error", operator.truediv, (1, 0)), ("death", os._exit, (9,))):
        try:
            await worker.call(function, *args)
        except (StoryWorkerError, StoryWorkerDied) as error:
            seen[name] = [type(error).__name__, str(error)]
    seen["after"] = await worker.call(operator.mul, 6, 7)
    await defer.Deferred.fromFuture(__import__("asyncio").ensure_future(worker.close()))
    seen["open"] = worker.channel is not None
    return seen

async def _wait(d):
    return await d

def main():
    worker = StoryWorker()
    d = defer.Deferred.fromCoroutine(calls(worker))
    d.addBoth(lambda result: (print(json.dumps(result if isinstance(result, dict) else repr(result))), reactor.stop()))
reactor.callWhenRunning(main)
reactor.run()
"""


def test_calls_errors_and_a_dead_worker_through_a_real_reactor():
    done = subprocess.run([sys.executable, "-c", CLIENT], cwd=REPO, capture_output=True, text=True, timeout=60)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["sum"] == 5 and seen["after"] == 42 and seen["open"] is False, seen
    assert seen["error"][0] == "StoryWorkerError" and "ZeroDivisionError" in seen["error"][1]
    assert seen["death"][0] == "StoryWorkerDied" and "exit code 9" in seen["death"][1]
    assert "the story worker exited" in done.stderr or done.stderr == ""
