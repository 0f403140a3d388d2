"""What a finished run did, and whether it failed — computed from the crawl's stats.

Pure: ``summarise`` takes a stats dict and thresholds and returns the run summary that
the RunMonitor extension writes next to the exports. The exit statuses of `scrapy crawl`
are the constants below (README: "Exit statuses").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from newscrawl.fetch.frontier import INTERRUPTED, is_complete

EXIT_OK = 0
EXIT_BAD_ARGUMENTS = 2
EXIT_RUN_FAILED = 3
EXIT_ARCHIVE_UNUSABLE = 4
EXIT_OUTPUT_UNWRITABLE = 5
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the lock; try again later

COVERED_FIELDS = ("headline", "body", "published")


def _prefixed(stats: Mapping, prefix: str) -> dict[str, int]:
    return {k.removeprefix(prefix): v for k, v in stats.items() if k.startswith(prefix)}


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def errors_by_kind(stats: Mapping) -> dict[str, int]:
    # IgnoreRequest is policy (robots.txt, another site), not a failure; BlockedPage is.
    errors = {f"download: {k.rsplit('.', 1)[-1]}": v
              for k, v in _prefixed(stats, "downloader/exception_type_count/").items()
              if not k.endswith(".IgnoreRequest")}
    robots = _prefixed(stats, "robotstxt/response_status_count/")
    for status, count in _prefixed(stats, "downloader/response_status_count/").items():
        count -= robots.get(status, 0) if status == "404" else 0
        if status.isdigit() and int(status) >= 400 and count > 0:
            errors[f"http {status}"] = count
    errors.update({f"spider: {k}": v for k, v in _prefixed(stats, "spider_exceptions/").items() if "/" not in k})
    return errors


UNREACHABLE_LISTED = 1000


def walks(stats: Mapping) -> dict[str, dict]:
    """Per listing stream walked this run (newscrawl.fetch.frontier): its pages, how its walk
    ended, and whether the listing is now covered to its end."""
    found: dict[str, dict] = {}
    for key, value in stats.items():
        if key.startswith("newscrawl/walk/"):
            stream, field = key.removeprefix("newscrawl/walk/").rsplit("/", 1)
            found.setdefault(stream, {"pages": 0, "walk": INTERRUPTED})[field if field == "pages" else "walk"] = value
    for record in found.values():
        record["complete"] = is_complete(record["walk"])
    return dict(sorted(found.items()))


def summarise(stats: Mapping, reason: str, *, max_error_rate: float, min_coverage: Mapping[str, float],
              max_blocked_share: float = 1.0, unreachable: Mapping[str, str] | None = None,
              not_articles: Mapping[str, str] | None = None, end: datetime | None = None) -> dict:
    """The run summary, with its verdict: which checks failed and the exit status.
    ``unreachable`` maps article URLs that could not be fetched to their last error,
    ``not_articles`` pages judged not an article to the reason."""
    seen = stats.get("newscrawl/items/seen", 0)
    coverage = {f: (stats.get(f"newscrawl/items/with_{f}", 0) / seen if seen else None) for f in COVERED_FIELDS}
    errors = errors_by_kind(stats)
    requests = stats.get("downloader/request_count", 0)
    error_rate = sum(errors.values()) / requests if requests else 0.0
    duplicates = _prefixed(stats, "newscrawl/duplicates/")
    archived = stats.get("newscrawl/archived", 0)
    requested = stats.get("newscrawl/articles/requested", 0)
    accounted = archived + sum(duplicates.values()) + stats.get("newscrawl/refreshed", 0) + \
        stats.get("newscrawl/represents", 0) + \
        stats.get("newscrawl/unchanged", 0) + stats.get("newscrawl/skipped/outside_window", 0)

    unreachable = dict(unreachable or {})
    blocked = _prefixed(stats, "newscrawl/blocked/")
    blocked_articles = sum(1 for error in unreachable.values() if error in ("HTTP 403", "HTTP 429")
                           or error.startswith("BlockedPage"))
    attempted = stats.get("newscrawl/items/seen", 0) + len(unreachable)

    failures = []
    archive_error = stats.get("newscrawl/archive_error")
    if archive_error:
        failures.append(f"the archive could not be written, the run stopped: {archive_error}")
    elif reason != "finished":
        failures.append(f"the crawl did not finish: finish reason {reason!r}")
    damage = stats.get("newscrawl/import/damage")
    if damage:
        failures.append(f"a WARC file given to import is damaged; the records before the damage were read: {damage}")
    if attempted and not accounted:
        failures.append(f"listings showed {attempted} new articles but none was archived")
    if error_rate > max_error_rate:
        failures.append(f"error rate {error_rate:.0%} of {requests} requests is above {max_error_rate:.0%}")
    if attempted and blocked_articles / attempted > max_blocked_share:
        failures.append(f"blocked: {blocked_articles} of {attempted} article pages were refused or answered "
                        f"with a challenge page")
    for field, share in coverage.items():
        if share is not None and share < min_coverage.get(field, 0):
            failures.append(f"{field} present on {share:.0%} of {seen} articles, below {min_coverage[field]:.0%}")

    return {
        "start": _iso(stats.get("start_time")),
        "end": _iso(end or stats.get("finish_time")),
        "finish_reason": reason,
        "pages": {
            "requests": requests,
            "responses": stats.get("response_received_count", 0),
            "listing_api": stats.get("newscrawl/listing/api_pages", 0),
            "listing_html": stats.get("newscrawl/listing/html_pages", 0),
            "articles_requested": requested,
            "articles_skipped_as_archived": stats.get("newscrawl/articles/skipped_archived", 0),
            "articles_given_up": stats.get("newscrawl/articles/given_up", 0),
        },
        "articles": {
            "archived": archived,
            "followups": stats.get("newscrawl/followups", 0),
            "refreshed": stats.get("newscrawl/refreshed", 0),
            "represents": stats.get("newscrawl/represents", 0),
            "seen": seen,
        },
        "listings": walks(stats),
        "duplicates": duplicates,
        "dropped": _prefixed(stats, "newscrawl/dropped/"),
        "errors": errors,
        "blocked": {"answers": blocked, "articles": blocked_articles},
        "unreachable": {"count": len(unreachable),
                        "articles": [{"url": u, "last_error": e} for u, e in sorted(unreachable.items())
                                     ][:UNREACHABLE_LISTED]},
        "not_articles": {"count": len(not_articles or {}),
                         "pages": [{"url": u, "reason": r} for u, r in sorted((not_articles or {}).items())
                                   ][:UNREACHABLE_LISTED]},
        "error_rate": round(error_rate, 4),
        "field_coverage": {f: (round(v, 4) if v is not None else None) for f, v in coverage.items()},
        "verdict": {"ok": not failures,
                    "exit_status": EXIT_ARCHIVE_UNUSABLE if archive_error else EXIT_RUN_FAILED if failures else EXIT_OK,
                    "failures": failures},
    }
