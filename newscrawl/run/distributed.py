"""Several crawler processes, one job: scrapy-redis's shared queue and duplicate filter,
with what a finite, restartable crawl job adds to them.

scrapy-redis shares the request queue and the request fingerprints; it has no notion of
a job that several processes finish together. This scheduler adds, in the same Redis:

- a shared job start (``<spider>:job``), so every process judges "new to this job" the
  same way, whenever it joined;
- claimed requests: a request popped from the queue is recorded, atomically with the pop,
  under the process that took it (``<spider>:claimed:<worker>``) until Scrapy has finished
  with it (downloaded, parsed, its items through the pipelines, its links queued). A
  process that dies — killed, out of memory, machine gone — stops its heartbeat
  (``<spider>:workers``); the others put its claimed requests back in the queue, so
  nothing it held is lost. A restart does the same when every process died;
- the end of the job: a process goes idle only when the queue is empty and no process
  holds a claimed request; the last one to leave clears the fingerprints and the job, so
  the next scheduled run starts a new job. A job whose workers all stopped early keeps its
  queue and claims, and the next run continues it; one with nothing left that was never
  cleared (its last worker died while leaving) is cleared by the next run's first worker.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import UTC, datetime

import redis
from scrapy import Request
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from newscrawl.archive.base import redact_password

logger = logging.getLogger(__name__)

# The scripts run inside Redis, each atomically, and read time from Redis's clock, so
# workers on machines whose clocks differ still agree on who is alive.
_NOW = """
local function now()
    local t = redis.call('TIME')
    return tonumber(t[1]) + tonumber(t[2]) / 1000000
end
"""
# Pop the best request and record it as claimed by this worker, in one step: a worker
# killed between the two would otherwise lose the request. A worker that claims is alive,
# whatever the others concluded from a late heartbeat, and its claims must be seen.
# KEYS: queue, this worker's claims, workers; ARGV: this worker.
CLAIM = _NOW + """
local best = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #best == 0 then return nil end
redis.call('ZREM', KEYS[1], best[1])
redis.call('HSET', KEYS[2], best[1], best[2])
redis.call('HSET', KEYS[3], ARGV[1], now())
return best[1]
"""
# Queue a request unless its fingerprint was seen, in one step (scrapy-redis adds the
# fingerprint, then queues: a worker killed in between would leave a link seen but never
# fetched). KEYS: fingerprints, queue; ARGV: fingerprint ("" = do not filter), score, request.
ENQUEUE = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# Heartbeat; returns the workers silent for longer than ARGV[2] seconds.
# KEYS: workers; ARGV: this worker, dead_after.
BEAT = _NOW + """
local t = now()
redis.call('HSET', KEYS[1], ARGV[1], t)
local workers, dead = redis.call('HGETALL', KEYS[1]), {}
for i = 1, #workers, 2 do
    if t - tonumber(workers[i + 1]) > tonumber(ARGV[2]) then table.insert(dead, workers[i]) end
end
return dead
"""
# Put a dead worker's claimed requests back in the queue and forget the worker, unless it
# spoke again meanwhile. Atomic, so when two survivors notice the same death only one
# requeues. KEYS: queue, the dead worker's claims, workers; ARGV: the worker, dead_after.
RECLAIM = _NOW + """
local seen = redis.call('HGET', KEYS[3], ARGV[1])
if seen and now() - tonumber(seen) <= tonumber(ARGV[2]) then return -1 end
local claimed = redis.call('HGETALL', KEYS[2])
for i = 1, #claimed, 2 do
    redis.call('ZADD', KEYS[1], claimed[i + 1], claimed[i])
end
redis.call('DEL', KEYS[2])
redis.call('HDEL', KEYS[3], ARGV[1])
return #claimed / 2
"""
# Whether the job has work anywhere: queued, or claimed by any worker.
# KEYS: queue, workers; ARGV: claimed-key prefix.
PENDING = """
if redis.call('ZCARD', KEYS[1]) > 0 then return 1 end
for _, worker in ipairs(redis.call('HKEYS', KEYS[2])) do
    if redis.call('HLEN', ARGV[1] .. worker) > 0 then return 1 end
end
return 0
"""
# Whether the job is over: nothing queued, nothing claimed, no live worker. Then its
# fingerprints, start and worker list are cleared, so the next run is a new job.
# KEYS: workers, queue, fingerprints, job; ARGV: dead_after, claimed-key prefix.
_END_IF_OVER = _NOW + """
local workers = redis.call('HGETALL', KEYS[1])
local over = redis.call('ZCARD', KEYS[2]) == 0
for i = 1, #workers, 2 do
    if now() - tonumber(workers[i + 1]) <= tonumber(ARGV[1]) then over = false end
    if redis.call('HLEN', ARGV[2] .. workers[i]) > 0 then over = false end
end
if over then redis.call('DEL', KEYS[1], KEYS[3], KEYS[4]) end
"""
# Join: a job that ended without being cleared (its last worker died while leaving) is
# over and a new one starts; otherwise join the running or interrupted one.
# ARGV[3]: this worker, ARGV[4]: the job start to use if this worker opens the job.
JOIN = _END_IF_OVER + """
redis.call('HSET', KEYS[1], ARGV[3], now())
redis.call('SET', KEYS[4], ARGV[4], 'NX')
return redis.call('GET', KEYS[4])
"""
# Leave: requeue what this worker still holds (a shutdown mid-request), then end the job
# if it is over. Returns how many requests remain queued.
LEAVE = """
local claimed = redis.call('HGETALL', ARGV[2] .. ARGV[3])
for i = 1, #claimed, 2 do
    redis.call('ZADD', KEYS[2], claimed[i + 1], claimed[i])
end
redis.call('DEL', ARGV[2] .. ARGV[3])
redis.call('HDEL', KEYS[1], ARGV[3])
""" + _END_IF_OVER + """
return redis.call('ZCARD', KEYS[2])
"""


def redis_problem(redis_url: str) -> str | None:
    """Why a worker cannot reach the shared job, in one line; None when it can."""
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=10).ping()
    except (redis.RedisError, ValueError) as error:
        return f"cannot reach the shared queue at {redact_password(redis_url)}: {error}"
    return None


POLL_INTERVAL = 0.25


class ClaimingQueue(PriorityQueue):
    """scrapy-redis's priority queue, popping into a per-worker claimed set."""

    worker_key: str = ""
    workers_key: str = ""
    worker: str = ""
    _claim = None

    def claim(self) -> tuple[Request, bytes] | tuple[None, None]:
        if self._claim is None:
            self._claim = self.server.register_script(CLAIM)  # sent once, then run by its hash
        data = self._claim(keys=[self.key, self.worker_key, self.workers_key], args=[self.worker])
        if not data:
            return None, None
        try:
            return self._decode_request(data), data
        except Exception:  # a request this code cannot rebuild (its callback renamed since)
            logger.exception("dropped a queued request that cannot be decoded")
            self.server.hdel(self.worker_key, data)
            return None, None


class SharedJobScheduler(Scheduler):
    def __init__(self, server, *, heartbeat: float = 2.0, dead_after: float = 15.0, **kwargs):
        super().__init__(server, **kwargs)
        self.heartbeat_interval = heartbeat
        self.dead_after = dead_after
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.crawler = None
        self._claimed: dict = {}  # Request -> its queue entry, until Scrapy is done with it
        self._beat = self._poll = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        base = Scheduler.from_settings(settings)
        instance = cls(base.server, persist=True, queue_key=base.queue_key, queue_cls=ClaimingQueue,
                       dupefilter=base.df, dupefilter_key=base.dupefilter_key, dupefilter_cls=base.dupefilter_cls,
                       serializer=base.serializer,
                       heartbeat=settings.getfloat("NEWSCRAWL_WORKER_HEARTBEAT"),
                       dead_after=settings.getfloat("NEWSCRAWL_WORKER_DEAD_AFTER"))
        instance.stats = crawler.stats
        instance.crawler = crawler
        return instance

    # --- keys ----------------------------------------------------------------------

    def _key(self, part: str) -> str:
        return f"{self.queue.key}:{part}"

    def _claimed_key(self, worker: str) -> str:
        return self._key(f"claimed:{worker}")

    # --- life of a worker ----------------------------------------------------------

    def _job_keys(self) -> list[str]:
        return [self._key("workers"), self.queue.key, self.df.key, self._key("job")]

    def _job_args(self) -> list:
        return [self.dead_after, self._claimed_key("")]

    def open(self, spider):
        super().open(spider)
        self.queue.worker_key = self._claimed_key(self.worker)
        self.queue.workers_key, self.queue.worker = self._key("workers"), self.worker
        self._enqueue = self.server.register_script(ENQUEUE)
        self._pending = self.server.register_script(PENDING)
        start = datetime.now(UTC).replace(microsecond=0).isoformat()
        job = self.server.eval(JOIN, 4, *self._job_keys(), *self._job_args(), self.worker, start)
        spider.job_started = datetime.fromisoformat(job.decode())
        logger.info("worker %s joined the job started %s (%d workers, %d requests queued)", self.worker,
                    spider.job_started.isoformat(), self.server.hlen(self._key("workers")), len(self.queue))
        self._beat = task.LoopingCall(self._beat_once)
        self._beat.start(self.heartbeat_interval, now=False)
        self._poll = task.LoopingCall(self._wake_if_queued)
        self._poll.start(POLL_INTERVAL, now=False)

    def _wake_if_queued(self) -> None:
        # Scrapy's engine asks an empty scheduler again only every 5 s; requests the other
        # workers queue meanwhile would wait for it, or be taken by the worker that found them.
        slot = self.crawler.engine._slot if self.crawler.engine else None
        try:
            if slot is not None and self.server.zcard(self.queue.key):
                slot.nextcall.schedule()
        except redis.RedisError as error:  # a looping call stops at its first exception
            logger.warning("shared queue unreachable: %s", error)

    def _beat_once(self) -> None:
        try:
            self._beat_and_look_around()
        except redis.RedisError as error:  # the others will take this worker for dead meanwhile
            logger.warning("shared queue unreachable, heartbeat missed: %s", error)

    def _beat_and_look_around(self) -> None:
        for worker in self.server.eval(BEAT, 1, self._key("workers"), self.worker, self.dead_after):
            worker = worker.decode() if isinstance(worker, bytes) else worker
            requeued = self.server.eval(RECLAIM, 3, self.queue.key, self._claimed_key(worker),
                                        self._key("workers"), worker, self.dead_after)
            if requeued >= 0:
                logger.warning("worker %s stopped answering; put its %d requests back in the queue",
                               worker, requeued)
                self.stats.inc_value("newscrawl/distributed/requeued", requeued)

    def close(self, reason: str) -> None:
        for loop in (self._beat, self._poll):
            if loop and loop.running:
                loop.stop()
        self._release_finished()
        queued = self.server.eval(LEAVE, 4, *self._job_keys(), *self._job_args(), self.worker)
        if not self.server.exists(self._key("job")):
            logger.info("the job is done: cleared its request fingerprints for the next run")
        elif queued:
            logger.info("left the job with %d requests queued for the other workers or the next run", queued)

    # --- requests ------------------------------------------------------------------

    def _release_finished(self) -> None:
        """Forget the claims of requests Scrapy has finished with: downloaded, parsed,
        their items through the pipelines and their links queued (the engine holds a
        request in progress until all of that is done)."""
        engine = self.crawler.engine
        in_progress = engine._slot.inprogress if engine and engine._slot else set()
        finished = [request for request in self._claimed if request not in in_progress]
        if finished:
            self.server.hdel(self.queue.worker_key, *(self._claimed.pop(r) for r in finished))

    def next_request(self) -> Request | None:
        self._release_finished()
        request, data = self.queue.claim()
        if request is None:
            return None
        self._claimed[request] = data
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def enqueue_request(self, request: Request) -> bool:
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        if not self._enqueue(keys=[self.df.key, self.queue.key],
                             args=[fingerprint, -request.priority, self.queue._encode_request(request)]):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def has_pending_requests(self) -> bool:
        """True while this job has work anywhere: queued, or claimed by any worker (whose
        requests may still add to the queue). So a worker stays until the whole job is
        done, picking up what the others find."""
        self._release_finished()
        return bool(self._pending(keys=[self.queue.key, self._key("workers")], args=[self._claimed_key("")]))
