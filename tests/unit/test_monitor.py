"""The run verdict from fake stats, no network (as spidermon's monitors are tested)."""

import pytest

from newscrawl.run.monitor import summarise

OK = {"downloader/request_count": 100, "downloader/response_status_count/200": 100, "newscrawl/items/seen": 50,
      "newscrawl/items/with_headline": 50, "newscrawl/items/with_body": 50, "newscrawl/items/with_published": 50,
      "newscrawl/archived": 48, "newscrawl/duplicates/url": 2, "newscrawl/articles/requested": 50}
LIMITS = {"max_error_rate": 0.2, "min_coverage": {"headline": 0.95, "body": 0.9, "published": 0.9},
          "max_blocked_share": 0.5}


def verdict(stats, reason="finished", unreachable=None):
    return summarise(stats, reason, unreachable=unreachable, **LIMITS)["verdict"]


def test_a_good_run_passes():
    assert verdict(OK) == {"ok": True, "exit_status": 0, "failures": []}


def test_nothing_new_is_not_a_failure():
    assert verdict({"downloader/request_count": 16, "newscrawl/articles/skipped_archived": 130})["ok"]


@pytest.mark.parametrize("change, reason, failure", [
    ({}, "shutdown", "finish reason 'shutdown'"),
    ({"newscrawl/archived": 0, "newscrawl/duplicates/url": 0}, "finished", "none was archived"),
    ({"downloader/exception_count": 30, "downloader/exception_type_count/twisted.TimeoutError": 30}, "finished",
     "error rate 30%"),
    ({"newscrawl/items/with_body": 40}, "finished", "body present on 80% of 50 articles"),
    ({"newscrawl/items/with_published": 10}, "finished", "published present on 20%"),
])
def test_failures_are_named(change, reason, failure):
    result = verdict({**OK, **change}, reason)
    assert result["exit_status"] == 3 and any(failure in f for f in result["failures"]), result


def test_mostly_blocked_fails():
    unreachable = {f"https://x.test/{n}": "HTTP 403" for n in range(60)}
    result = verdict({**OK, "newscrawl/items/seen": 10, "newscrawl/items/with_headline": 10,
                      "newscrawl/items/with_body": 10, "newscrawl/items/with_published": 10}, unreachable=unreachable)
    assert any(f.startswith("blocked: 60 of 70") for f in result["failures"])


def test_robots_skips_are_not_errors():
    stats = {**OK, "downloader/exception_type_count/scrapy.exceptions.IgnoreRequest": 40}
    assert verdict(stats)["ok"]
