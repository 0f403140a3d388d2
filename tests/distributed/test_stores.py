"""The archive store contract, on SQLite and on PostgreSQL alike; and, on PostgreSQL,
several writers deciding about copies of one story at the same moment."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from newscrawl.archive import ArchiveError, open_store
from newscrawl.archive.archiving import archive_story
from newscrawl.archive.dedup import StoryRef, search_span

T0 = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
WINDOW = timedelta(days=7)
BODY = "قال مسؤولون إن الحكومة أقرت الموازنة الجديدة بعد نقاش طويل في البرلمان استمر ثلاثة أيام متتالية"


def article(n, headline="عنوان الخبر", body=BODY):
    return {"url": f"https://x.test/{n}", "site": "x", "section": "News", "headline": headline, "body": body,
            "body_source": "site", "published": T0.isoformat(), "published_precision": "datetime",
            "crawled_at": T0.isoformat(), "authors": ["كاتب"], "tags": ["اقتصاد"], "word_count": 15}


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/archive.sqlite3"
    return request.getfixturevalue("postgres_url")


def test_the_store_contract(store_url):
    store = open_store(store_url)
    _, first = store.add(article(1), headline_key="عنوان الخبر", content_hash="h1", published_at=T0,
                         tokens=["عنوان", "الخبر"], story_id=None, seen_at=T0)
    second_id, second = store.add(article(2, "عنوان اخر"), headline_key="عنوان اخر", content_hash="h2",
                                  published_at=T0 + timedelta(hours=1), tokens=["عنوان"], story_id=first, seen_at=T0)
    assert second == first != second_id
    assert store.by_url("https://x.test/1").story_id == first
    span = (T0 - timedelta(days=1), T0 + timedelta(days=1))
    assert {c.url for c in store.candidates("x", "لا شيء", ["عنوان"], span)} == {"https://x.test/1", "https://x.test/2"}
    assert store.candidates("x", "لا شيء", ["عنوان"], (T0 + timedelta(days=2), T0 + timedelta(days=3))) == []
    assert store.candidates("y", "عنوان الخبر", ["عنوان"], span) == []
    only_first = store.candidates("x", "لا شيء", ["عنوان"], span, compared=lambda c: c.headline_key == "عنوان الخبر")
    assert [(c.url, c.body) for c in only_first] == [("https://x.test/1", BODY)]
    assert store.candidates("x", "لا شيء", ["عنوان"], span, compared=lambda c: c.body is not None) == []

    assert store.url_state("https://x.test/3") == (None, 0)
    store.record_failure("https://x.test/3", "HTTP 500", T0)
    store.record_failure("https://x.test/3", "HTTP 502", T0)
    assert store.url_state("https://x.test/3") == (None, 2)
    store.touch(second_id, T0 + timedelta(days=1), alias="https://x.test/copy", reason="headline")
    assert store.url_state("https://x.test/copy") == (T0 + timedelta(days=1), 0)
    assert store.by_url("https://x.test/copy").url == "https://x.test/2"

    assert store.url_states(["https://x.test/1", "https://x.test/3", "https://x.test/copy", "https://x.test/9"]) == {
        "https://x.test/1": (T0, 0), "https://x.test/3": (None, 2),
        "https://x.test/copy": (T0 + timedelta(days=1), 0), "https://x.test/9": (None, 0)}

    assert not store.replace(second_id, article(2, "عنوان اخر"), headline_key="عنوان اخر", content_hash="h2",
                             published_at=T0, tokens=["عنوان"], seen_at=T0)
    assert store.replace(second_id, article(2, "عنوان مصحح"), headline_key="عنوان مصحح", content_hash="h3",
                         published_at=T0, tokens=["مصحح"], seen_at=T0)
    rows = list(store.articles())
    assert [(r["url"], r["headline"], r["story_id"]) for r in rows] == [
        ("https://x.test/1", "عنوان الخبر", first), ("https://x.test/2", "عنوان مصحح", first)]
    assert rows[0]["authors"] == ["كاتب"] and rows[0]["tags"] == ["اقتصاد"] and rows[0]["word_count"] == 15
    assert list(store.articles(site="y")) == []
    assert store.count() == 2
    store.close()
    assert open_store(store_url).count() == 2  # committed, and the schema is accepted again


def test_rows_merge_and_split_with_their_aliases_and_pages(store_url):
    """What re-extraction does when a dedup decision changes (newscrawl.raw.reextract)."""
    store = open_store(store_url)
    first_id, first = store.add({**article(1), "warc_record": "a.warc.gz#10"}, headline_key="عنوان الخبر",
                                content_hash="h1", published_at=T0, tokens=["عنوان"], story_id=None, seen_at=T0)
    second_id, _ = store.add({**article(2), "warc_record": "a.warc.gz#20", "listing_time": T0.isoformat()},
                             headline_key="عنوان الخبر", content_hash="h1", published_at=T0, tokens=["عنوان"],
                             story_id=None, seen_at=T0)
    store.touch(second_id, T0, alias="https://x.test/2?amp", reason="redirect")
    store.touch(second_id, T0, alias="https://x.test/3", reason="headline", page=("a.warc.gz#30", None))

    store.merge(second_id, first_id, "headline")
    assert store.count() == 1 and store.by_url("https://x.test/2").id == first_id
    assert store.by_url("https://x.test/2?amp").id == first_id  # its aliases follow it
    pages = {p["url"]: (p["article_id"], p["warc_record"], p["listing_time"]) for p in store.alias_pages([first_id])}
    assert pages == {"https://x.test/2": (first_id, "a.warc.gz#20", T0.isoformat()),
                     "https://x.test/3": (first_id, "a.warc.gz#30", None)}
    assert [r["url"] for r in store.articles(query="الحكومة")] == ["https://x.test/1"]  # its index entry goes too

    third_id, third = store.split("https://x.test/3", {**article(3, "عنوان ثالث"), "warc_record": "a.warc.gz#30"},
                                  headline_key="عنوان ثالث", content_hash="h3", published_at=T0,
                                  tokens=["ثالث"], seen_at=T0)
    assert third == third_id and store.by_url("https://x.test/3").id == third_id
    store.set_story(third_id, first)
    rows, aliases = store.stories()
    assert rows == {"https://x.test/1": (first_id, first), "https://x.test/3": (third_id, first)}
    assert aliases == {"https://x.test/2": ("headline", "https://x.test/1"),
                       "https://x.test/2?amp": ("redirect", "https://x.test/1")}
    store.point_alias("https://x.test/2", third_id)
    assert store.by_url("https://x.test/2").id == third_id
    store.close()


def test_candidates_reach_month_dated_stories_and_no_further(store_url):
    store = open_store(store_url)
    for n, published, precision in ((1, datetime(2024, 3, 1, tzinfo=UTC), "month"),
                                    (2, datetime(2024, 3, 5, 9, tzinfo=UTC), "datetime"),
                                    (3, datetime(2024, 3, 20, 9, tzinfo=UTC), "datetime")):
        store.add({**article(n), "published_precision": precision}, headline_key="عنوان الخبر", content_hash="h",
                  published_at=published, tokens=["عنوان"], story_id=None, seen_at=T0)
    when = datetime(2024, 3, 25, 9, tzinfo=UTC)
    incoming = StoryRef("https://x.test/new", "خبر آخر", BODY, when, "datetime")
    span = search_span(incoming, WINDOW)
    for tokens in (["عنوان"], []):  # by a shared token, and by the same key
        key = "عنوان الخبر" if not tokens else "خبر آخر"
        assert sorted(c.url for c in store.candidates("x", key, tokens, span)) == \
            ["https://x.test/1", "https://x.test/3"]


def test_candidates_share_at_least_min_shared_tokens_or_the_key(store_url):
    store = open_store(store_url)
    for n, tokens in ((1, ["مقتل", "انفجار", "بغداد"]), (2, ["مقتل", "انفجار", "سوق"]), (3, ["بغداد", "قمة"]),
                      (4, ["سوق"])):
        store.add(article(n), headline_key=f"key {n}", content_hash="h", published_at=T0, tokens=tokens,
                  story_id=None, seen_at=T0)

    def found(min_shared):
        return sorted(c.url[-1] for c in store.candidates("x", "key 4", ["مقتل", "انفجار", "بغداد"],
                                                          (T0 - WINDOW, T0 + WINDOW), min_shared=min_shared))

    assert found(1) == ["1", "2", "3", "4"]  # 4 shares no token: found by its key
    assert found(2) == ["1", "2", "4"]
    assert found(3) == ["1", "4"]


def test_a_failed_write_leaves_no_half_row(store_url):
    store = open_store(store_url)
    store.add(article(1), headline_key="k", content_hash="h", published_at=T0, tokens=["عنوان"], story_id=None,
              seen_at=T0)
    with pytest.raises(Exception, match="(?i)unique"):
        store.add(article(1), headline_key="k2", content_hash="h", published_at=T0, tokens=["اخر"], story_id=None,
                  seen_at=T0)
    assert store.count() == 1
    assert store.candidates("x", "none", ["اخر"], (T0 - WINDOW, T0 + WINDOW)) == []


def test_a_database_of_something_else_is_refused(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as other:
        other.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(ArchiveError, match="not a newscrawl archive .it holds other tables"):
        open_store(postgres_url)


def test_an_unreachable_server_is_one_clear_error():
    with pytest.raises(ArchiveError, match=r"cannot connect to the PostgreSQL archive "
                                           r"postgresql://newscrawl:\*\*\*@127.0.0.1:9/x"):
        open_store("postgresql://newscrawl:secret@127.0.0.1:9/x")


def _archive_as_the_pipeline_does(url: str, n: int, start: threading.Barrier, outcomes: list) -> None:
    store = open_store(url)
    start.wait()
    _, decision, _ = archive_story(store, article(n), "عنوان الخبر", WINDOW, seen_at=T0)
    outcomes.append(decision.verdict)
    store.close()


def test_writers_deciding_at_once_archive_one_copy_of_a_story(postgres_url):
    open_store(postgres_url).close()  # the schema, before the race
    writers = 8
    start, outcomes = threading.Barrier(writers), []
    threads = [threading.Thread(target=_archive_as_the_pipeline_does, args=(postgres_url, n, start, outcomes))
               for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store = open_store(postgres_url)
    assert store.count() == 1
    assert sorted(outcomes) == ["duplicate"] * (writers - 1) + ["new"]
    assert all(store.url_state(f"https://x.test/{n}")[0] == T0 for n in range(writers))  # the copies are remembered


def test_a_schema_1_postgresql_archive_is_upgraded_in_place(postgres_url):
    """The old schema is made here from the version-1 DDL the stores still carry (the
    migrations start from it), with a story, an alias and a failure in it."""
    import psycopg

    from newscrawl.archive.postgres import SCHEMA
    from newscrawl.archive.sql import SCHEMA_VERSION

    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute(SCHEMA)
        db.execute("INSERT INTO newscrawl_meta VALUES ('schema_version', '1')")
        db.execute("INSERT INTO articles (id, story_id, url, headline_key, content_hash, published_at, first_seen, "
                   "last_seen, site, headline, body) VALUES (7, 7, 'https://x.test/7', 'k', 'h', NULL, "
                   "'2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'x', 'عنوان', 'نص')")
        db.execute("INSERT INTO url_aliases VALUES ('https://x.test/7?amp', 7, 'redirect', '2020-01-01T00:00:00Z')")
        db.execute("INSERT INTO failed_urls VALUES ('https://x.test/8', 1, 'HTTP 500', '2020-01-01T00:00:00Z')")
    store = open_store(postgres_url)
    try:
        assert store.by_url("https://x.test/7?amp").story_id == 7
        assert store.url_state("https://x.test/8") == (None, 1)
        assert store.due("x", 2) == []
        with psycopg.connect(postgres_url, autocommit=True) as db:
            assert db.execute("SELECT value FROM newscrawl_meta").fetchone()[0] == str(SCHEMA_VERSION)
    finally:
        store.close()


SEARCHED = [
    ("تنظيم الدولة الإسلامية يتبنى الهجوم", "أعلن التنظيم مسؤوليته عن الهجوم في بيان."),
    ("الحكومة ترد", "وقالت الحكومة إن الدولةَ الإسلاميّة لن تفلت من العقاب، والدولة ماضية في خطتها."),
    ("مباراة الأهلي والزمالك", "انتهت المباراة بالتعادل في الدوري المصري ٢٠٢٤."),
]


@pytest.mark.parametrize("query, expected", [
    ("الدوله الاسلاميه", {0, 1}),  # taa marbuta, hamza, diacritics: as a reader reads
    ("والدولة الإسلامية", {0, 1}),  # the attached «و» is looked past
    ("الدولة الزمالك", set()),  # every word must be there
    ("الدوري 2024", {2}),  # Arabic-Indic digits
    ('"الدولة" OR NOT (x*', set()),  # quotes and operators are words, never a syntax error
    ("!!! ...", None),  # no word at all: nothing
])
def test_search_finds_every_word_as_a_reader_would_in_both_stores(store_url, query, expected):
    store = open_store(store_url)
    urls = []
    for n, (headline, body) in enumerate(SEARCHED):
        row = {**article(n, headline, body), "url": f"https://x.test/search/{n}"}
        store.add(row, headline_key=f"k{n}", content_hash=f"h{n}", published_at=T0 + timedelta(days=10 * n),
                  tokens=[], story_id=None, seen_at=T0)
        urls.append(row["url"])
    found = {urls.index(r["url"]) for r in store.articles(query=query)}
    assert found == (expected or set())
    store.close()
