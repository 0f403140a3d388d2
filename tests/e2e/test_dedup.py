"""One story, one row: dedup rules and the archive, through real crawls of the mirror."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import UTC, datetime

import pytest

from newscrawl.mirror.build import build
from tests.conftest import assert_each_story_once, run_crawl, run_export, serve


def rows_by_path(result, mirror):
    return {row["url"].removeprefix(mirror.url): row for row in result.rows()}


def test_duplicates_dropped_with_reasons(mirror_crawl, mirror):
    copies = [a for a in mirror.articles if a["duplicate_of"]]
    assert len(copies) == 2
    assert_each_story_once(mirror_crawl.rows(), mirror)
    assert "'newscrawl/duplicates/headline': 2" in mirror_crawl.stderr


def test_followups_share_the_first_versions_story_id(mirror_crawl, mirror):
    rows = rows_by_path(mirror_crawl, mirror)
    followups = [a for a in mirror.articles if a["followup_of"]]
    assert len(followups) == 2
    for article in followups:
        assert rows[article["path"]]["story_id"] == rows[article["followup_of"]]["story_id"]
    story_ids = [row["story_id"] for row in rows.values()]
    assert len(set(story_ids)) == len(story_ids) - len(followups)


@pytest.mark.parametrize("headline, count", [("أسعار النفط اليوم", 3), ("أسعار الذهب اليوم", 2)])
def test_repeated_headlines_of_different_stories_are_all_kept(mirror_crawl, mirror, headline, count):
    rows = [row for row in mirror_crawl.rows() if row["headline"] == headline]
    assert len(rows) == count
    assert len({row["story_id"] for row in rows}) == count


def test_second_run_over_unchanged_site_exports_nothing(mirror, tmp_path):
    first = run_crawl(tmp_path, "-a", f"base_url={mirror.url}")
    assert first.returncode == 0
    second = run_crawl(tmp_path, "-a", f"base_url={mirror.url}")
    assert second.returncode == 0, second.stderr[-2000:]
    assert "no new stories this run: nothing exported" in second.stderr
    assert len(list((tmp_path / "archive" / "elaph").glob("*.jsonl"))) == 1  # the first run's only
    archive = sqlite3.connect(tmp_path / "archive" / "newscrawl.sqlite3")
    assert archive.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(mirror.story_groups())


def test_run_after_new_stories_exports_exactly_the_new_ones(tmp_path):
    root = tmp_path / "mirror"
    cutoff = datetime(2025, 6, 30, tzinfo=UTC)
    build(root, published_until=cutoff)
    process, url = serve(root)
    try:
        work = tmp_path / "work"
        work.mkdir()
        assert run_crawl(work, "-a", f"base_url={url}").returncode == 0
        build(root)  # the site publishes the rest
        later = run_crawl(work, "-a", f"base_url={url}")
        assert later.returncode == 0
    finally:
        process.terminate()
        process.wait()
    exports = sorted((work / "archive" / "elaph").glob("*.jsonl"))
    assert len(exports) == 2
    new_rows = [json.loads(line) for line in exports[-1].read_text(encoding="utf-8").splitlines()]
    from tests.conftest import Mirror

    mirror = Mirror(url, root)
    newer = [a for a in mirror.articles if datetime.fromisoformat(a["published"]) > cutoff]
    assert newer
    assert sorted(r["url"].removeprefix(url) for r in new_rows) == sorted(a["path"] for a in newer)


def test_export_command_reproduces_the_archive(mirror_crawl, tmp_path):
    workdir = mirror_crawl.workdir
    done = run_export(workdir, "-o", str(tmp_path / "all.csv"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"exported {len(mirror_crawl.rows())} stories to {tmp_path / 'all.csv'}"
    with (tmp_path / "all.csv").open(encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.DictReader(handle))
    crawled = {row["url"]: row for row in mirror_crawl.csv_rows()}
    assert {row["url"] for row in exported} == set(crawled)
    for row in exported:
        assert row == crawled[row["url"]]
    published = [row["published"][:10] for row in exported]
    assert published == sorted(published)
    assert (tmp_path / "all.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    done = run_export(workdir, "-o", str(tmp_path / "news.jsonl"), "--section", "News",
                      "--since", "2020-01-01", "--until", "2024-12-31")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in (tmp_path / "news.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["section"] == "News" and "2020-01-01" <= r["published"][:10] <= "2024-12-31" for r in rows)
    expected = [r for r in mirror_crawl.rows() if r["section"] == "News"
                and "2020-01-01" <= r["published"][:10] <= "2024-12-31"]
    assert len(rows) == len(expected)

    done = run_export(workdir, "-o", str(tmp_path / "all.json"))
    assert json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))[0]["url"] == exported[0]["url"]


def test_export_refuses_unknown_format(mirror_crawl, tmp_path):
    done = run_export(mirror_crawl.workdir, "-o", str(tmp_path / "all.ods"))
    assert done.returncode != 0 and "give a .csv, .json, .jsonl or .xlsx file" in done.stderr
    assert not (tmp_path / "all.ods").exists()


def test_two_fresh_crawls_give_the_same_rows_with_the_earliest_copy_of_each_story(mirror, tmp_path):
    """The sections walked in opposite orders, so a story's copies arrive in opposite
    orders: both archives hold the same rows, each story under its earliest copy."""
    from newscrawl.archive.dedup import StoryRef, stands_before

    sections = ["News", "Politics", "Economics", "Sports", "Oyoon", "NewsPapers", "Opinion"]
    exported = []
    for name, order in (("forward", sections), ("backward", sections[::-1])):
        workdir = tmp_path / name
        workdir.mkdir()
        result = run_crawl(workdir, "-a", f"base_url={mirror.url}", "-a", f"sections={','.join(order)}")
        assert result.returncode == 0, result.stderr[-3000:]
        assert run_export(workdir, "-o", str(workdir / "all.jsonl")).returncode == 0
        rows = [json.loads(line) for line in (workdir / "all.jsonl").read_text(encoding="utf-8").splitlines()]
        exported.append({row["url"]: {k: v for k, v in row.items() if k not in ("crawled_at", "story_id")}
                         for row in rows})
        # The run's own export holds each of its stories once, as the archive ended.
        run_rows = result.rows()
        assert sorted(r["url"] for r in run_rows) == sorted(r["url"] for r in rows)
    assert exported[0] == exported[1]

    by_path = mirror.by_path()
    for group in mirror.story_groups():
        if len(group) < 2:
            continue
        copies = [StoryRef(url=mirror.url + p, headline_key="", body="", precision="datetime",
                           published_at=datetime.fromisoformat(by_path[p]["published"])) for p in group]
        earliest = next(c for c in copies if all(c is o or stands_before(c, o) for o in copies))
        assert earliest.url in exported[0], (
            group, sorted(u for u in exported[0] if u.removeprefix(mirror.url) in group))
