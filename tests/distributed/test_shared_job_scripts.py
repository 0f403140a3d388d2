"""The shared job's Redis scripts, run on the real Redis: each step a worker takes is
atomic and judged by Redis's clock."""

from __future__ import annotations

import redis

from newscrawl.run.distributed import CLAIM, ENQUEUE, PENDING, RECLAIM


def keys(prefix: str) -> dict[str, str]:
    base = f"{prefix}:elaph:requests"
    return {"queue": base, "workers": f"{base}:workers", "claims": f"{base}:claimed:", "seen": f"{prefix}:seen"}


def test_a_link_is_queued_once_unless_it_asks_not_to_be_filtered(shared_queue):
    server, k = redis.Redis.from_url(shared_queue.url), keys(shared_queue.prefix)
    assert server.eval(ENQUEUE, 2, k["seen"], k["queue"], "fp1", -10, b"request-1") == 1
    assert server.eval(ENQUEUE, 2, k["seen"], k["queue"], "fp1", -10, b"request-1-again") == 0
    assert server.eval(ENQUEUE, 2, k["seen"], k["queue"], "", 0, b"retry") == 1
    assert server.zrange(k["queue"], 0, -1) == [b"request-1", b"retry"]  # best (highest priority) first
    assert server.smembers(k["seen"]) == {b"fp1"}


def test_a_claim_moves_the_request_and_proves_the_worker_alive(shared_queue):
    server, k = redis.Redis.from_url(shared_queue.url), keys(shared_queue.prefix)
    server.zadd(k["queue"], {b"a": -10, b"b": 0})
    server.hset(k["workers"], "w1", 0)  # its last heartbeat: long ago
    assert server.eval(CLAIM, 3, k["queue"], k["claims"] + "w1", k["workers"], "w1") == b"a"
    assert server.hgetall(k["claims"] + "w1") == {b"a": b"-10"} and server.zrange(k["queue"], 0, -1) == [b"b"]
    assert float(server.hget(k["workers"], "w1")) > server.time()[0] - 5
    # Another worker finds it alive again, so its claims stay its own.
    assert server.eval(RECLAIM, 3, k["queue"], k["claims"] + "w1", k["workers"], "w1", 15) == -1
    assert server.eval(PENDING, 2, k["queue"], k["workers"], k["claims"]) == 1


def test_a_silent_workers_claims_go_back_to_the_queue_once(shared_queue):
    server, k = redis.Redis.from_url(shared_queue.url), keys(shared_queue.prefix)
    server.hset(k["claims"] + "w2", mapping={b"x": -10, b"y": 0})
    server.hset(k["workers"], "w2", server.time()[0] - 60)
    assert server.eval(RECLAIM, 3, k["queue"], k["claims"] + "w2", k["workers"], "w2", 15) == 2
    assert server.eval(RECLAIM, 3, k["queue"], k["claims"] + "w2", k["workers"], "w2", 15) == 0
    assert server.zrange(k["queue"], 0, -1, withscores=True) == [(b"x", -10.0), (b"y", 0.0)]
    assert not server.hexists(k["workers"], "w2")
    server.delete(k["queue"])
    assert server.eval(PENDING, 2, k["queue"], k["workers"], k["claims"]) == 0
