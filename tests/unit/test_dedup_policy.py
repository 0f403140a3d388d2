"""newscrawl.archive.dedup.decide: the rules, one table row each."""

import random
from datetime import UTC, datetime, timedelta

import pytest

from newscrawl.archive.dedup import (
    StoryRef,
    article_number,
    compared,
    decide,
    is_followup_headline,
    key_tokens,
    min_shared_tokens,
    same_story,
    search_span,
    stands_before,
    within_window,
)
from newscrawl.sites.elaph import SITE as ELAPH
from newscrawl.text.keys import headline_key

SITE_NAMES = ELAPH.site_names

WINDOW = timedelta(days=7)
T0 = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
BODY_A = "قال مسؤول في وزارة الداخلية إن الانفجار وقع صباح اليوم قرب سوق شعبي وأدى إلى سقوط ضحايا بين المدنيين."
BODY_B = ("ارتفعت أسعار النفط في التعاملات الآسيوية مع تراجع المخزونات "
          "الأميركية وتوقعات بزيادة الطلب العالمي خلال الصيف.")


def ref(headline, body=BODY_A, when=T0, precision="datetime", url=None, id=None):
    return StoryRef(url=url or f"https://x.test/{headline}", headline_key=headline_key(headline, SITE_NAMES), body=body,
                    published_at=when, precision=precision, id=id, story_id=id)


ARCHIVED = ref("مقتل 12 شخصاً في انفجار قرب بغداد", id=1, url="https://x.test/1")


DECISION_CASES = [
    (ref("عنوان آخر تماماً", url="https://x.test/1"), "duplicate", "url"),
    (ref("مقتل 12 شخصاً في انفجار قرب بغداد", when=T0 + timedelta(days=1)), "duplicate", "headline"),
    (ref("مَقتل ١٢ شخصاً في إنفجار قرب بغداد | إيلاف", when=T0 + timedelta(days=6)), "duplicate", "headline"),
    (ref("مقتل 12 شخصاً في انفجار قرب بغداد", body=BODY_B, when=T0 + timedelta(days=1)), "new", None),
    (ref("مقتل 12 شخصاً في انفجار قرب بغداد", when=T0 + timedelta(days=40)), "new", None),
    (ref("مقتل 19 شخصاً في انفجار قرب بغداد", body=BODY_B, when=T0 + timedelta(hours=6)), "followup", "near_headline"),
    (ref("مقتل 19 شخصاً في انفجار ضخم قرب بغداد", body=BODY_A + " وارتفعت الحصيلة.", when=T0 + timedelta(hours=6)),
     "duplicate", "near_headline"),  # the same text under an edited headline is a copy
    (ref("مقتل 19 شخصاً في انفجار ضخم قرب بغداد", body=BODY_A[:50] + " " + BODY_B, when=T0 + timedelta(hours=6)),
     "followup", "near_headline"),
    (ref("مقتل 19 شخصاً في انفجار قرب بغداد", when=T0 + timedelta(days=30)), "new", None),
    (ref("افتتاح معرض الكتاب في بغداد", when=T0 + timedelta(days=1)), "new", None),
    # Month precision: the URL's month is all that is known, the window widens by a month.
    (ref("مقتل 12 شخصاً في انفجار قرب بغداد", when=datetime(2024, 3, 1, tzinfo=UTC),
         precision="month"), "duplicate", "headline"),
]


@pytest.mark.parametrize("incoming, verdict, reason", DECISION_CASES)
def test_decisions(incoming, verdict, reason):
    same_url = ARCHIVED if incoming.url == ARCHIVED.url else None
    decision = decide(incoming, same_url, [ARCHIVED], WINDOW)
    assert (decision.verdict, decision.reason) == (verdict, reason)
    if verdict in ("duplicate", "followup"):
        assert decision.story_id == 1 and decision.other is ARCHIVED


DISTRACTORS = [ref("انفجار في سوق الخضار", id=2, url="https://x.test/2", when=T0 + timedelta(hours=2)),
               ref("بغداد تستضيف قمة عربية", body=BODY_B, id=3, url="https://x.test/3"),
               ref("مقتل 12 شخصاً في انفجار قرب بغداد", id=4, url="https://x.test/4", when=T0 + timedelta(days=60))]


@pytest.mark.parametrize("incoming", [case[0] for case in DECISION_CASES])
def test_the_archive_reads_bodies_only_of_candidates_that_can_change_the_decision(incoming):
    """ArchivePipeline passes decide() only the candidates `compared` keeps (their
    bodies alone are read from the archive): the decision must be the same as with all."""
    same_url = ARCHIVED if incoming.url == ARCHIVED.url else None
    everything = [*DISTRACTORS, ARCHIVED]
    tokens = key_tokens(incoming.headline_key)
    # What the archive returns: the same key, or enough shared tokens (min_shared_tokens).
    found = [c for c in everything if c.headline_key == incoming.headline_key
             or len(set(tokens) & set(key_tokens(c.headline_key))) >= min_shared_tokens(tokens)]
    kept = [c for c in found if compared(incoming, WINDOW)(c)]
    assert decide(incoming, same_url, kept, WINDOW) == decide(incoming, same_url, everything, WINDOW)
    assert not any(c.id in (3, 4) for c in kept)  # a shared word, or too far apart: body not needed


def test_every_followup_headline_shares_the_tokens_the_archive_asks_for():
    """The archive returns only headlines sharing min_shared_tokens of the incoming
    one's index tokens: no follow-up that shares a token at all may share fewer (one
    that shares none — all its words numbers or stopwords — is out of the token index's
    reach whatever the threshold). Headlines edited every way is_followup_headline
    allows: numbers, one or two words changed, added or dropped."""
    rng = random.Random(8)
    words = "مقتل شخصا انفجار قرب بغداد الرئيس يصل باريس زيارة رسمية تستمر يومين وزير الخارجية يبحث ملف اللاجئين" \
        " في من على 12 36 2024".split()
    checked = 0
    for _ in range(4000):
        a = rng.sample(words, rng.randint(2, 10))
        b = list(a)
        for _ in range(rng.randint(1, 2)):
            edit = rng.choice(("substitute", "delete", "insert"))
            if edit == "substitute" and b:
                b[rng.randrange(len(b))] = rng.choice(words)
            elif edit == "delete" and len(b) > 1:
                del b[rng.randrange(len(b))]
            else:
                b.insert(rng.randrange(len(b) + 1), rng.choice(words))
        key_a, key_b = " ".join(a), " ".join(b)
        if is_followup_headline(key_b, key_a):
            checked += 1
            tokens = key_tokens(key_a)
            shared = len(set(tokens) & set(key_tokens(key_b)))
            assert shared == 0 or shared >= min_shared_tokens(tokens), (key_a, key_b)
    assert checked > 500


@pytest.mark.parametrize("a, b, followup", [
    ("36 قتيلا من قوات النظام في دمشق", "62 قتيلا من قوات النظام في دمشق", True),
    ("اسعار النفط اليوم", "اسعار الذهب اليوم", False),          # one word of three is a new subject
    ("الرئيس يصل الى باريس في زيارة رسمية تستمر يومين", "الرئيس يصل الى لندن في زيارة رسمية تستمر يومين", True),
    ("الرئيس يصل الى باريس", "الوزير يغادر لندن", False),
    ("عنوان واحد", "عنوان واحد", False),                     # identical is not a follow-up
])
def test_followup_headlines(a, b, followup):
    assert is_followup_headline(a, b) is followup


def test_same_story_by_shared_text():
    assert same_story(BODY_A, BODY_A + " وأضاف أن التحقيقات جارية.")
    assert same_story(BODY_A, BODY_A[:60])  # an excerpt of the same text
    assert not same_story(BODY_A, BODY_B)


def test_index_tokens_skip_numbers_and_stopwords():
    assert key_tokens("مقتل 12 شخصا في انفجار قرب بغداد") == ["مقتل", "شخصا", "انفجار", "قرب", "بغداد"]


def test_search_span_is_narrow_but_reaches_month_dated_stories():
    span = search_span(ref("عنوان", when=datetime(2024, 3, 25, 12, tzinfo=UTC)), WINDOW)
    assert (span.low, span.high) == (datetime(2024, 3, 17, 12, tzinfo=UTC),
                                     datetime(2024, 4, 2, 12, tzinfo=UTC))
    # Stories known only to their month are stored at its first moment, up to 31 days off.
    assert span.month_starts == tuple(datetime(2024, m, 1, tzinfo=UTC) for m in (3, 4, 5))
    for month_start in span.month_starts:
        assert within_window(ref("عنوان", when=datetime(2024, 3, 25, 12, tzinfo=UTC)),
                             ref("عنوان", when=month_start, precision="month"), WINDOW)
    # Anything dated more precisely outside (low, high) is outside the window.
    assert not within_window(ref("عنوان", when=datetime(2024, 3, 25, 12, tzinfo=UTC)),
                             ref("عنوان", when=span.low - timedelta(seconds=1), precision="day"), WINDOW)
    december = search_span(ref("عنوان", when=datetime(2024, 12, 20, tzinfo=UTC), precision="day"), WINDOW)
    assert december.month_starts == (datetime(2024, 12, 1, tzinfo=UTC),
                                     datetime(2025, 1, 1, tzinfo=UTC))


D = datetime(2024, 3, 5, tzinfo=UTC)


@pytest.mark.parametrize("a, b", [
    # Published first stands for the story.
    (ref("س", when=T0, url="https://x.test/News/9"), ref("س", when=T0 + timedelta(hours=2), url="https://x.test/P/1")),
    # The same instant, the same day at day precision, or a month-only date: the lower article ID.
    (ref("س", when=T0, url="https://x.test/P/100"), ref("س", when=T0, url="https://x.test/News/200")),
    (ref("س", when=D, precision="day", url="https://x.test/a/1001"), ref("س", when=T0, url="https://x.test/b/1002")),
    (ref("س", when=D, precision="month", url="https://x.test/a/1001"),
     ref("س", when=T0 - timedelta(days=2), url="https://x.test/b/1002")),
    (ref("س", when=None, url="https://x.test/a/500"), ref("س", when=T0, url="https://x.test/b/600")),
    # A copy with an ID before one without; then the URL.
    (ref("س", when=T0, url="https://x.test/a/123"), ref("س", when=T0, url="https://x.test/b/slug")),
    (ref("س", when=T0, url="https://x.test/a/slug"), ref("س", when=T0, url="https://x.test/b/slug")),
    # Day precision on different days: the earlier day, whatever the IDs.
    (ref("س", when=D, precision="day", url="https://x.test/a/9000"),
     ref("س", when=D + timedelta(days=1), precision="day", url="https://x.test/b/1000")),
])
def test_one_copy_stands_for_a_story_whatever_the_order(a, b):
    assert stands_before(a, b) and not stands_before(b, a)


@pytest.mark.parametrize("url, number", [
    ("https://elaph.com/Web/News/2024/05/1325525.html", 1325525),
    ("https://www.youm7.com/story/2020/8/24/slug/4943459", 4943459),
    ("https://www.lbcgroup.tv/news/898682/2026-01-08-trump", 898682),  # longer than the year after it
    ("https://site.test/a/123/b/456", 456),  # of equals, the last
    ("https://site.test/article.php?id=164913", 164913),
    ("https://site.test/opinion/a-slug", None),
])
def test_article_number(url, number):
    assert article_number(url) == number
