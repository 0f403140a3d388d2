"""newscrawl's own settings, checked before a crawl starts: a typo in `-s` must stop the
run with one line, not a traceback halfway through."""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from newscrawl.run.addons import distributed_redis_url

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

FLOATS = ("NEWSCRAWL_DEDUP_WINDOW_DAYS", "NEWSCRAWL_MAX_ERROR_RATE", "NEWSCRAWL_MAX_BLOCKED_SHARE",
          "NEWSCRAWL_RETRY_BACKOFF_BASE", "NEWSCRAWL_RETRY_BACKOFF_MAX", "NEWSCRAWL_PROGRESS_INTERVAL",
          "NEWSCRAWL_WORKER_HEARTBEAT", "NEWSCRAWL_WORKER_DEAD_AFTER")
INTS = ("NEWSCRAWL_MIN_BODY_WORDS", "NEWSCRAWL_GIVE_UP_AFTER_FAILURES", "NEWSCRAWL_LISTINGS_AHEAD_BELOW",
        "NEWSCRAWL_FURNITURE_MIN_STORIES", "NEWSCRAWL_WARC_MAX_BYTES")
BOOLS = ("NEWSCRAWL_CSV_NEUTRALISE", "NEWSCRAWL_WARC")


def known_settings() -> set[str]:
    from newscrawl import settings as defaults

    return {name for name in vars(defaults) if name.startswith("NEWSCRAWL_")}


def settings_problem(settings: BaseSettings) -> str | None:
    """The first setting newscrawl cannot run with, described in one line; None if all are fine."""
    known = known_settings()
    for name in sorted(name for name in settings if name.startswith("NEWSCRAWL_") and name not in known):
        close = difflib.get_close_matches(name, known, n=1)
        return f"unknown setting {name}" + (f": did you mean {close[0]}?" if close else
                                            " (newscrawl's settings are listed in docs/settings.md)")
    for name in FLOATS:
        try:
            if settings.getfloat(name) < 0:
                return f"setting {name}={settings.get(name)}: expected a number, 0 or more"
        except (TypeError, ValueError):
            return f"setting {name}={settings.get(name)}: expected a number, 0 or more"
    for name in INTS:
        try:
            settings.getint(name)
        except (TypeError, ValueError):
            return f"setting {name}={settings.get(name)}: expected a whole number"
    min_stories = settings.getint("NEWSCRAWL_FURNITURE_MIN_STORIES")
    if min_stories == 1 or min_stories < 0:
        return (f"setting NEWSCRAWL_FURNITURE_MIN_STORIES={settings.get('NEWSCRAWL_FURNITURE_MIN_STORIES')}: "
                "expected 0 (off) or 2 or more (on one story, every paragraph would be furniture)")
    for name in BOOLS:
        try:
            settings.getbool(name)
        except (TypeError, ValueError):
            return f"setting {name}={settings.get(name)}: expected True or False (1 or 0)"
    try:
        coverage = settings.getdict("NEWSCRAWL_MIN_FIELD_COVERAGE")
        if not all(0 <= float(v) <= 1 for v in coverage.values()):
            raise ValueError
    except (TypeError, ValueError):
        return (f"setting NEWSCRAWL_MIN_FIELD_COVERAGE={settings.get('NEWSCRAWL_MIN_FIELD_COVERAGE')}: expected "
                'JSON such as {"headline": 0.95, "body": 0.9, "published": 0.9}')
    if settings.get("NEWSCRAWL_IMPERSONATE"):
        try:
            import scrapy_impersonate  # noqa: F401, PLC0415 - optional dependency
        except ImportError:
            return (f"setting NEWSCRAWL_IMPERSONATE={settings.get('NEWSCRAWL_IMPERSONATE')}: needs scrapy-impersonate "
                    "(pip install scrapy-impersonate)")
    if distributed_redis_url(settings) and not \
            (settings.get("NEWSCRAWL_ARCHIVE_URL") or "").startswith(("postgresql://", "postgres://")):
        return ("distributed mode (NEWSCRAWL_REDIS_URL) needs an archive every worker can write: "
                "set NEWSCRAWL_ARCHIVE_URL=postgresql://…")
    heartbeat = settings.getfloat("NEWSCRAWL_WORKER_HEARTBEAT")
    dead_after = settings.getfloat("NEWSCRAWL_WORKER_DEAD_AFTER")
    if not 0 < heartbeat < dead_after:
        return (f"settings NEWSCRAWL_WORKER_HEARTBEAT={heartbeat:g} and NEWSCRAWL_WORKER_DEAD_AFTER={dead_after:g}: "
                "expected a heartbeat above 0 and a longer silence before a worker counts as dead")
    if settings.get("NEWSCRAWL_PROGRESS") not in ("auto", "on", "off"):
        return f"setting NEWSCRAWL_PROGRESS={settings.get('NEWSCRAWL_PROGRESS')}: expected auto, on or off"
    return None


def output_dirs(settings: BaseSettings, spider: str) -> list[Path]:
    """The local directories a run of ``spider`` writes its exports and summary to."""
    from newscrawl.archive import data_dir

    params = {"name": spider, "run": "run", "time": "time", "batch_id": 1, "batch_time": "time",
              "data_dir": str(data_dir(settings))}
    uris = [*settings.getdict("FEEDS"), *settings.getdict("NEWSCRAWL_RUN_EXPORTS"),
            settings.get("NEWSCRAWL_SUMMARY_PATH") or ""]
    dirs = []
    for uri in uris:
        if not uri or ("://" in uri and not uri.startswith("file://")):
            continue
        try:
            path = Path(uri.removeprefix("file://") % params)
        except (KeyError, ValueError, TypeError):
            continue
        dirs.append(path.parent)
    return list(dict.fromkeys(dirs))


def unwritable(directory: Path) -> str | None:
    """Why nothing can be written in ``directory`` (created if missing), or None."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".newscrawl-write-check.", dir=directory)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        return f"{error.strerror or error}"
    return None
