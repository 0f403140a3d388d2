"""Reader comments for the seeded unseen-layout pages: short Arabic texts as readers
write them under news (praise, anger, sarcasm, prayers, dialect, a question to the
writer), some quoting words of the article they sit under."""

from __future__ import annotations

import random

OPENERS = (
    "كلام جميل", "مقال رائع", "للأسف الشديد", "والله", "مع احترامي للكاتب", "صدقت", "هذا هو الواقع", "يا جماعة",
    "الله المستعان", "حسبي الله ونعم الوكيل", "شكراً على التقرير", "بصراحة", "أتفق مع الكاتب تماماً",
    "لا أتفق مع ما جاء في الخبر", "سؤال بسيط", "يا ريت", "إلى متى", "عجبي", "الحمد لله", "يا سلام",
    "مفيش فايدة", "والله العظيم", "شو هالحكي", "ايش هذا", "يا عمي", "للتاريخ", "من الآخر", "باختصار",
    "اللهم احفظ بلادنا", "مع كل الاحترام", "أخيراً", "كالعادة", "يا ليت قومي يعلمون",
)
CLAIMS = (
    "الشعوب هي التي تدفع الثمن دائماً", "المواطن البسيط لا يهمه إلا لقمة العيش", "هذه الوعود سمعناها مئات المرات",
    "لا شيء سيتغير على أرض الواقع", "الإعلام لا ينقل الصورة كاملة", "الحل الوحيد هو الحوار بين الجميع",
    "الفساد هو أصل المشكلة", "الأسعار نار والرواتب لا تكفي", "نحتاج إلى أفعال لا إلى تصريحات", "التاريخ لا يرحم",
    "كل هذا بسبب التدخلات الخارجية", "الله يرحم الضحايا ويصبر أهلهم", "المسؤولون في واد والناس في واد آخر",
    "لو كان هناك تخطيط حقيقي لما وصلنا إلى هنا", "الشباب هم أمل هذه الأمة", "العبرة بالتنفيذ وليس بالكلام",
    "نريد حلولاً جذرية لا مسكنات", "هذه بداية النهاية", "القادم أسوأ للأسف", "الحق يعلو ولا يعلى عليه",
    "كل الاحترام لمن يعمل بصمت", "أين المحاسبة؟", "من أمن العقوبة أساء الأدب", "الإصلاح يبدأ من التعليم",
    "البلد تستحق أفضل من ذلك", "اللي بيحصل ده مش طبيعي", "ما في شي بيتغير", "الله يعين الناس", "الحكم ظلمنا",
    "المنتخب يستحق الفوز عن جدارة", "المدرب يتحمل المسؤولية كاملة", "الثقافة غذاء الروح",
    "الاقتصاد لن يتعافى بهذه الطريقة", "الدولار يرتفع والجيوب تفرغ", "الصحافة الحرة هي صوت الناس",
)
QUOTES = (
    "يقول الخبر «{q}» وهذا غير دقيق", "«{q}»؟ من يصدق هذا الكلام", "عبارة «{q}» تلخص كل شيء",
    "أضحكني قوله «{q}»", "{q}... كلام سمعناه من قبل", "\"{q}\" وماذا بعد؟", "توقفت عند «{q}»",
    "المهم في الخبر: {q}", "«{q}» هذا بالضبط ما قلناه منذ سنوات",
)
CLOSERS = (
    "والله من وراء القصد", "ولا حول ولا قوة إلا بالله", "الله يحفظ البلد", "تحياتي للجميع", "وشكراً",
    "والأيام بيننا", "ربنا يستر", "الله يهدي الجميع", "والسلام", "يا حسرة", "حسبنا الله", "الله كريم",
    "شكراً لإيلاف", "تحية للكاتب", "!!", "؟؟", "👍", "😂😂", "وكفى",
)
QUESTIONS = ("من المسؤول عن كل هذا؟", "أين كانت الحكومة قبل ذلك؟", "لماذا الآن بالذات؟", "هل من مجيب؟",
             "متى نتعلم من أخطائنا؟", "وما رأي الكاتب في الحل؟", "ماذا ينتظرون بعد؟", "إلى أين نحن ذاهبون؟")
LATIN = ("Great article, thank you", "7aram 3alaikom", "well said", "ya salam 3al kalam", "Totally agree")


def comment_text(rng: random.Random, words: list[str]) -> str:
    """One reader comment; ``words`` are the article's words, for quoting."""
    kind = rng.random()
    parts: list[str] = []
    if kind < 0.06:
        return rng.choice(LATIN) + " " + rng.choice(("!!", "...", "👍", ""))
    if rng.random() < 0.55:
        parts.append(rng.choice(OPENERS) + rng.choice(("،", "..", " ", "!", ":")))
    if words and rng.random() < 0.3:
        start = rng.randrange(max(1, len(words) - 6))
        quote = " ".join(words[start:start + rng.randint(2, 5)]).strip("،.:؛")
        parts.append(rng.choice(QUOTES).format(q=quote))
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        parts.append(rng.choice(CLAIMS) + rng.choice((".", "..", "!", "،", ".", "")))
    if rng.random() < 0.3:
        parts.append(rng.choice(QUESTIONS))
    if rng.random() < 0.45:
        parts.append(rng.choice(CLOSERS))
    text = " ".join(p.strip() for p in parts if p.strip())
    if rng.random() < 0.1:  # readers stretch letters and drop hamzas
        text = text.replace("أ", "ا").replace("إ", "ا")
    if rng.random() < 0.08:
        text = text.replace("جداً", "جداااً").replace("!", "!!!")
    return text


def thread_size(rng: random.Random) -> int:
    """Most stories gather a handful of comments, some none, a few a long thread."""
    roll = rng.random()
    if roll < 0.2:
        return 0
    if roll < 0.65:
        return rng.randint(1, 8)
    if roll < 0.9:
        return rng.randint(9, 25)
    return rng.randint(30, 70)
