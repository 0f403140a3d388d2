"""The stories of the offline mirror: the real 2018 seed article plus synthetic ones.

Synthetic stories are assembled from sentence templates with a fixed random seed, so
the mirror is the same on every machine. Only the seed is real Elaph text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newscrawl.mirror.noise import KINDS as NOISE_KINDS

SEED_FILE = Path(__file__).with_name("seed_2018.txt")
SEED_ID = 1196093
SEED_PUBLISHED = datetime(2018, 3, 21, 14, 20, tzinfo=UTC)

SECTIONS = ("News", "Politics", "Economics", "Sports", "Oyoon", "NewsPapers", "Opinion")
# 2018 pages predate the JSON API and the current markup.
CURRENT_LAYOUT_FROM = datetime(2019, 1, 1, tzinfo=UTC)

CITIES = ("بيروت", "الرياض", "القاهرة", "لندن", "دبي", "بغداد", "عمّان", "الرباط", "تونس",
          "الكويت", "باريس", "واشنطن", "جدة", "الدوحة", "الجزائر", "دمشق", "أبوظبي", "موسكو")
ACTORS = {
    "News": ("وزير الخارجية السعودي", "الرئيس الفرنسي", "رئيس الوزراء العراقي", "الأمين العام للأمم المتحدة",
             "وزير الداخلية المصري", "رئيس الحكومة المغربية", "المبعوث الأممي", "وزير الدفاع الأميركي"),
    "Politics": ("البرلمان اللبناني", "مجلس الأمن الدولي", "الحكومة الأردنية", "الرئاسة الجزائرية",
                 "وزير الخارجية الإيراني", "الاتحاد الأوروبي", "جامعة الدول العربية", "الكونغرس الأميركي"),
    "Economics": ("البنك المركزي المصري", "منظمة أوبك", "صندوق النقد الدولي", "وزارة المالية الكويتية",
                  "هيئة السوق المالية السعودية", "البنك الدولي", "شركة أرامكو", "بورصة دبي"),
    "Sports": ("المنتخب المغربي", "نادي الهلال", "منتخب مصر", "نادي الترجي التونسي", "الاتحاد الآسيوي لكرة القدم",
               "نادي الأهلي", "المنتخب السعودي", "نادي الوداد"),
    "Oyoon": ("مهرجان القاهرة السينمائي", "معرض الرياض الدولي للكتاب", "دار الأوبرا المصرية", "متحف اللوفر أبوظبي",
              "الروائي اللبناني", "فرقة موسيقية تونسية", "مهرجان قرطاج", "الشاعرة العراقية"),
    "NewsPapers": ("صحيفة الغارديان", "صحيفة نيويورك تايمز", "صحيفة لوموند", "صحيفة التايمز",
                   "صحيفة واشنطن بوست", "مجلة الإيكونوميست", "صحيفة دي فيلت", "صحيفة الإندبندنت"),
    "Opinion": ("الكاتب", "المحلل السياسي", "الباحث الاقتصادي", "الأكاديمي",
                "الصحافي", "المفكر", "الخبير الاستراتيجي", "الدبلوماسي السابق"),
}
HEADLINES = {
    "News": ("{actor} يصل إلى {city} في زيارة تستمر {n} أيام", "{actor} يبحث في {city} ملف اللاجئين",
             "{n} قتيلاً في انفجار قرب {city}", "{actor} يدعو من {city} إلى وقف التصعيد"),
    "Politics": ("{actor} يناقش قانون الانتخابات في جلسة {city}", "{actor} يطالب بحوار وطني شامل في {city}",
                 "{actor} يعلن خطة من {n} بنود لحل الأزمة", "{actor} يرفض مشروع القرار بشأن {city}"),
    "Economics": ("{actor} يرفع توقعات النمو إلى {n} في المئة",
                  "{actor} يعلن استثمارات بقيمة {n} مليار دولار في {city}",
                  "{actor} يبقي أسعار الفائدة دون تغيير للشهر {n}", "{actor} يتوقع تراجع التضخم في {city}"),
    "Sports": ("{actor} يفوز على ضيفه بنتيجة {n}-1", "{actor} يستعد لمواجهة حاسمة في {city}",
               "{actor} يتعاقد مع مدرب جديد لمدة {n} مواسم", "{actor} يتأهل إلى الدور ربع النهائي في {city}"),
    "Oyoon": ("{actor} يحتفي بمرور {n} عاماً على انطلاقته", "{actor} يقدّم عرضاً جديداً في {city}",
              "{actor} يكرّم {n} من المبدعين العرب", "{actor} يفتتح دورته الجديدة في {city}"),
    "NewsPapers": ("{actor}: {city} أمام اختبار صعب", "{actor} تكشف تفاصيل {n} وثائق سرية",
                   "{actor}: مفاوضات {city} تدخل مرحلة حاسمة", "{actor} ترصد تحولات المشهد في {city}"),
    "Opinion": ("{actor} يكتب عن {city} بعد {n} سنوات من الأزمة", "{actor}: ما الذي تغيّر في {city}؟",
                "{actor} يسأل: هل تنجح تسوية {city}؟", "{actor}: دروس {n} عقود من السياسة في {city}"),
}
SENTENCES = (
    "وقال {actor} في تصريح صحافي إن المرحلة المقبلة تتطلب مزيداً من التنسيق بين الأطراف المعنية.",
    "وأشار إلى أن الاجتماعات التي عقدت في {city} خلال الأيام الماضية أسفرت عن تفاهمات أولية.",
    "وأوضح المصدر أن {n} ملفات رئيسية ستطرح على جدول الأعمال في الأسابيع المقبلة.",
    "ولفت مراقبون إلى أن التطورات الأخيرة تعكس تحولاً في المواقف الإقليمية والدولية.",
    "وأكد مسؤول رفيع، طلب عدم الكشف عن اسمه، أن القرار النهائي لم يتخذ بعد.",
    "ويأتي ذلك بعد أسابيع من التوتر الذي شهدته {city} على خلفية الخلافات المتكررة.",
    "وبحسب الأرقام الرسمية، ارتفعت النسبة إلى {n} في المئة مقارنة بالعام الماضي.",
    "وتوقع خبراء أن تنعكس هذه الخطوة إيجاباً على الأوضاع المعيشية للمواطنين.",
    "وشدد على ضرورة احترام الاتفاقات الموقعة والالتزام بالجداول الزمنية المتفق عليها.",
    "ونقلت وكالة الأنباء الرسمية عن مصادر مطلعة أن المحادثات ستستأنف الأسبوع المقبل.",
    "وكانت {city} قد استضافت في العام الماضي اجتماعاً مماثلاً لم يخرج بنتائج ملموسة.",
    "وفي سياق متصل، أعلنت السلطات عن إجراءات جديدة تدخل حيز التنفيذ مطلع الشهر المقبل.",
    "من جهته، رحّب {actor} بالمبادرة واعتبرها خطوة في الاتجاه الصحيح.",
    "وتشير التقديرات إلى أن نحو {n} ألف شخص سيستفيدون من البرنامج في مرحلته الأولى.",
    "ولم يصدر حتى الآن أي تعليق رسمي على هذه المعلومات.",
)
AUTHORS = ("نصر المجالي", "عبدالرحمن الماجد", "إيلاف من لندن", "ريما زهار", "محمد الحمامصي", "سارا العريضي")
TAGS = ("السعودية", "لبنان", "مصر", "العراق", "الاقتصاد", "الانتخابات", "كرة القدم", "الثقافة", "الأمم المتحدة")


@dataclass
class Story:
    id: int
    section: str
    published: datetime
    headline: str
    paragraphs: list[str]
    dateline: str | None
    layout: str
    summary: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    # Which of the page's own date signals the mirror prints: "jsonld", "visible", or none.
    date_signals: tuple[str, ...] = ()
    in_api: bool = False
    # Noise added to the page's text (see noise.py) and whether furniture sits inside
    # the body's markup; the fields above stay the clean truth.
    noise: str = ""
    furniture_in_body: bool = False
    # The truth about repeats: the headline of the story this one duplicates, or
    # continues as a follow-up (see newscrawl.archive.dedup for the policy).
    duplicate_of: str | None = None
    followup_of: str | None = None

    @property
    def path(self) -> str:
        month = f"{self.published.month:02d}" if self.published.year >= 2019 else str(self.published.month)
        return f"/Web/{self.section}/{self.published.year}/{month}/{self.id}.html"

    @property
    def amp_path(self) -> str:
        return "/amp" + self.path[:-1]


def seed_story() -> Story:
    blocks = [b.strip() for b in SEED_FILE.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    headline = blocks[1]
    body = blocks[2:13]
    first = body[0]
    dateline, _, rest = first.partition(":")
    return Story(
        id=SEED_ID, section="News", published=SEED_PUBLISHED, headline=headline,
        paragraphs=[rest.strip()] + body[1:], dateline=dateline.strip(), layout="2018",
    )


def build_corpus(count: int = 120, seed: int = 2018) -> list[Story]:
    """``count`` stories, oldest first, IDs increasing with time like the real site's."""
    rng = random.Random(seed)
    start = datetime(2016, 1, 3, 8, 0, tzinfo=UTC)
    end = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    step = (end - start) / count
    seen_headlines = {seed_story().headline}
    stories = [seed_story()]
    for index in range(count - 1):
        published = start + step * index + timedelta(minutes=rng.randrange(0, 600))
        section = SECTIONS[index % len(SECTIONS)]
        headline = _unique_headline(rng, section, seen_headlines)
        city = rng.choice(CITIES)
        paragraphs = [_paragraph(rng, section) for _ in range(rng.randint(3, 7))]
        layout = "current" if published >= CURRENT_LAYOUT_FROM else "2018"
        signals = _date_signals(index) if layout == "current" else (("visible",) if index % 3 == 0 else ())
        stories.append(Story(
            id=0, section=section, published=published, headline=headline, paragraphs=paragraphs,
            dateline=city, layout=layout,
            summary=_paragraph(rng, section, sentences=1) if layout == "current" and index % 2 else None,
            authors=[rng.choice(AUTHORS)] if layout == "current" else [],
            tags=rng.sample(TAGS, 2) if layout == "current" else [],
            date_signals=signals, in_api=layout == "current",
            noise=NOISE_KINDS[index % len(NOISE_KINDS)], furniture_in_body=index % 2 == 1,
        ))
    stories += _repeats(rng, stories)
    stories.sort(key=lambda s: s.published)
    next_id = 1100000
    for story in stories:
        if story.id != SEED_ID:
            story.id = next_id
        next_id = max(next_id, story.id) + rng.randint(40, 3000)
    return stories


def _story(rng: random.Random, section: str, published: datetime, headline: str, **extra) -> Story:
    layout = "current" if published >= CURRENT_LAYOUT_FROM else "2018"
    fields = dict(id=0, section=section, published=published, headline=headline,
                  paragraphs=[_paragraph(rng, section) for _ in range(4)], dateline=rng.choice(CITIES),
                  layout=layout, authors=[rng.choice(AUTHORS)] if layout == "current" else [],
                  date_signals=("jsonld", "visible") if layout == "current" else ("visible",),
                  in_api=layout == "current")
    fields.update(extra)
    return Story(**fields)


def _repeats(rng: random.Random, stories: list[Story]) -> list[Story]:
    """The ways one story reaches a crawl more than once, and headlines that repeat
    without being the same story."""
    seed = stories[0]
    current = [s for s in stories if s.layout == "current"]
    # Small mirrors (benchmark smoke runs) may lack these years: any current story will do.
    original = next((s for s in current if s.section == "News" and s.published.year == 2022), current[0])
    reposted = next((s for s in current if s.section == "Politics" and s.published.year == 2023), current[-1])
    oil, gold = "أسعار النفط اليوم", "أسعار الذهب اليوم"
    hostile = _story(rng, "News", datetime(2025, 2, 1, 10, 0, tzinfo=UTC),
                     '=HYPERLINK("https://evil.example/","اضغط هنا") عرض خاص',
                     summary="@الحساب الرسمي: تفاصيل العرض \"الخاص\" بين علامتي تنصيص")
    hostile.paragraphs.insert(1, '+966 هو رمز الاتصال الدولي للسعودية، وقال المتحدث: "سنرد على الجميع".')
    hostile.paragraphs.insert(2, "-20 درجة مئوية سُجّلت في المرتفعات، بحسب الأرصاد")
    first_toll = _story(rng, "News", seed.published - timedelta(hours=30), seed.headline.replace("62", "36"))
    seed.followup_of = first_toll.headline
    return [
        # Cells a spreadsheet would run as formulas, and quotes inside the text.
        hostile,
        # The first toll of the seed's attack; the seed (62 dead) is its follow-up.
        first_toll,
        # A follow-up hours later, the toll updated.
        _story(rng, "News", datetime(2024, 3, 5, 9, 0, tzinfo=UTC), "مقتل 12 شخصاً في انفجار قرب بغداد"),
        _story(rng, "News", datetime(2024, 3, 5, 15, 30, tzinfo=UTC), "مقتل 19 شخصاً في انفجار قرب بغداد",
               followup_of="مقتل 12 شخصاً في انفجار قرب بغداد"),
        # The press review republishes a News story the next day: same text, other URL.
        _story(rng, "NewsPapers", original.published + timedelta(days=1), original.headline + " | إيلاف",
               paragraphs=list(original.paragraphs), dateline=original.dateline, duplicate_of=original.headline),
        # Re-posted two days later under a new ID, the headline edited: diacritics, «أ» as «ا».
        _story(rng, "Politics", reposted.published + timedelta(days=2),
               reposted.headline.replace("أ", "ا").replace("إ", "ا").replace("يعلن", "يُعلن").replace("يبحث", "يَبحث"),
               paragraphs=list(reposted.paragraphs), dateline=reposted.dateline, duplicate_of=reposted.headline),
        # A recurring headline months apart: three different stories.
        _story(rng, "Economics", datetime(2021, 3, 2, 8, 0, tzinfo=UTC), oil),
        _story(rng, "Economics", datetime(2021, 9, 14, 8, 0, tzinfo=UTC), oil),
        _story(rng, "Economics", datetime(2022, 5, 20, 8, 0, tzinfo=UTC), oil),
        # The same headline two days apart over clearly different stories: both kept.
        _story(rng, "Economics", datetime(2023, 4, 10, 8, 0, tzinfo=UTC), gold),
        _story(rng, "Economics", datetime(2023, 4, 12, 8, 0, tzinfo=UTC), gold),
    ]


def _date_signals(index: int) -> tuple[str, ...]:
    # A third of current pages print no date at all: only the JSON API knows it.
    return (("jsonld", "visible"), ("visible",), ())[index % 3]


def _fill(rng: random.Random, template: str, section: str) -> str:
    return template.format(actor=rng.choice(ACTORS[section]), city=rng.choice(CITIES), n=rng.randint(2, 95))


def _unique_headline(rng: random.Random, section: str, seen: set[str]) -> str:
    for attempt in range(200):
        headline = _fill(rng, rng.choice(HEADLINES[section]), section)
        if attempt >= 50:  # a large mirror exhausts the templates: vary the place too
            headline += f" و{rng.choice(CITIES)} و{rng.choice(CITIES)} ({rng.randint(1, 10**6)})"
        if headline not in seen:
            seen.add(headline)
            return headline
    raise RuntimeError("no unique headline left")


def _paragraph(rng: random.Random, section: str, sentences: int | None = None) -> str:
    picked = rng.sample(SENTENCES, sentences or rng.randint(2, 4))
    return " ".join(_fill(rng, s, section) for s in picked)
