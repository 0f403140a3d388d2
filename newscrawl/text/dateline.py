"""The dateline: the place a story was filed from, printed at the start of the body."""

from __future__ import annotations

import re

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

_PLACE = r"[^\s:()،,.\-–—]+(?: [^\s:()،,.\-–—]+){0,2}"
_AGENCY = r"\((?:[^()]{1,25})\)"
# Every dash newsrooms print after a dateline, the kashida «ـ» included.
_DASH = r"[\-–—ـ]"
# The paper or agency a dateline credits: «"الشرق الأوسط"», «إيلاف», «رويترز».
_SOURCE = r"(?:[\"«“][^\"»”]{1,40}[\"»”]|[^\s:\"«“]+(?: [^\s:\"«“]+){0,2})"
_PATTERNS = (
    # «إيلاف من لندن:», «إيلاف من بيروت -»: Elaph's own form names any place.
    re.compile(rf"^إيلاف من (?P<place>{_PLACE})\s*(?::|{_DASH})\s*"),
    # «دمشق، سوريا (CNN) --», «جنيف (أ ف ب) -», «القاهرة (رويترز) ـ»
    re.compile(rf"^(?P<place>{_PLACE}(?:، ?{_PLACE})?)\s*{_AGENCY}\s*(?::|{_DASH})+\s*"),
    # «عدن (يو بي آي) وقال»: a known place and its agency need no dash
    re.compile(rf"^(?P<place>{_PLACE}(?:، ?{_PLACE})?)\s*{_AGENCY}\s*"),
    # «(بيروت)» opening the body
    re.compile(rf"^\((?P<place>{_PLACE})\)\s*(?::|{_DASH})?\s*"),
    # «عمّان– «القبس» -», «القاهرة - "الشرق الأوسط":»: a place, then its quoted source
    re.compile(rf"^(?P<place>{_PLACE})\s*{_DASH}{{1,2}}\s*[\"«“][^\"»”]{{1,40}}[\"»”]\s*(?::|{_DASH})\s*"),
    # «لندن - إيلاف:», «دمشق-سانا:»: a place, then its source and a colon
    re.compile(rf"^(?P<place>{_PLACE})\s*{_DASH}{{1,2}}\s*{_SOURCE}\s*:\s*"),
    # «بيروت:», «بيروت -», «الخرطوم ـ», «أبو ظبي- »
    re.compile(rf"^(?P<place>{_PLACE})\s*(?::|{_DASH}{{1,2}})\s*"),
)
# Patterns whose form alone makes a dateline, whatever the place.
_ANY_PLACE = (0, 1)


def _is_place(place: str, pattern_index: int) -> bool:
    if pattern_index in _ANY_PLACE:
        return True
    return place in PLACES or place.split("، ")[0] in PLACES


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """«بيروت: قتل 62 …» → ("بيروت", "قتل 62 …"). Also «CITY -», «(CITY)» and
    «إيلاف من CITY:». A paragraph that does not open with a dateline comes back whole
    with None — «قال الوزير: …» is a sentence, not a dateline."""
    for index, pattern in enumerate(_PATTERNS):
        match = pattern.match(paragraph)
        if match and _is_place(match["place"], index) and match.end() < len(paragraph):
            return match["place"].strip(), paragraph[match.end():].strip()
    return None, paragraph


def dateline_alone(paragraph: str) -> str | None:
    """The place of a paragraph that is a dateline and nothing more («بغداد —», «(بيروت)»,
    «جنيف (أ ف ب) -»), printed in a block of its own above the text; None otherwise."""
    for index, pattern in enumerate(_PATTERNS):
        match = pattern.match(paragraph)
        if match and match.end() == len(paragraph) and _is_place(match["place"], index):
            return match["place"].strip()
    return None
