"""Opening an archive written by an earlier newscrawl upgrades it in place, keeping every
row; an archive newer than the code is refused. The SQLite archive here is a real one,
written by the code before the migrations existed (tests/fixtures/README.md)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.archive import ArchiveError, open_store
from newscrawl.archive.sql import MIGRATIONS, SCHEMA_VERSION

FIXTURE = Path(__file__).parents[1] / "fixtures" / "archive-schema-1.sqlite3"
TABLES = ("articles", "url_aliases", "failed_urls", "headline_tokens")


def rows(path: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    finally:
        db.close()


def version(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT value FROM newscrawl_meta WHERE key = 'schema_version'").fetchone()[0]
    finally:
        db.close()


@pytest.fixture
def old_archive(tmp_path) -> Path:
    path = tmp_path / "newscrawl.sqlite3"
    shutil.copy(FIXTURE, path)
    return path


def test_the_fixture_is_what_its_readme_says(old_archive):
    assert version(old_archive) == "1"
    counts = {t: len(r) for t, r in rows(old_archive).items()}
    assert (counts["articles"], counts["url_aliases"], counts["failed_urls"]) == (111, 20, 20)


def test_a_schema_1_archive_is_upgraded_in_place_keeping_every_row(old_archive):
    before = rows(old_archive)
    store = open_store(f"sqlite:///{old_archive}")
    store.close()
    assert version(old_archive) == str(SCHEMA_VERSION) == str(max(MIGRATIONS) + 1)
    after = rows(old_archive)
    # Every story, alias, failure and token, story_ids included; columns added since are empty.
    assert {t: [row[:len(before[t][0])] for row in after[t]] for t in TABLES} == before
    assert all(set(row[len(before["articles"][0]):]) == {None} for row in after["articles"])
    # The upgraded archive works as a new one: the frontier's tables are there and empty.
    store = open_store(f"sqlite:///{old_archive}")
    try:
        assert store.due("elaph", 2) == []
        url = before["articles"][0][2]
        assert store.covered("elaph api News", [url]) == set()
        now = datetime.now(UTC)
        store.record_page("w", "elaph api News", now, [url], [], restart=False, complete=True, now=now)
        assert store.covered("elaph api News", [url]) == {url}
        assert store.by_url(url).story_id == before["articles"][0][1]
    finally:
        store.close()


def test_opening_to_read_does_not_upgrade(old_archive):
    data = old_archive.read_bytes()
    store = open_store(f"sqlite:///{old_archive}", read_only=True)
    try:
        assert sum(1 for _ in store.articles()) == 111
    finally:
        store.close()
    assert old_archive.read_bytes() == data


def test_a_failed_upgrade_leaves_the_archive_as_it_was(old_archive, monkeypatch):
    data = old_archive.read_bytes()
    broken = {1: (*MIGRATIONS[1], "CREATE TABLE articles (x)")}  # the last step fails
    monkeypatch.setattr("newscrawl.archive.sql.MIGRATIONS", broken)
    with pytest.raises(ArchiveError, match="already exists"):
        open_store(f"sqlite:///{old_archive}")
    assert version(old_archive) == "1"
    assert old_archive.read_bytes() == data
    db = sqlite3.connect(old_archive)
    assert "due_urls" not in {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    db.close()


def test_an_archive_newer_than_the_code_is_refused_untouched(old_archive):
    db = sqlite3.connect(old_archive)
    with db:
        db.execute("UPDATE newscrawl_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.close()
    data = old_archive.read_bytes()
    with pytest.raises(ArchiveError, match=f"schema version {SCHEMA_VERSION + 1}, newer than this newscrawl's"):
        open_store(f"sqlite:///{old_archive}")
    assert old_archive.read_bytes() == data


def test_the_upgrade_makes_archived_stories_searchable(old_archive):
    headline = rows(old_archive)["articles"][0][10]  # the first story's headline
    store = open_store(f"sqlite:///{old_archive}")
    try:
        found = [r["headline"] for r in store.articles(query=headline)]
    finally:
        store.close()
    assert headline in found


def test_the_upgrade_gives_the_stories_view_that_scrapy_browse_reads(old_archive):
    open_store(f"sqlite:///{old_archive}").close()
    db = sqlite3.connect(old_archive)
    try:
        stories = db.execute("SELECT url, month FROM stories ORDER BY url").fetchall()
        articles = db.execute("SELECT url, SUBSTR(published_at, 1, 7) FROM articles ORDER BY url").fetchall()
    finally:
        db.close()
    assert stories == articles and len(stories) == 111 and stories[0][1]
