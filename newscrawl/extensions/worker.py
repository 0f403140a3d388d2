"""StoryWorker: the crawl's per-story functions run in a process of their own.

The spider's article callback and the pipelines call ``await run(crawler, function,
*args)``. With the extension on (NEWSCRAWL_STORY_WORKER, on wherever the crawl may use
a second core), the call goes to one child process (newscrawl.worker) over a pipe; without it,
the function runs right there in the crawl's process. Either way it is the same function
on the same arguments, so the output is the same.

Why a process: Scrapy fetches in one thread, and over an unthrottled crawl that thread
spent over a third of its time reading pages and cleaning and archiving stories while
the second core sat mostly idle. A thread would not help: these functions hold the GIL
(BENCHMARKS.md: a store thread was tried, and was slower).

Calls are answered in the order they are made. If the worker dies (killed, out of memory),
the calls it had not answered are made once more in a new one, started for them: the
functions are pure or, for the archive, decide from what is committed, so a repeat
changes nothing. A call that kills a second worker too fails (its page or story is
logged as an error, and the next run fetches it again). One case is left: a story whose
archive transaction committed just before the worker died is answered on the repeat as
a duplicate of itself, so it is in the archive but not in this run's export
(`scrapy export` has it).

A call that runs longer than NEWSCRAWL_STORY_WORKER_TIMEOUT seconds (a page that sends
a parser into a loop, an archive lock that never comes) would hold up every call after
it, and an unattended crawl with it, so the worker running it is killed: that call fails
and is not repeated (its page is fetched again by the next run), and the calls after it
go to a new worker. In the crawl's own process (no worker) there is no such limit.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections import deque
from contextlib import suppress

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import error, protocol
from twisted.internet.defer import Deferred
from twisted.internet.task import LoopingCall

from newscrawl.worker import RESULTS_FD, frame, unframe

logger = logging.getLogger(__name__)

# The child searches for modules where the crawl does (as multiprocessing's spawn does),
# whatever its working directory holds: the same newscrawl, wherever the crawl runs from.
_BOOTSTRAP = ("import json, os, sys; sys.path[:] = json.loads(os.environ['NEWSCRAWL_WORKER_PATH']); "
              "from newscrawl.worker import main; main()")


class StoryWorkerError(Exception):
    """A function raised in the worker; the message is its traceback there."""


class StoryWorkerDied(Exception):
    """The worker exited before answering."""


class StoryWorkerTimedOut(StoryWorkerError):
    """The call ran longer than the timeout, and the worker running it was killed."""


class _Channel(protocol.ProcessProtocol):
    def __init__(self, worker: StoryWorker):
        self.worker = worker
        self.buffer = bytearray()

    def childDataReceived(self, childFD, data):  # noqa: N802 - Twisted's name
        if childFD == RESULTS_FD:
            self.buffer += data
            for ok, value in unframe(self.buffer):
                self.worker.answered(ok, value)

    def processEnded(self, reason):  # noqa: N802 - Twisted's name
        self.worker.ended(self, reason.value)


class StoryWorker:
    def __init__(self, stats=None, timeout: float = 0):
        self.stats = stats
        self.timeout = timeout  # seconds a call may run; 0: no limit
        self.channel: _Channel | None = None
        # (Deferred, function) per call not yet answered, in call order. The worker runs
        # them one at a time, so the first one has been running since `head_since`.
        self.waiting: deque[tuple[Deferred, object]] = deque()
        self.head_since = 0.0
        self.overdue: Deferred | None = None  # the call the worker was killed for
        self.watchdog: LoopingCall | None = None
        self.closed: Deferred | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSCRAWL_STORY_WORKER"):
            raise NotConfigured
        worker = cls(crawler.stats, crawler.settings.getfloat("NEWSCRAWL_STORY_WORKER_TIMEOUT"))
        # spider_closed comes after the pipelines' close_spider: the worker is needed to the end.
        crawler.signals.connect(worker.close, signal=signals.spider_closed)
        return worker

    def call(self, function, *args) -> Deferred:
        """The Deferred result of function(*args) in the worker; ``function`` must be
        importable by name, and arguments and result picklable."""
        message = frame((function, args))
        if self.channel is None:
            self._start()
        waiting = Deferred()
        if not self.waiting:
            self.head_since = time.monotonic()
        self.waiting.append((waiting, function))
        self.channel.transport.write(message)
        return waiting

    def _start(self) -> None:
        from twisted.internet import reactor

        self.channel = _Channel(self)
        reactor.spawnProcess(self.channel, sys.executable, [sys.executable, "-c", _BOOTSTRAP],
                             env={**os.environ, "NEWSCRAWL_WORKER_PATH": json.dumps(sys.path)}, path=os.getcwd(),
                             childFDs={0: "w", 1: 1, 2: 2, RESULTS_FD: "r"})
        if self.stats:
            self.stats.inc_value("newscrawl/worker/started")
        if self.timeout and self.watchdog is None:
            self.watchdog = LoopingCall(self._check_overdue)
            self.watchdog.start(min(1.0, self.timeout / 2), now=False)

    def _check_overdue(self) -> None:
        if self.channel is None or not self.waiting or self.overdue is not None:
            return
        if time.monotonic() - self.head_since > self.timeout:
            self.overdue, function = self.waiting[0]
            logger.error("%s ran for more than %g s in the story worker (NEWSCRAWL_STORY_WORKER_TIMEOUT): the worker "
                         "is killed, that call fails, and the calls after it go to a new worker",
                         _name(function), self.timeout)
            if self.stats:
                self.stats.inc_value("newscrawl/worker/timed_out")
            with suppress(error.ProcessExitedAlready):  # it ended meanwhile; ended() has it
                self.channel.transport.signalProcess("KILL")

    def answered(self, ok: bool, value) -> None:
        waiting, _ = self.waiting.popleft()
        self.head_since = time.monotonic()
        if ok:
            waiting.callback(value)
        else:
            waiting.errback(StoryWorkerError(value))

    def ended(self, channel: _Channel, why: Exception) -> None:
        if channel is self.channel:
            self.channel = None
        unanswered, self.waiting = self.waiting, deque()
        overdue, self.overdue = self.overdue, None
        others = [waiting for waiting, _ in unanswered if waiting is not overdue]
        if (overdue is None and self.closed is None) or others:
            logger.error("the story worker exited (%s) with %d calls unanswered; they are made again in a new one",
                         why, len(others))
            if self.stats:
                self.stats.inc_value("newscrawl/worker/died")
        for waiting, function in unanswered:
            if waiting is overdue:
                waiting.errback(StoryWorkerTimedOut(f"{_name(function)} ran for more than {self.timeout:g} s"))
            else:
                waiting.errback(StoryWorkerDied(f"the story worker exited before answering ({why})"))
        if self.closed is not None and not self.closed.called:
            self.closed.callback(None)

    async def run(self, function, *args):
        """function(*args) in the worker, made once more in a new worker if this one dies first."""
        try:
            return await maybe_deferred_to_future(self.call(function, *args))
        except StoryWorkerDied:
            if self.stats:
                self.stats.inc_value("newscrawl/worker/repeated_calls")
            return await maybe_deferred_to_future(self.call(function, *args))

    async def close(self) -> None:
        """Close the worker's stdin and wait for it to exit (it finishes what it holds)."""
        if self.channel is not None:
            self.closed = Deferred()
            self.channel.transport.closeStdin()
            # The watchdog keeps running meanwhile: a call stuck now must not hold the close.
            await maybe_deferred_to_future(self.closed)
        if self.watchdog is not None and self.watchdog.running:
            self.watchdog.stop()


def _name(function) -> str:
    return getattr(function, "__qualname__", repr(function))


async def run(crawler, function, *args):
    """function(*args), in the story worker if the crawl has one, else right here."""
    worker = crawler.get_extension(StoryWorker)
    if worker is None:
        return function(*args)
    return await worker.run(function, *args)
