"""Real Redis and PostgreSQL servers for the distributed tests (scripts/local-servers
starts them; .ci/run runs it). Where a server is not reachable the tests that need it
are skipped, saying which server and how to start it — never run against a stand-in.
Under CI=true they fail instead: a skipped test proves nothing."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

import psycopg
import pytest
import redis

from tests.conftest import missing

POSTGRES_URL = os.environ.get("NEWSCRAWL_TEST_POSTGRES_URL", "postgresql://newscrawl:newscrawl@127.0.0.1:5432/newscrawl")
REDIS_URL = os.environ.get("NEWSCRAWL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
HOW = "start the servers with scripts/local-servers (as .ci/run does)"


def _postgres_problem() -> str | None:
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL not reachable at {POSTGRES_URL} ({str(error).strip().splitlines()[0]}); {HOW}"
    return None


def _redis_problem() -> str | None:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        return f"Redis not reachable at {REDIS_URL} ({error}); {HOW}"
    return None


@pytest.fixture
def postgres_url():
    """A new, empty database on the test server for one test, dropped afterwards."""
    problem = _postgres_problem()
    if problem:
        missing(problem)
    name = f"newscrawl_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield urlsplit(POSTGRES_URL)._replace(path=f"/{name}").geturl()
    with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@dataclass
class SharedQueue:
    """The test Redis and key names of this test's own, so test runs sharing a server
    (a developer's and CI's, say) never take each other's requests."""
    url: str
    prefix: str

    @property
    def settings(self) -> list[str]:
        return ["-s", f"NEWSCRAWL_REDIS_URL={self.url}",
                "-s", f"SCHEDULER_QUEUE_KEY={self.prefix}:%(spider)s:requests",
                "-s", f"SCHEDULER_DUPEFILTER_KEY={self.prefix}:%(spider)s:dupefilter"]

    def keys(self) -> list[bytes]:
        return redis.Redis.from_url(self.url).keys(f"{self.prefix}:*")


@pytest.fixture
def shared_queue():
    problem = _redis_problem()
    if problem:
        missing(problem)
    queue = SharedQueue(REDIS_URL, f"newscrawl-test-{uuid.uuid4().hex[:12]}")
    yield queue
    keys = queue.keys()
    if keys:
        redis.Redis.from_url(REDIS_URL).delete(*keys)
