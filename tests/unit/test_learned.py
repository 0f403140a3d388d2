"""Site-wide furniture learned from the archive (newscrawl.extract.learned), on a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newscrawl.archive import open_store
from newscrawl.archive.archiving import archive_story
from newscrawl.extract.learned import SiteFurniture
from newscrawl.text.keys import headline_key

T0 = datetime(2024, 3, 5, 9, tzinfo=UTC)
NOTE = "جميع التعليقات المنشورة تعبر عن رأي كتابها فقط"  # any site's disclaimer under its stories
TOPICS = ["الاقتصاد", "الرياضة", "الثقافة", "الصحة", "التعليم", "الزراعة", "الطاقة", "النقل", "السياحة", "البيئة"]


def story(n: int, *extra: str, headline: str | None = None) -> dict:
    own = [f"الفقرة الأولى من خبر عن {TOPICS[n]} رقم {n} تروي ما جرى بالتفصيل.",
           f"والفقرة الثانية عن {TOPICS[n]} تضيف رأي الخبراء في ما جرى."]
    return {"url": f"https://x.test/News/2024/3/{1000 + n}.html", "site": "x", "section": "News",
            "headline": headline or f"{TOPICS[n]} {n}", "body": "\n\n".join([*own, *extra]),
            # Weeks apart: different stories, never follow-ups of each other.
            "published": (T0 + timedelta(days=20 * n)).isoformat(), "published_precision": "datetime",
            "crawled_at": T0.isoformat(), "authors": [], "tags": [], "word_count": 20}


def archive(store, furniture: SiteFurniture, article: dict) -> str:
    body, kept, dropped = furniture.clean(article["body"])
    article = {**article, "body": body}
    outcome, _, story_id = archive_story(store, article, headline_key(article["headline"]), timedelta(days=7))
    if outcome == "archived":
        furniture.record(store.by_url(article["url"]).id, story_id, kept, dropped)
    return outcome


def bodies(store) -> dict[str, str]:
    return {row["url"]: row["body"] for row in store.articles()}


def test_a_paragraph_on_enough_distinct_stories_leaves_every_body(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    furniture = SiteFurniture(store, "x", min_stories=6)
    for n in range(8):
        assert archive(store, furniture, story(n, NOTE)) == "archived"
    held = [url for url, body in bodies(store).items() if NOTE in body]
    assert len(held) == 6  # the first six, archived before the evidence was there
    assert len(furniture.clean_archive()) == 6
    assert all(NOTE not in body and "الفقرة الأولى" in body for body in bodies(store).values())
    store.close()


def test_a_story_repeating_itself_is_not_evidence(tmp_path):
    """Follow-ups of one story (one story_id) repeat its paragraphs: they count once."""
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    furniture = SiteFurniture(store, "x", min_stories=3)
    first = story(0, "خلفية الحدث كما رواها الشهود في اليوم الأول.")
    assert archive(store, furniture, first) == "archived"
    for n in range(1, 6):  # one story told in five follow-ups: headlines differ in their number only
        followup = {**first, "url": f"https://x.test/News/2024/3/{2000 + n}.html",
                    "headline": f"مقتل {n + 10} شخصا في انفجار قرب المدينة",
                    "body": f"حصيلة جديدة: {n + 10} قتيلا.\n\nخلفية الحدث كما رواها الشهود في اليوم الأول.",
                    "published": (T0 + timedelta(hours=n)).isoformat()}
        archive(store, furniture, followup)
    assert furniture.clean_archive() == []
    assert all("خلفية الحدث" in body for body in bodies(store).values())
    store.close()
