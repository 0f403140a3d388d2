"""The in-memory dedup store takes the same decisions as the SQLite archive: each is
driven through archive_story with the same sequences of stories — copies, follow-ups,
copies that stand for a story better, redirects, recurring headlines, dates of every
precision and none — and must give the same outcome for every story and end with the
same rows, stories and aliases."""

import random
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newscrawl.archive.archiving import archive_story
from newscrawl.archive.memory import MemoryStore
from newscrawl.archive.sqlite import SQLiteStore
from newscrawl.text.keys import headline_key

WINDOW = timedelta(days=7)
T0 = datetime(2024, 1, 20, 6, 0, tzinfo=UTC)
BEIRUT = timezone(timedelta(hours=2))
CITIES = ["غزة", "بيروت", "دمشق", "عمان", "بغداد"]
# Headlines sharing words, differing by a number or a word or two: follow-up candidates.
HEADLINES = ["ارتفاع عدد القتلى في {city} الى {n} قتيلا", "الحكومة في {city} تعلن خطة جديدة لحل الازمة",
             "وزير الخارجية يصل الى {city} في زيارة رسمية تستمر {n} ايام", "اسعار النفط اليوم"]
SENTENCES = ["قال مسؤولون ان الحكومة اقرت الموازنة الجديدة بعد نقاش طويل في البرلمان",
             "واكدت مصادر مطلعة ان المحادثات ستستانف الاسبوع المقبل في العاصمة",
             "وكانت السلطات قد اعلنت اجراءات جديدة تدخل حيز التنفيذ مطلع الشهر",
             "واشار التقرير الى ان الاسعار ارتفعت بنسبة كبيرة خلال العام الماضي",
             "ونقلت وكالة الانباء الرسمية عن شهود عيان ان الوضع هادئ صباح اليوم",
             "وتابع المتحدث ان الاجتماع المقبل سيعقد بعد اسبوعين بحضور الوزراء"]


def _published(rng: random.Random) -> tuple[str | None, str | None]:
    # Whole weeks apart at one time of day, to the second but not to the microsecond:
    # stories at the window's very edge, where a store must compare instants as it keeps them.
    when = T0 + timedelta(days=rng.choice([0, 0, 1, 3, 7, 7, 14, 40]), hours=rng.choice([0, 5, 13]),
                          microseconds=rng.choice([0, 250_000, 600_000]))
    precision = rng.choice(["datetime", "datetime", "day", "month", None])
    if precision == "datetime":  # as the page wrote it: in UTC or in the site's zone
        return when.astimezone(rng.choice([UTC, BEIRUT])).isoformat(), precision
    if precision == "day":
        return when.date().isoformat(), precision
    if precision == "month":
        return when.strftime("%Y-%m"), precision
    return None, None


def _stories(seed: int, count: int) -> list[tuple[dict, str]]:
    rng, made = random.Random(seed), []
    for n in range(count):
        if made and rng.random() < 0.3:  # another copy of a story met before: its text, another URL or the same
            earlier, _ = rng.choice(made)
            article = {**earlier, "url": rng.choice([earlier["url"], f"https://x.test/News/{rng.randrange(900, 999)}"
                                                                      f"{n:04d}.html"])}
            if rng.random() < 0.5:
                article["published"], article["published_precision"] = _published(rng)
            if rng.random() < 0.3:  # its headline edited
                article["headline"] = article["headline"] + " " + rng.choice(["عاجل", "تحديث"])
        else:
            headline = rng.choice(HEADLINES).format(city=rng.choice(CITIES), n=rng.choice([3, 5, 36, 62]))
            published, precision = _published(rng)
            article = {"url": f"https://x.test/News/{rng.randrange(100, 999)}{n:04d}.html", "site": "x",
                       "headline": headline, "published": published, "published_precision": precision,
                       "body": "\n\n".join(rng.sample(SENTENCES, rng.choice([2, 4, 6])))}
        if rng.random() < 0.1:
            article["aliases"] = [f"https://x.test/r/{n}"]
        made.append((article, headline_key(article["headline"])))
    return made


def _decisions(store, stories) -> tuple[list, tuple]:
    outcomes = []
    for n, (article, key) in enumerate(stories):
        outcome, decision, story_id = archive_story(store, dict(article), key, WINDOW,
                                                    seen_at=T0 + timedelta(minutes=n))
        outcomes.append((outcome, decision.verdict, decision.reason, story_id,
                         decision.other.url if decision.other else None))
    return outcomes, store.stories()


@pytest.mark.parametrize("seed", range(8))
def test_the_memory_store_decides_as_the_archive_does(seed):
    stories = _stories(seed, 200)
    archive = SQLiteStore(Path(":memory:"))
    try:
        expected = _decisions(archive, stories)
    finally:
        archive.close()
    assert _decisions(MemoryStore(), stories) == expected


def test_the_sequences_meet_every_kind_of_decision():
    """What the comparison above covers: without each kind, it could not fail there."""
    kinds = Counter()
    for seed in range(8):
        outcomes, (rows, aliases) = _decisions(MemoryStore(), _stories(seed, 200))
        kinds.update((outcome, reason) for outcome, _, reason, _, _ in outcomes)
        kinds.update(verdict for _, verdict, _, _, _ in outcomes)
        kinds["aliases"] += len(aliases)
    for kind in [("archived", None), ("duplicate", "url"), ("duplicate", "headline"),
                 ("duplicate", "near_headline"), ("represents", "headline"), "followup", "aliases"]:
        assert kinds[kind] > 0, kind


REFUSED = (sqlite3.IntegrityError, ValueError)  # SQLite's constraint, the memory store's check


def _two_stores():
    return [SQLiteStore(Path(":memory:")), MemoryStore()]


def _story(n: int, tokens: list[str]) -> dict:
    return dict(article={"url": f"https://x.test/{n}", "site": "x", "headline": " ".join(tokens), "body": "نص",
                         "published": T0.isoformat(), "published_precision": "datetime"},
                headline_key=" ".join(tokens), content_hash=str(n), published_at=T0, tokens=tokens, story_id=None,
                seen_at=T0)


def test_a_token_asked_twice_counts_once_in_both_stores():
    span = (T0 - WINDOW, T0 + WINDOW)
    for store in _two_stores():
        store.add(**_story(1, ["سوريا", "لبنان"]))
        assert store.candidates("x", "اخر", ["سوريا", "سوريا"], span, min_shared=2) == []
        assert [c.url for c in store.candidates("x", "اخر", ["سوريا", "لبنان"], span, min_shared=2)] == \
            ["https://x.test/1"]


def test_a_url_is_one_row_s_in_both_stores():
    for store in _two_stores():
        store.add(**_story(1, ["سوريا"]))
        second, _ = store.add(**_story(2, ["لبنان"]))
        with pytest.raises(REFUSED):
            store.add(**_story(1, ["العراق"]))
        taken = {**_story(3, ["لبنان"]), "article": {**_story(3, ["لبنان"])["article"], "url": "https://x.test/1"}}
        taken.pop("story_id")
        with pytest.raises(REFUSED):
            store.represent(second, **taken, reason="headline")
