"""Site-wide furniture learned from the archive (newscrawl.extract.learned), on a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newscrawl.archive import open_store
from newscrawl.archive.archiving import archive_story
from newscrawl.extract.learned import LINE_WORDS, SiteFurniture
from newscrawl.extract.queries import parse_html
from newscrawl.extract.structure import page_lines
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


def test_a_run_looks_only_at_the_paragraphs_its_stories_recorded(tmp_path):
    """The end-of-run pass of a run is given the rows it archived: the note reaching its
    sixth story in a later run leaves the bodies archived before; a run whose stories share
    no paragraph with them changes nothing, and a run that archived nothing reads nothing."""
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    furniture = SiteFurniture(store, "x", min_stories=6)

    def run(*numbers: int) -> list[str]:
        ids = []
        for n in numbers:
            assert archive(store, furniture, story(n, NOTE) if n < 6 else story(n)) == "archived"
            ids.append(store.by_url(story(n)["url"]).id)
        return furniture.clean_archive(ids)

    assert run(0, 1, 2, 3, 4) == []  # five stories: not yet furniture
    assert store.bodies_with("x", 3, [store.by_url(story(0)["url"]).id]) == \
        sorted(store.by_url(story(n)["url"]).id for n in range(5))
    assert run(7) == [] and store.bodies_with("x", 3, [store.by_url(story(7)["url"]).id]) == []
    assert len(run(5)) == 6  # the sixth: the five earlier bodies and its own lose the note
    assert all(NOTE not in body for body in bodies(store).values())
    assert furniture.clean_archive([]) == []
    store.close()


def test_a_killed_runs_stories_get_the_pass_the_next_run_ends_with(tmp_path):
    """A run killed before its end: a story of it printing the headline of a story archived
    after it keeps that line until the next run's pass, which takes in every story
    archived since the last pass that ended, not only its own."""
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    furniture = SiteFurniture(store, "x", min_stories=6)
    archive(store, furniture, story(0))
    assert furniture.clean_archive([store.by_url(story(0)["url"]).id]) == []  # a run that ended
    other = "وزير المالية يرفع توقعات النمو إلى خمسة في المئة"
    archive(store, furniture, story(1, other))  # the killed run: no pass at its end
    archive(store, furniture, story(2, headline=other))
    assert other in bodies(store)[story(1)["url"]]
    archive(store, furniture, story(3))  # the next run
    assert furniture.clean_archive([store.by_url(story(3)["url"]).id]) == [story(1)["url"]]
    assert other not in bodies(store)[story(1)["url"]]
    assert furniture.clean_archive([]) == []
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


PROMPT = "انضم إلى قناتنا على تيليغرام"  # a template's prompt, printed beside most stories
MENU = ["الرئيسية", "سياسة", "اقتصاد", "رياضة", PROMPT]


def archive_page(store, furniture: SiteFurniture, article: dict, lines: list[str]) -> str:
    """As the crawl does: the page's short lines (structure.page_lines) recorded beside its body."""
    body, kept, dropped = furniture.clean(article["body"])
    article = {**article, "body": body}
    outcome, _, story_id = archive_story(store, article, headline_key(article["headline"]), timedelta(days=7))
    if outcome == "archived":
        furniture.record(store.by_url(article["url"]).id, story_id, kept, dropped, lines)
    return outcome


def test_a_prompt_printed_beside_other_stories_is_furniture_where_it_slips_into_a_body(tmp_path):
    """The prompt is in one body only; the other pages print it outside theirs. Whether that
    body comes first (cleaned at the run's end) or last (cleaned before it is archived)."""
    for slipped in (0, 5):
        store = open_store(f"sqlite:///{tmp_path}/{slipped}.sqlite3")
        furniture = SiteFurniture(store, "x", min_stories=6)
        for n in range(6):
            extra = ("ــ انضم  إلى قناتنا على تيليغرام",) if n == slipped else ()  # spelled as the page prints it
            page_lines = [*MENU, f"{TOPICS[n]} {n}"]
            assert archive_page(store, furniture, story(n, *extra), page_lines) == "archived"
        furniture.clean_archive()
        held = [url for url, body in bodies(store).items() if "تيليغرام" in body]
        assert held == [], slipped
        assert all("الفقرة الأولى" in body and "والفقرة الثانية" in body for body in bodies(store).values())
        store.close()


def test_a_line_printed_on_too_few_other_pages_stays(tmp_path):
    """One other page prints the line (a short line needs three stories): it stays."""
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    furniture = SiteFurniture(store, "x", min_stories=6)
    line = "شاهد الصور"
    for n in range(4):
        lines = [line] if n == 1 else []
        archive_page(store, furniture, story(n, line) if n == 0 else story(n), lines)
    furniture.clean_archive()
    assert line in bodies(store)["https://x.test/News/2024/3/1000.html"]
    store.close()


def test_a_long_teaser_printed_on_other_pages_is_not_evidence(tmp_path):
    """A story's own paragraph, printed as a teaser beside other stories, stays in its body:
    a page's lines longer than LINE_WORDS are not its evidence; its short ones are."""
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    furniture = SiteFurniture(store, "x", min_stories=6)
    lead = story(0)["body"].split("\n\n")[0] + " وأضاف أن الوضع سيتحسن"
    page = (f"<html><body><nav><a>{MENU[1]}</a></nav><aside><p>{lead}</p></aside><p>{PROMPT}</p>"
            "<script>var slot = 1;</script></body></html>")
    lines = page_lines(parse_html(page), LINE_WORDS)
    assert lines == [MENU[1], PROMPT]
    archive_page(store, furniture, {**story(0), "body": f"{lead}\n\n{PROMPT}"}, [])
    for n in range(1, 9):
        archive_page(store, furniture, story(n), lines)
    furniture.clean_archive()
    assert bodies(store)["https://x.test/News/2024/3/1000.html"] == lead
    store.close()


def test_a_headline_behind_a_label_set_apart_by_markup_alone(tmp_path):
    """«<b>ذات صلة</b> <a>headline</a>» reads as «ذات صلة headline»: no colon marks the label."""
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    furniture = SiteFurniture(store, "x", min_stories=6)
    other = "وزير المالية يرفع توقعات النمو إلى خمسة في المئة"
    archive(store, furniture, story(1, headline=other))
    body, _, dropped = furniture.clean(story(0, f"ذات صلة {other}")["body"])
    assert other not in body and len(dropped) == 1
    # A paragraph that only ends with a few of its words is not that headline.
    body, _, dropped = furniture.clean(story(0, "وقال إن الوزير يرفع توقعات النمو إلى خمسة في المئة")["body"])
    assert dropped == []
    store.close()


def test_follow_ups_printing_a_line_count_once_toward_its_evidence(tmp_path):
    """Five follow-ups of one story print a line of eight words (six stories needed); five
    other stories print it too: six distinct stories, and a body holding it loses it."""
    store = open_store(f"sqlite:///{tmp_path}/a.sqlite3")
    furniture = SiteFurniture(store, "x", min_stories=6)
    line = "حمل تطبيق الموقع على هاتفك لتصلك آخر الأخبار"
    assert len(line.split()) == 8
    first = {**story(0), "headline": "مقتل 10 شخصا في انفجار قرب المدينة"}
    assert archive_page(store, furniture, first, [line]) == "archived"
    for n in range(1, 5):  # one story told in follow-ups: headlines differ in their number only
        followup = {**first, "url": f"https://x.test/News/2024/3/{2000 + n}.html",
                    "headline": f"مقتل {n + 10} شخصا في انفجار قرب المدينة",
                    "body": f"حصيلة جديدة: {n + 10} قتيلا.\n\nخلفية الحدث كما رواها الشهود في اليوم الأول.",
                    "published": (T0 + timedelta(hours=n)).isoformat()}
        assert archive_page(store, furniture, followup, [line]) == "archived"
    assert len({row["story_id"] for row in store.articles()}) == 1
    for n in range(1, 6):
        archive_page(store, furniture, story(n), [line])
    body, _, dropped = furniture.clean(story(6, line)["body"])
    assert line not in body and len(dropped) == 1
    store.close()


def test_no_paragraph_is_furniture_below_the_lowest_threshold():
    """Re-extraction reads only the evidence that reaches lowest_threshold: it must be the
    least of the thresholds of a short and of a long paragraph, whatever min_stories."""
    from newscrawl.extract.learned import SHORT_WORDS, lowest_threshold, threshold

    short, long = "كلمة " * SHORT_WORDS, "كلمة " * (SHORT_WORDS + 1)
    for min_stories, lowest in [(1, 1), (2, 2), (3, 2), (4, 2), (5, 2), (6, 3), (7, 3), (10, 5), (20, 10)]:
        assert lowest_threshold(min_stories) == lowest
        assert lowest == min(threshold(short, min_stories), threshold(long, min_stories))
