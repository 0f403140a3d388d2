"""The story worker (newscrawl.extensions.worker): the same stories whether it runs or not,
and none lost or doubled when it dies or the terminal's Ctrl-C reaches it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO, archived_urls, assert_each_story_once, crawl_command, run_crawl, scrapy_env

ON, OFF = ("-s", "NEWSCRAWL_STORY_WORKER=True"), ("-s", "NEWSCRAWL_STORY_WORKER=False")


def exported_urls(workdir: Path) -> list[str]:
    """Every URL in every run's JSON Lines export."""
    return [json.loads(line)["url"] for export in sorted((workdir / "archive/elaph").glob("*.jsonl"))
            for line in export.read_text(encoding="utf-8").splitlines()]


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
    groups = mirror.story_groups()
    group_of = {path: n for n, group in enumerate(groups) for path in group}
    copies = {path for group in groups if len(group) > 1 for path in group}
    rows, exported = {}, {}
    for name, setting in (("on", ON), ("off", OFF)):
        (tmp_path / name).mkdir()
        result = run_crawl(tmp_path / name, "-a", f"base_url={mirror.url}", *setting)
        assert result.returncode == 0, result.stderr[-3000:]
        assert ("'newscrawl/worker/started': 1" in result.stderr) == (name == "on")
        exported[name] = result.rows()
        assert_each_story_once(exported[name], mirror)
        # Story ids are numbered in arrival order, which varies from run to run.
        rows[name] = {row["url"].removeprefix(mirror.url): dict(row, crawled_at=None, story_id=None)
                      for row in exported[name]}
    on, off = rows["on"], rows["off"]
    # A story with copies is archived from whichever copy arrives first.
    assert on.keys() ^ off.keys() <= copies
    differing = {path: {field: (on[path][field], off[path][field]) for field in on[path]
                        if on[path][field] != off[path][field]}
                 for path in on.keys() & off.keys() if on[path] != off[path]}
    assert not differing
    # The same stories grouped as follow-ups, whichever copy stands for a story.
    grouped = {name: {frozenset(group_of[url.removeprefix(mirror.url)] for url in story)
                      for story in stories(exported[name])} for name in exported}
    assert grouped["on"] == grouped["off"] and len(grouped["on"]) < len(on)


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
    first_export = exported_urls(tmp_path)
    assert len(first_export) == len(set(first_export)) and set(first_export) <= set(archived_urls(tmp_path))

    again = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", *ON)
    assert again.returncode == 0, again.stderr[-3000:]
    urls = archived_urls(tmp_path)
    assert len(urls) == len(mirror.story_groups())
    assert_each_story_once([{"url": u} for u in urls], mirror)
    # Exported once: the two runs' exports together hold no URL twice.
    both = exported_urls(tmp_path)
    assert len(both) == len(set(both)) >= len(first_export)


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
    assert len(archived_urls(tmp_path)) == len(mirror.story_groups())


CLIENT = """
import asyncio, json, operator, os, sys
from twisted.internet import asyncioreactor
asyncioreactor.install()
from twisted.internet import defer, reactor
from scrapy.utils.defer import maybe_deferred_to_future
from newscrawl.extensions.worker import StoryWorker, StoryWorkerDied, StoryWorkerError
from tests.e2e.worker_calls import exit_the_first_time

async def failure(call):
    try:
        await call
    except (StoryWorkerError, StoryWorkerDied) as error:
        return [type(error).__name__, str(error)]

async def calls(worker):
    def call(*args):
        return maybe_deferred_to_future(worker.call(*args))
    seen = {"sum": await call(operator.add, 2, 3)}
    seen["error"] = await failure(call(operator.truediv, 1, 0))
    seen["death"] = await failure(call(os._exit, 9))
    seen["after"] = await call(operator.mul, 6, 7)
    seen["repeated"] = await worker.run(exit_the_first_time, sys.argv[1])
    seen["twice"] = await failure(worker.run(os._exit, 9))
    await worker.close()
    seen["open"] = worker.channel is not None
    return seen

def main():
    d = defer.Deferred.fromFuture(asyncio.ensure_future(calls(StoryWorker())))
    d.addBoth(lambda result: (print(json.dumps(result if isinstance(result, dict) else repr(result))), reactor.stop()))
reactor.callWhenRunning(main)
reactor.run()
"""


def test_calls_errors_and_dead_workers_through_a_real_reactor(tmp_path):
    done = subprocess.run([sys.executable, "-c", CLIENT, str(tmp_path / "marker")], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["sum"] == 5 and seen["after"] == 42 and seen["open"] is False, seen
    assert seen["error"][0] == "StoryWorkerError" and "ZeroDivisionError" in seen["error"][1]
    assert seen["death"][0] == "StoryWorkerDied" and "exit code 9" in seen["death"][1]
    # run() makes a call once more in a new worker; a call that kills that one too fails.
    assert seen["repeated"] == "answered by the second worker"
    assert seen["twice"][0] == "StoryWorkerDied"
    assert done.stderr.count("the story worker exited") == 4, done.stderr


TIMEOUT_CLIENT = """
import asyncio, json, operator, time
from twisted.internet import asyncioreactor
asyncioreactor.install()
from twisted.internet import defer, reactor
from newscrawl.extensions.worker import StoryWorker, StoryWorkerTimedOut

async def calls(worker):
    started = time.monotonic()
    stuck = asyncio.ensure_future(worker.run(time.sleep, 600))
    queued = asyncio.ensure_future(worker.run(operator.add, 2, 3))
    seen = {}
    try:
        await stuck
    except StoryWorkerTimedOut as error:
        seen["stuck"] = str(error)
    seen["queued"] = await queued
    seen["seconds"] = time.monotonic() - started
    seen["later"] = await worker.run(operator.mul, 6, 7)
    await worker.close()
    seen["watching"] = worker.watchdog.running
    return seen

def main():
    d = defer.Deferred.fromFuture(asyncio.ensure_future(calls(StoryWorker(timeout=1.0))))
    d.addBoth(lambda result: (print(json.dumps(result if isinstance(result, dict) else repr(result))), reactor.stop()))
reactor.callWhenRunning(main)
reactor.run()
"""


def test_a_call_over_the_timeout_fails_alone_and_the_calls_after_it_go_to_a_new_worker():
    done = subprocess.run([sys.executable, "-c", TIMEOUT_CLIENT], cwd=REPO, capture_output=True, text=True, timeout=60)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen.get("stuck") == "sleep ran for more than 1 s", (seen, done.stderr[-3000:])
    assert seen["queued"] == 5 and seen["later"] == 42 and seen["watching"] is False, seen
    # Killed after about a second, not repeated: a repeat would time out once more.
    assert seen["seconds"] < 10, seen
    assert done.stderr.count("ran for more than 1 s in the story worker") == 1, done.stderr
    assert done.stderr.count("the story worker exited") == 1, done.stderr  # the queued call, made again
