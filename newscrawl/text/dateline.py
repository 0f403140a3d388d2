"""The dateline: the place a story was filed from, printed at the start of the body.

A dateline is known by its form, and each form says what evidence it needs, evidence that
holds on any site: a credit (a wire agency, a paper's name in quotes), the dash newsrooms
print after a dateline with a sentence after it, or a place the gazetteer below knows. No
gazetteer lists every town («قسنطينة ـ», «مأرب (رويترز)»), so a known place is needed only
where the form alone does not say "dateline" — a bare colon above all, which is how Arabic
prints speech and labels («قال الوزير:», «تحقيقٌ رسمي:»).
"""

from __future__ import annotations

import re

from newscrawl.text.arabic import fold_letters, remove_marks

# Capitals and news cities as Arabic newsrooms spell them; a colon after one of these
# opens a dateline, after anything else it is a sentence («قال الوزير: …»).
PLACES = frozenset("""
بيروت دمشق القاهرة الرياض جدة مكة المدينة الدمام الكويت الدوحة المنامة مسقط أبوظبي أبو ظبي دبي الشارقة
عمان عمّان بغداد البصرة الموصل أربيل القدس رام الله غزة نابلس الخليل عدن صنعاء الخرطوم طرابلس بنغازي
تونس الجزائر وهران الرباط الدار البيضاء الدارالبيضاء مراكش طنجة فاس نواكشوط مقديشو جيبوتي حلب حمص اللاذقية
إدلب درعا صيدا صور طرابلس الإسكندرية أسوان الأقصر بورسعيد السويس طهران أنقرة إسطنبول اسطنبول باريس لندن
واشنطن نيويورك موسكو برلين روما مدريد جنيف فيينا بروكسل بكين طوكيو نيودلهي إسلام آباد كابول أثينا نيقوسيا
الفاتيكان ستوكهولم أوسلو كوبنهاغن لاهاي أمستردام لشبونة وارسو كييف مينسك باكو يريفان تبليسي كراتشي لاهور
دكا جاكرتا كوالالمبور سيدني أوتاوا تورونتو مونتريال مكسيكو برازيليا بوينس آيرس لوس أنجليس شيكاغو ميامي
جوهانسبرغ نيروبي أديس أبابا لاغوس أبوجا داكار باماكو نيامي انجامينا الفاشر الجنوب الظهران ينبع تبوك أبها
نجران حائل القطيف الأحساء العقبة إربد الزرقاء كركوك النجف كربلاء السليمانية الفلوجة الرمادي تكريت
""".split()) | {"أبو ظبي", "رام الله", "الدار البيضاء", "إسلام آباد", "بوينس آيرس", "لوس أنجليس",
                  "أديس أبابا", "المدينة المنورة", "مكة المكرمة", "شرم الشيخ", "الضفة الغربية", "قطاع غزة"}

# The wire agencies every Arabic publisher credits, as they print them (Arabic and Latin),
# the generic «وكالات», and the outlets that credit themselves the same way. Words that are
# also common Arabic words («بنا» of BNA, «وال» of LANA, «الوطنية» of NNA) are left out.
AGENCIES = frozenset("""
رويترز|أ ف ب|أ.ف.ب|فرانس برس|أ ب|أ.ب|أسوشيتد برس|يو بي آي|يو بي أي|د ب أ|د.ب.أ|الأناضول|شينخوا|ومع|واس|سانا
|قنا|وام|بترا|كونا|وات|إرنا|أ ش أ|واج|العمانية|سبأ|واع|وفا|سونا|نوفوستي|سبوتنيك|تاس|إفي|آكي|أنسا|كيودو|يونهاب
|وكالات|وكالات الأنباء|Reuters|AFP|AP|UPI|dpa|AA|Xinhua|MAP|SPA|SANA|QNA|WAM|Petra|KUNA|TAP|IRNA|MENA|APS|ONA
|WAFA|SUNA|EFE|ANSA|CNN|BBC|إيلاف|العربية.نت|العربية نت|الجزيرة نت|سكاي نيوز عربية|بي بي سي
""".replace("\n", "").split("|"))

# Words that take a dash or a colon at the head of a paragraph and are no place: editorial
# labels, byline labels, list and answer markers, a few verbs and particles, days and
# months (the page's date line) — in folded spelling (newscrawl.text.arabic). «آب» (August)
# is left out: it folds to «إب», a Yemeni city.
LABELS = frozenset("""
عاجل خاص حصري حصريا تحديث محدث مباشر الان اول اولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا
عاشرا اخيرا ملاحظه تنويه تصحيح توضيح تعقيب فيديو صور صوره شاهد شاهدوا انفوغراف انفوجراف تقرير تحليل
راي مقال حوار مقابله خبر اخبار وكاله انباء صحيفه قناه موقع تلفزيون اذاعه مصادر مصدر مراسل مراسلنا
متابعه ملف قراءه اعلان ترجمه سؤال جواب المصدر المحرر اقرا ايضا طالع استمع وثيقه بيان رساله نص هام
مهم ملخص خلاصه يتبع تفاصيل صحف صحافه افتتاحيه كاريكاتير بورتريه تحقيق دراسه استطلاع الرئيسيه
بقلم كتب كتبت اعداد تحرير قال قالت اكد اكدت اعلن اعلنت هذا هذه ذلك تلك هنا هناك لكن ثم بل اما اذ
حيث كما نعم لا ان انه عن على في من الى مع بعد قبل
السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه
يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
كانون شباط اذار نيسان ايار حزيران تموز ايلول تشرين
""".split())

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
# A word of a place: it opens with a letter, holds no separator and does not end in a
# kashida («عمانـ اليوم -»: the kashida is the dateline's dash).
_WORD = r"[^\W\d_](?:[^\s:;()\[\]،,.!?؟/\"«»“”\-–—]*[^\s:;()\[\]،,.!?؟/\"«»“”\-–—ـ])?"
_PLACE = rf"{_WORD}(?: {_WORD}){{0,2}}"
# Before a date, the fewest words: «الدوحة في 12 يناير» is «الدوحة».
_PLACE_BEFORE_DATE = rf"{_WORD}(?: {_WORD}){{0,2}}?"
# Every dash newsrooms print after a dateline, the kashida «ـ» included.
_DASH = r"[\-–—ـ]"
_SEP = rf"(?::|{_DASH}{{1,2}})"
# A wire's date between place and credit: «في 12 يناير», «5 آذار 2024», «12 - 1».
_DATE = (rf"(?:في )?[{_DIGIT}]{{1,2}}(?: [^\W\d_]+(?: [{_DIGIT}]{{4}})?"
         rf"| ?[\-/] ?[{_DIGIT}]{{1,2}}(?: ?[\-/] ?[{_DIGIT}]{{2,4}})?)")


def _credit_key(text: str) -> str:
    return re.sub(r"[\s.]", "", fold_letters(remove_marks(text), word_endings=False)).lower()


_AGENCY_KEYS = frozenset(_credit_key(a) for a in AGENCIES)


def _spelling(agency: str) -> str:
    """An agency as a pattern that takes its printed variants: «ا ف ب», «أ.ف.ب», «أف ب»."""
    variants = {"أ": "[أإآا]", "إ": "[أإآا]", "آ": "[أإآا]", "ا": "[أإآا]", "ي": "[يى]",
                " ": r"[\s.]?", ".": r"[\s.]?"}
    return "".join(variants.get(c, re.escape(c)) for c in agency)


# An agency as printed after a dash or between slashes, longest first («وكالات الأنباء»).
_AGENCY = ("(?i:" + "|".join(_spelling(a) for a in sorted(AGENCIES, key=len, reverse=True))
           + r")(?=[\s:/\-–—ـ]|$)")


def is_agency(credit: str) -> bool:
    """«رويترز», «أ.ف.ب», «(يو بي أي)», "AFP": a wire agency (or an outlet crediting itself)."""
    return _credit_key(credit.strip(" ()/")) in _AGENCY_KEYS


def may_be_place(place: str) -> bool:
    """Words that can be a place nobody listed: no digit, no label, day or month."""
    if re.search(f"[{_DIGIT}]", place):
        return False
    for word in place.split():
        word = fold_letters(remove_marks(word))
        if len(word) < 2 or {word, word.removeprefix("ال"), word[1:] if word[0] in "وبفل" else word} & LABELS:
            return False
    return True


# A story's opening paragraph is longer than a headline or a title printed above it
# («السودان – الجيش يعلن السيطرة على القصر»).
_LEAD_WORDS = 10


def _sentence_follows(rest: str) -> bool:
    """After «X –» a dateline is followed by a sentence; a dash that closes an aside soon
    after («الحكومة - كما قال الوزير - ستعلن»), a title's colon («مصر – السودان: …») or a
    line shorter than a lead (a headline, a score, a list) mean the dash was not a dateline's."""
    words = rest.split()
    return (len(words) >= _LEAD_WORDS and all(w.strip("-–—ـ") for w in words[:8])
            and ":" not in " ".join(words[:3]))


def _spaced(paragraph: str, match: re.Match) -> bool:
    """The dash is a dateline's: a space after it; a hyphen also needs a space, an Arabic
    letter or «)» before it («غزة - قال», «القدس المحتلة- قال» as Al Jazeera prints it:
    Arabic writes no hyphenated words; not «low- and», «X-Y»)."""
    start, end = match.span("sep")
    if end >= len(paragraph) or not paragraph[end].isspace():
        return False
    before = paragraph[start - 1] if start else ""
    return "-" not in match["sep"] or before.isspace() or before == ")" or "\u0620" <= before <= "\u064a"


# Each form of a dateline, and the evidence it needs besides its form: a function of the
# match, the paragraph, whether the paragraph is the dateline alone, and whether the place
# is known.
def _form_suffices(match, paragraph, alone, known):
    # «إيلاف من عمّان:» (Elaph's own form names any place); «إسطنبول/ الأناضول», «الدوحة في
    # 12 يناير /قنا/», «دمشق-سانا», «زحلة - وات:» (a wire agency credited)
    return True


def _credit_in_parentheses(match, paragraph, alone, known):
    # «مأرب (رويترز) وشدد», «بكين 5 مايو (شينخوا) --»: a wire agency. «جنيف (خاص) -»,
    # «دمشق، سوريا (CNN) --»: any credit with a separator after it. «عدن (اليمن) قال»: a
    # known place.
    if is_agency(match["credit"]):
        return True
    return not match["date"] and (bool(match["sep"]) or known)


def _quoted_credit(match, paragraph, alone, known):
    # «غزة ـ «القدس العربي»:», «بيروت - "الشرق الأوسط" -»: a paper named between a dash and a
    # colon or dash credits itself. «لندن: «الشرق الأوسط»» only after a known place: a
    # quote after a colon is mostly speech («قال: "…"»).
    if known or is_agency(match["credit"]):
        return True
    return match["sep1"] != ":" and bool(match["sep2"]) and len(match["credit"].split()) <= 4


def _known_place(match, paragraph, alone, known):
    # «لندن - إيلاف:», «عمّان - الغد -», «(بيروت) أعلنت»
    return known


def _dash_and_sentence(match, paragraph, alone, known):
    # «بيروت: قتل», «بيروت -» (a known place); «قسنطينة ـ وقال …», «(صفاقس) – وقال …»: a place
    # nobody listed, known by a dateline's dash and the lead that follows it.
    if known:
        return True
    dash = (match["sep"] or ":")[0] != ":"
    return dash and not alone and _spaced(paragraph, match) and _sentence_follows(paragraph[match.end():])


_FORMS = (
    (rf"^إيلاف من (?P<place>{_PLACE})\s*{_SEP}\s*", _form_suffices),
    (rf"^(?P<place>{_PLACE_BEFORE_DATE}(?:، ?{_PLACE})?)(?:\s*{_DASH}?\s*(?P<date>{_DATE}))?"
     rf"\s*(?:{_DASH}{{1,2}}\s*)?\((?P<credit>[^()]{{1,25}})\)\s*(?P<sep>(?::|{_DASH})+)?\s*", _credit_in_parentheses),
    # «أنقرة / حسين يلدز / الأناضول»: Anadolu names its reporter between place and agency.
    (rf"^(?P<place>{_PLACE_BEFORE_DATE})(?:\s+(?P<date>{_DATE}))?\s*/\s*(?:{_WORD}(?: {_WORD}){{0,3}}\s*/\s*)?"
     rf"{_AGENCY}\s*/?\s*{_SEP}?\s*", _form_suffices),
    (rf"^(?P<place>{_PLACE})\s*{_DASH}{{1,2}}\s*{_AGENCY}\s*{_SEP}?\s*", _form_suffices),
    (rf"^(?P<place>{_PLACE})\s*(?P<sep1>:|{_DASH}{{1,2}})\s*[\"«“](?P<credit>[^\"»”]{{1,40}})[\"»”]"
     rf"\s*(?P<sep2>{_SEP})?\s*", _quoted_credit),
    (rf"^(?P<place>{_PLACE})\s*{_DASH}{{1,2}}\s*[^\s:\"«“]+(?: [^\s:\"«“]+){{0,2}}\s*:\s*", _known_place),
    # «عمانـ اليوم - وأشار»: a known place, a paper's name unquoted between two dashes.
    (rf"^(?P<place>{_PLACE})\s*{_DASH}{{1,2}}\s*[^\s:\"«“\-–—ـ]+(?: [^\s:\"«“\-–—ـ]+)?\s+{_DASH}{{1,2}}\s+",
     _known_place),
    (rf"^\((?P<place>{_PLACE})\)\s*(?P<sep>{_SEP})?\s*", _dash_and_sentence),
    (rf"^(?P<place>{_PLACE})\s*(?P<sep>{_SEP})\s*", _dash_and_sentence),
)
_FORMS = tuple((re.compile(pattern), evidence) for pattern, evidence in _FORMS)


def _dateline(paragraph: str, alone: bool, place: str | None) -> tuple[str, int] | None:
    for pattern, evidence in _FORMS:
        match = pattern.match(paragraph)
        if not match or (match.end() == len(paragraph)) != alone:
            continue
        found = match["place"].strip()
        known = found in PLACES or found.split("، ")[0] in PLACES or found == place
        if evidence(match, paragraph, alone, known) and (known or may_be_place(found)):
            return found, match.end()
    return None


def split_dateline(paragraph: str, place: str | None = None) -> tuple[str | None, str]:
    """«بيروت: قتل 62 …» → ("بيروت", "قتل 62 …"). Also «CITY -», «(CITY)», «CITY (agency) --»,
    «CITY/ agency», «CITY - "paper":», «إيلاف من CITY:», and any place followed by a
    dateline's dash and a lead («قسنطينة ـ وقال …»). ``place`` is one the page's markup
    names (it counts as known). A paragraph that does not open with a dateline comes back
    whole with None — «قال الوزير: …» is a sentence, not a dateline."""
    found = _dateline(paragraph, False, place)
    if not found:
        return None, paragraph
    return found[0], paragraph[found[1]:].strip()


def dateline_alone(paragraph: str, place: str | None = None) -> str | None:
    """The place of a paragraph that is a dateline and nothing more («بغداد —», «(بيروت)»,
    «جنيف (أ ف ب) -», «أنقرة/ الأناضول»), printed in a block of its own above the text;
    None otherwise."""
    found = _dateline(paragraph, True, place)
    return found[0] if found else None
