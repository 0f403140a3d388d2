"""newscrawl.run.report: the lines a terminal run ends with, from the run summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.run.report import archive_location, human_summary, sections, shown_path


def summary(**changes) -> dict:
    base = {
        "spider": "elaph",
        "pages": {"requests": 171},
        "articles": {"archived": 129, "followups": 2, "refreshed": 0, "represents": 0, "seen": 131},
        "listings": {
            "elaph api News": {"pages": 3, "walk": "complete", "complete": True, "complete_back_to": "2019-03-07"},
            "elaph html News": {"pages": 3, "walk": "complete", "complete": True, "complete_back_to": "2016-01-03"},
            "elaph html Sports": {"pages": 2, "walk": "complete (the next link loops back)", "complete": True,
                                  "complete_back_to": "2016-04-11"},
        },
        "duplicates": {"headline": 2},
        "errors": {},
        "unreachable": {"count": 0, "articles": []},
        "verdict": {"ok": True, "exit_status": 0, "failures": []},
    }
    return {**base, **changes}


def test_a_good_run():
    assert human_summary(summary(), ["archive/elaph/r.csv", "archive/elaph/r.jsonl"], "archive/elaph/r.summary.json",
                         "archive/newscrawl.sqlite3") == [
        "elaph: run ok (exit 0)",
        "  archived     129 new stories, 2 follow-ups",
        "  duplicates   2 (headline 2)",
        "  failures     none",
        "  errors       0 in 171 requests",
        "  News         complete back to 2016-01-03",  # the oldest any of its listings reached
        "  Sports       complete back to 2016-04-11",
        "  new stories  archive/elaph/r.csv, archive/elaph/r.jsonl",
        "  summary      archive/elaph/r.summary.json",
        "  archive      archive/newscrawl.sqlite3",
    ]


def test_a_failed_run_names_each_failure_and_its_errors():
    failed = summary(
        articles={"archived": 0, "followups": 0, "refreshed": 3},
        duplicates={},
        errors={"http 500": 40, "download: TimeoutError": 2},
        unreachable={"count": 12},
        listings={"elaph api News": {"pages": 1, "walk": "max_pages", "complete": False, "complete_back_to": None}},
        verdict={"ok": False, "exit_status": 3, "failures": ["the crawl did not finish: finish reason 'shutdown'",
                                                            "error rate 25% of 171 requests is above 20%"]},
    )
    assert human_summary(failed, [], "s.json", "postgresql://db.example/news") == [
        "elaph: run FAILED (exit 3)",
        "  archived     0 new stories, 3 refreshed",
        "  duplicates   0",
        "  failures     the crawl did not finish: finish reason 'shutdown'",
        "               error rate 25% of 171 requests is above 20%",
        "  errors       42 in 171 requests (http 500 40, download: TimeoutError 2); 12 articles unreachable",
        "  News         incomplete — api listing: max_pages after 1 page (the next plain run walks on)",
        "  summary      s.json",
        "  archive      postgresql://db.example/news",
    ]


@pytest.mark.parametrize(("listings", "expected"), [
    ({}, {}),  # the news spider: sitemaps and feeds, no listing walks
    ({"elaph html Sports": {"complete": True, "complete_back_to": None}}, {"Sports": "complete"}),
    ({"elaph api News": {"complete": True, "complete_back_to": "2019-03-07"},
      "elaph html News": {"complete": False, "walk": "since", "pages": 4}},
     {"News": "incomplete — html listing: since after 4 pages (the next plain run walks on)"}),
    ({"example.com html https://example.com/news/": {"complete": True, "complete_back_to": "2024-01-01"}},
     {"https://example.com/news/": "complete back to 2024-01-01"}),
])
def test_sections(listings, expected):
    assert sections(listings) == expected


@pytest.mark.parametrize(("url", "shown"), [
    ("sqlite:////work/run/archive/newscrawl.sqlite3", "archive/newscrawl.sqlite3"),
    ("sqlite:////elsewhere/newscrawl.sqlite3", "/elsewhere/newscrawl.sqlite3"),
    ("postgresql://crawler:secret@db.example:5433/news", "postgresql://db.example:5433/news"),  # no password
])
def test_archive_location(url, shown):
    assert archive_location(url, Path("/work/run")) == shown


def test_shown_path():
    assert shown_path("/work/run/archive/x.csv", Path("/work/run")) == "archive/x.csv"
    assert shown_path("/tmp/x.csv", Path("/work/run")) == "/tmp/x.csv"
