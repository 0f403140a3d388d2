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
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections import deque

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import protocol
from twisted.internet.defer import Deferred

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
    def __init__(self, stats=None):
        self.stats = stats
        self.channel: _Channel | None = None
        self.waiting: deque[Deferred] = deque()  # one per call not yet answered, in call order
        self.closed: Deferred | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSCRAWL_STORY_WORKER"):
            raise NotConfigured
        worker = cls(crawler.stats)
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
        self.waiting.append(waiting)
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

    def answered(self, ok: bool, value) -> None:
        waiting = self.waiting.popleft()
        if ok:
            waiting.callback(value)
        else:
            waiting.errback(StoryWorkerError(value))

    def ended(self, channel: _Channel, why: Exception) -> None:
        if channel is self.channel:
            self.channel = None
        unanswered, self.waiting = self.waiting, deque()
        if self.closed is None or unanswered:
            logger.error("the story worker exited (%s) with %d calls unanswered; they are made again in a new one",
                         why, len(unanswered))
            if self.stats:
                self.stats.inc_value("newscrawl/worker/died")
        for waiting in unanswered:
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
        if self.channel is None:
            return
        self.closed = Deferred()
        self.channel.transport.closeStdin()
        await maybe_deferred_to_future(self.closed)


async def run(crawler, function, *args):
    """function(*args), in the story worker if the crawl has one, else right here."""
    worker = crawler.get_extension(StoryWorker)
    if worker is None:
        return function(*args)
    return await worker.run(function, *args)
