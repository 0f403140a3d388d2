"""The SQLite store: transactional writes, indexed lookups, refusal of foreign files."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from newscrawl.archive import ArchiveError, open_store

T0 = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)


def article(n, headline="عنوان"):
    return {"url": f"https://x.test/{n}", "site": "x", "section": "News", "headline": headline, "body": "نص",
            "body_source": "site", "published": T0.isoformat(), "published_precision": "datetime",
            "crawled_at": T0.isoformat(), "authors": ["كاتب"], "tags": [], "word_count": 1}


def test_add_lookup_and_story_ids(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    _, first = store.add(article(1), headline_key="عنوان", content_hash="h", published_at=T0, tokens=["عنوان"],
                         story_id=None, seen_at=T0)
    _, second = store.add(article(2), headline_key="عنوان اخر", content_hash="h2", published_at=T0,
                       tokens=["عنوان"], story_id=first, seen_at=T0)
    assert second == first
    assert store.by_url("https://x.test/1").story_id == first
    span = (T0 - timedelta(days=1), T0 + timedelta(days=1))
    assert {c.url for c in store.candidates("x", "لا شيء", ["عنوان"], span)} == {"https://x.test/1", "https://x.test/2"}
    assert store.candidates("x", "لا شيء", ["عنوان"], (T0 + timedelta(days=2), T0 + timedelta(days=3))) == []
    rows = list(store.articles())
    assert [r["authors"] for r in rows] == [["كاتب"], ["كاتب"]]
    assert [r["story_id"] for r in rows] == [first, first]
    store.close()


def test_a_failed_write_leaves_no_half_row(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    store.add(article(1), headline_key="k", content_hash="h", published_at=T0, tokens=["عنوان"], story_id=None,
              seen_at=T0)
    with pytest.raises(sqlite3.IntegrityError):  # same URL twice breaks the UNIQUE constraint
        store.add(article(1), headline_key="k", content_hash="h", published_at=T0, tokens=["جديد"],
                  story_id=None, seen_at=T0)
    assert store.count() == 1
    assert store.db.execute("SELECT COUNT(*) FROM headline_tokens").fetchone()[0] == 1


def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    (tmp_path / "notes.sqlite3").write_text("these are my notes")
    with pytest.raises(ArchiveError, match="is not a newscrawl archive"):
        open_store(f"sqlite:///{tmp_path}/notes.sqlite3")
    other = sqlite3.connect(tmp_path / "other.sqlite3")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    before = (tmp_path / "other.sqlite3").read_bytes()
    with pytest.raises(ArchiveError, match="other tables"):
        open_store(f"sqlite:///{tmp_path}/other.sqlite3")
    assert (tmp_path / "other.sqlite3").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3", "other.sqlite3"]


def test_no_other_connection_writes_while_a_story_is_decided(tmp_path):
    """The decision's reads and the story's write are one transaction: another connection
    (another process on the same file) cannot archive in between."""
    deciding, other = (open_store(f"sqlite:///{tmp_path}/a.sqlite3") for _ in range(2))
    other.db.execute("PRAGMA busy_timeout = 50")
    with deciding.deciding("x", "عنوان", ["عنوان"], url="https://x.test/1"):
        assert deciding.by_url("https://x.test/1") is None
        with pytest.raises(ArchiveError, match="locked"):
            other.add(article(1), headline_key="عنوان", content_hash="h", published_at=T0, tokens=["عنوان"],
                      story_id=None, seen_at=T0)
        deciding.add(article(1), headline_key="عنوان", content_hash="h", published_at=T0, tokens=["عنوان"],
                     story_id=None, seen_at=T0)
    assert other.count() == 1
    deciding.close()
    other.close()


def test_the_earliest_copy_stands_for_a_story_whatever_order_copies_arrive_in(tmp_path):
    """Two copies of one story (the press review republishing it later): archived in
    either order, the archive ends with the same row, the other URL its alias."""
    from datetime import timedelta

    from newscrawl.archive.archiving import archive_story

    original = {**article(1), "url": "https://x.test/News/2024/3/1000.html", "published": "2024-03-05T09:00:00+00:00",
                "published_precision": "datetime", "section": "News"}
    copy = {**article(1), "url": "https://x.test/NewsPapers/2024/3/1010.html",
            "published": "2024-03-05T15:00:00+00:00", "published_precision": "datetime", "section": "NewsPapers"}
    rows = []
    for order in ((original, copy), (copy, original)):
        store = open_store(f"sqlite:///{tmp_path}/{len(rows)}.sqlite3")
        outcomes = [archive_story(store, dict(a), "عنوان", timedelta(days=7))[0] for a in order]
        assert sorted(outcomes) in (["archived", "duplicate"], ["archived", "represents"])
        (row,) = list(store.articles())
        assert store.by_url(copy["url"]).url == original["url"]  # the copy is an alias
        rows.append({k: v for k, v in row.items() if k not in ("crawled_at", "story_id")})
        store.close()
    assert rows[0] == rows[1]
    assert rows[0]["url"] == original["url"] and rows[0]["section"] == "News"


def _add(store, n, url=None):
    entry = article(n)
    if url:
        entry["url"] = url
    return store.add(entry, headline_key=f"k{n}", content_hash=f"h{n}", published_at=T0, tokens=[f"t{n}"],
                     story_id=None, seen_at=T0)


def _seen_elsewhere(path) -> int:
    other = sqlite3.connect(path)
    try:
        return other.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        other.close()


def test_held_commits_are_seen_by_others_only_once_flushed(tmp_path):
    path = tmp_path / "a.sqlite3"
    store = open_store(f"sqlite:///{path}")
    assert store.hold_commits()
    calls = []
    _add(store, 1)
    _add(store, 2)
    store.when_committed(lambda: calls.append("committed"), calls.append)
    assert store.uncommitted and calls == []
    assert store.count() == 2  # the store's own reads see its held writes (dedup decisions do)
    assert _seen_elsewhere(path) == 0
    store.flush()
    assert calls == ["committed"] and not store.uncommitted
    assert _seen_elsewhere(path) == 2
    store.when_committed(lambda: calls.append("at once"), calls.append)  # nothing held: called now
    assert calls == ["committed", "at once"]
    store.close()


def test_a_held_write_that_fails_is_undone_alone(tmp_path):
    path = tmp_path / "a.sqlite3"
    store = open_store(f"sqlite:///{path}")
    store.hold_commits()
    _add(store, 1)
    with pytest.raises(sqlite3.IntegrityError):  # the same URL again: its savepoint is rolled back
        _add(store, 2, url=article(1)["url"])
    _add(store, 3)
    store.close()  # closing commits what is held
    assert _seen_elsewhere(path) == 2
    reopened = open_store(f"sqlite:///{path}")
    assert reopened.db.execute("SELECT COUNT(*) FROM headline_tokens").fetchone()[0] == 2
    reopened.close()


def test_held_stories_are_searchable_and_undone_terms_are_not_kept(tmp_path):
    path = tmp_path / "a.sqlite3"
    store = open_store(f"sqlite:///{path}")
    store.hold_commits()

    def add(n, body):
        entry = {**article(n), "body": body}
        return store.add(entry, headline_key=f"k{n}", content_hash=f"h{n}", published_at=T0, tokens=[f"t{n}"],
                         story_id=None, seen_at=T0)

    first, _ = add(1, "اجتماع وزراء الخارجية في عمّان")
    add(2, "مباراة الكرة في الدوحة")
    # set_body re-indexes a held story: its old words go, its new ones are found.
    store.set_body(first, "قمة وزراء الخارجية في الرباط", word_count=5, content_hash="h1b", dropped=[])
    with pytest.raises(RuntimeError), store.transaction():  # undone after its terms were written
        store.set_body(first, "مهرجان السينما في القاهرة", word_count=4, content_hash="h1a", dropped=[])
        raise RuntimeError("a step after the write failed")

    def found(words):
        return sorted(r["url"] for r in store.articles(query=words))

    assert found("الدوحة") == [article(2)["url"]]  # before the commit: the store's own search sees it
    assert found("عمان") == [] and found("الرباط") == [article(1)["url"]]
    assert found("السينما") == []
    store.close()
    reopened = open_store(f"sqlite:///{path}", read_only=True)
    assert reopened.db.execute("SELECT COUNT(*) FROM article_terms").fetchone()[0] == 2
    assert [r["url"] for r in reopened.articles(query="الرباط")] == [article(1)["url"]]
    assert list(reopened.articles(query="السينما")) == []
    reopened.close()


def test_at_most_max_held_transactions_wait_for_a_commit(tmp_path, monkeypatch):
    path = tmp_path / "a.sqlite3"
    store = open_store(f"sqlite:///{path}")
    store.hold_commits()
    monkeypatch.setattr(store, "MAX_HELD", 3)
    for n in range(1, 4):
        _add(store, n)
    assert _seen_elsewhere(path) == 3 and not store.uncommitted
    store.close()


def test_a_read_only_archive_holds_nothing(tmp_path):
    open_store(f"sqlite:///{tmp_path}/a.sqlite3").close()
    reader = open_store(f"sqlite:///{tmp_path}/a.sqlite3", read_only=True)
    assert not reader.hold_commits()
    reader.close()


def test_instants_of_any_year_are_stored_fixed_width_and_read_back(tmp_path):
    """A page dated «0999-05-01» (a typo, or a historical date) is archived like any other:
    its stamp has four year digits, so it reads back and sorts as the instant does."""
    from newscrawl.archive.sql import instant, stamp

    instants = [datetime(1, 1, 2, tzinfo=UTC), datetime(999, 12, 31, 23, 59, tzinfo=UTC),
                datetime(1000, 1, 1, tzinfo=UTC), datetime(2024, 3, 5, 9, tzinfo=UTC)]
    assert [stamp(i) for i in instants] == ["0001-01-02T00:00:00Z", "0999-12-31T23:59:00Z",
                                            "1000-01-01T00:00:00Z", "2024-03-05T09:00:00Z"]
    assert [instant(stamp(i)) for i in instants] == instants
    assert sorted(map(stamp, instants)) == list(map(stamp, instants))
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    old = datetime(999, 12, 31, 22, tzinfo=UTC)
    store.add(article(1), headline_key="عنوان", content_hash="h", published_at=old, tokens=["عنوان"],
              story_id=None, seen_at=T0)
    span = (old - timedelta(days=1), old + timedelta(days=2))  # across the year 1000
    assert [c.published_at for c in store.candidates("x", "عنوان", ["عنوان"], span)] == [old]
    store.close()
