"""The real web's faults on the mirror (python -m newscrawl.mirror serve --faults)."""

from __future__ import annotations

import json

import pytest

from newscrawl.mirror import faults
from tests.conftest import assert_each_story_once, run_crawl

FAST = ("-s", "DOWNLOAD_TIMEOUT=2", "-s", "NEWSCRAWL_RETRY_BACKOFF_BASE=0.2")


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory):
    from newscrawl.mirror import MIRROR_DIR
    from tests.conftest import Mirror, serve

    workdir = tmp_path_factory.mktemp("faults")
    log = workdir / "access.log"
    process, url = serve(MIRROR_DIR, "--faults", "--access-log", str(log))
    try:
        result = run_crawl(workdir, "-a", f"base_url={url}", *FAST)
    finally:
        process.terminate()
        process.wait()
    mirror = Mirror(url, MIRROR_DIR)
    summary = json.loads(next((workdir / "archive/elaph").glob("*.summary.json")).read_text(encoding="utf-8"))
    return mirror, result, summary, log.read_text().splitlines()


def test_every_reachable_article_archived_once(faulty_crawl):
    mirror, result, _, _ = faulty_crawl
    assert result.returncode == 0, result.stderr[-3000:]
    plan = faults.plan(mirror.articles)
    reachable = [a for a in mirror.articles if faults.reachable(plan.get(a["path"]))]
    assert len(reachable) == len(mirror.articles) - 2 * 6
    assert_each_story_once(result.rows(), mirror, reachable)
    archived = {row["url"].removeprefix(mirror.url) for row in result.rows()}
    for article in reachable:
        group = next(g for g in mirror.story_groups() if article["path"] in g)
        assert group & archived, (article["path"], plan.get(article["path"]))


def test_every_encoding_and_fault_gives_the_published_text(faulty_crawl):
    mirror, result, _, _ = faulty_crawl
    plan = faults.plan(mirror.articles)
    rows = {row["url"].removeprefix(mirror.url): row for row in result.rows()}
    checked = 0
    for path, kind in plan.items():
        if not faults.reachable(kind):
            assert path not in rows
            continue
        article = mirror.by_path()[path]
        row = rows[path]
        assert row["headline"] == article["headline"], kind
        assert row["body"].split("\n\n") == article["paragraphs"], kind
        assert row["dateline"] == article["dateline"], kind
        checked += 1
    assert checked == 2 * sum(faults.KINDS.values())


def test_unreachable_articles_are_listed_with_their_last_error(faulty_crawl):
    mirror, _, summary, _ = faulty_crawl
    plan = faults.plan(mirror.articles)
    listed = {item["url"].removeprefix(mirror.url): item["last_error"] for item in summary["unreachable"]["articles"]}
    expected = {"always_500": "HTTP 500", "blocked_403": "HTTP 403", "challenge_always": "BlockedPage",
                "oversized": "DownloadCancelledError", "not_html": "not HTML: application/pdf"}
    for path, kind in plan.items():
        if kind in expected:
            assert listed[path].startswith(expected[kind]), (kind, listed.get(path))
    assert listed[faults.MISSING] == "HTTP 404"
    assert summary["blocked"]["articles"] == 4
    assert summary["blocked"]["answers"]["challenge"] >= 2 + 4 * 2  # once each, and every try of the stubborn ones


def test_a_second_faulty_run_fetches_no_article_again(faulty_crawl, tmp_path):
    """Articles reached through a redirect (old URL shapes) are remembered under both URLs."""
    from newscrawl.mirror import MIRROR_DIR
    from tests.conftest import serve

    mirror, first, _, _ = faulty_crawl
    log = tmp_path / "access.log"
    # The same origin as the first run (the archive's URLs carry its port).
    port = mirror.url.rsplit(":", 1)[1]
    process, url = serve(MIRROR_DIR, "--faults", "--access-log", str(log), "--port", port)
    try:
        again = run_crawl(first.workdir, "-a", f"base_url={url}", *FAST)
    finally:
        process.terminate()
        process.wait()
    plan = faults.plan(mirror.articles)
    refetched = {p for p in log.read_text().splitlines() if p.startswith("/Web/") and p.endswith(".html")
                 and p.count("/") == 5}
    # Unreachable ones are tried again, as they should be; nothing that was archived is.
    archived = {row["url"].removeprefix(mirror.url) for row in first.rows()}
    assert not refetched & archived, sorted(refetched & archived)
    assert not {faults.old_url(p) for p, k in plan.items() if k == "old_url"} & refetched
    # Only the unreachable pages were new to this run, and they failed again: the run says so.
    assert again.returncode == 3
    assert "listings showed" in again.stderr and "but none was archived" in again.stderr

    # Failed twice, they are given up: the next hourly run over the same site is clean.
    process, url = serve(MIRROR_DIR, "--faults", "--access-log", str(log), "--port", port)
    log.write_text("")
    try:
        third = run_crawl(first.workdir, "-a", f"base_url={url}", *FAST)
    finally:
        process.terminate()
        process.wait()
    assert third.returncode == 0, third.stderr[-2000:]
    unreachable_paths = {p for p, k in plan.items() if not faults.reachable(k) and k != "robots_disallowed"}
    assert not unreachable_paths & set(log.read_text().splitlines())


def test_robots_txt_is_obeyed_and_other_sites_are_not_fetched(faulty_crawl):
    mirror, _, _, requested = faulty_crawl
    plan = faults.plan(mirror.articles)
    forbidden = [p for p, k in plan.items() if k == "robots_disallowed"]
    assert forbidden and not set(forbidden) & set(requested)
    assert not [p for p in requested if "other-site" in p]


def test_a_mostly_blocked_run_fails_saying_so(served, tmp_path):
    mirror = served("--blocked-articles")
    result = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Opinion", "-s", "RETRY_TIMES=1",
                       "-s", "NEWSCRAWL_RETRY_BACKOFF_BASE=0.1")
    assert result.returncode == 3
    summary = json.loads(next((tmp_path / "archive/elaph").glob("*.summary.json")).read_text(encoding="utf-8"))
    assert any(f.startswith("blocked: ") for f in summary["verdict"]["failures"]), summary["verdict"]
    assert summary["articles"]["archived"] == 0
    assert "run failed: blocked:" in result.stderr


def test_browser_impersonation_can_be_switched_on(served, tmp_path):
    import scrapy_impersonate  # noqa: F401 - in requirements.txt: its absence is a failure, not a skip
    log = tmp_path / "access.log"
    mirror = served("--access-log", str(log))
    result = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Opinion",
                       "-s", "NEWSCRAWL_IMPERSONATE=chrome")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "'impersonate/response_bytes':" in result.stderr  # pages came through curl_cffi
    opinion = [a for a in mirror.articles if a["section"] == "Opinion"]
    assert len(result.rows()) == len(opinion)
