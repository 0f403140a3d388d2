"""Parse the dates Arabic news pages print.

dateparser alone misreads most of them (Levantine and Maghrebi month names, double
names such as «نيسان / أبريل», labels, zone words, dual relative forms, Hijri dates), so
this module normalises the string first and reads the common shapes itself; dateparser
is the fallback for everything else (English dates, odd orders).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import dateparser
from hijridate import Hijri

from newscrawl.text.arabic import ascii_digits, fold_letters, remove_marks

__all__ = ["ParsedDate", "parse_date"]


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date.

    ``value`` is timezone-aware only when the text named a zone. ``precision`` is
    ``"datetime"``, ``"day"`` or ``"month"``; the parts below the precision are
    placeholders (day 1, midnight), never facts. ``year_known`` is False for strings
    such as «21 مارس» that name no year; the year is then taken from ``now``.
    """

    value: datetime
    precision: str
    year_known: bool = True


def _matching_form(text: str) -> str:
    """Fold spelling variants so month names, labels and weekdays match one way."""
    text = fold_letters(remove_marks(ascii_digits(unicodedata.normalize("NFKC", text))), word_endings=False)
    text = text.replace("،", ",").replace("\u200f", "").replace("\u200e", "")
    return re.sub(r"\s+", " ", text).strip()


_GREGORIAN_MONTHS = {
    1: "يناير كانون الثاني جانفي",
    2: "فبراير شباط فيفري فبرير",
    3: "مارس اذار",
    4: "ابريل نيسان افريل",
    5: "مايو ايار ماي",
    6: "يونيو يونيه يونية حزيران جوان",
    7: "يوليو يوليه يولية تموز جويلية يوليوز",
    8: "اغسطس اب اوت غشت",
    9: "سبتمبر ايلول شتنبر",
    10: "اكتوبر تشرين الاول",
    11: "نوفمبر تشرين الثاني نونبر",
    12: "ديسمبر كانون الاول دجنبر",
}
# Two-word Levantine names must not be split into their words.
_TWO_WORD = ("كانون الثاني", "تشرين الاول", "تشرين الثاني", "كانون الاول")


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for number, spelled in _GREGORIAN_MONTHS.items():
        rest = spelled
        for pair in _TWO_WORD:
            if pair in rest:
                names[pair] = number
                rest = rest.replace(pair, "")
        for word in rest.split():
            names[word] = number
    return names


_MONTHS = _month_names()
_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_MONTH = rf"(?<!\w)(?:{_MONTH_ALT})(?!\w)"
# «نيسان / أبريل», «آب/اغسطس»: two names of one month.
_DOUBLE_MONTH = re.compile(rf"({_MONTH})\s*[/\\-]\s*({_MONTH})")

_HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الاخر": 4, "ربيع الثاني": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الاخره": 6, "جمادي الاخرة": 6,
    "جمادي الثانيه": 6, "جمادي الثانية": 6, "رجب": 7, "شعبان": 8, "رمضان": 9,
    "شوال": 10, "ذو القعده": 11, "ذو القعدة": 11, "ذو الحجه": 12, "ذو الحجة": 12,
}
_HIJRI_ALT = "|".join(sorted(map(re.escape, _HIJRI_MONTHS), key=len, reverse=True))
_HIJRI = re.compile(rf"(\d{{1,2}})\s+({_HIJRI_ALT})\s+(1[34]\d\d)(?!\d)")

_LABELS = re.compile(
    r"(?<!\w)(?:اخر تحديث|تاريخ النشر|تاريخ التحديث|نشر بتاريخ|نشر في|تم نشره|تم النشر|"
    r"تم التحديث|التاريخ|بتاريخ|محدث|نشر|تحديث)(?!\w)"
)
_WEEKDAYS = re.compile(
    r"(?<!\w)(?:يوم\s+)?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|الجمعة|السبت)(?!\w)"
)
_ZONE_OFFSET = re.compile(r"\(?\s*(?:GMT|UTC)\s*([+-])\s*(\d{1,2}):?(\d{2})?\s*\)?", re.I)
_ZONE_UTC = re.compile(r"\(?\s*(?:GMT|UTC|بتوقيت (?:غرينتش|جرينتش|غرينيتش))\s*\)?", re.I)
_CITY_ZONES = {
    "القاهره": "Africa/Cairo", "القاهرة": "Africa/Cairo",
    "مكه": "Asia/Riyadh", "مكة": "Asia/Riyadh", "مكه المكرمه": "Asia/Riyadh",
    "مكة المكرمة": "Asia/Riyadh", "الرياض": "Asia/Riyadh", "السعوديه": "Asia/Riyadh",
    "السعودية": "Asia/Riyadh", "بيروت": "Asia/Beirut", "دمشق": "Asia/Damascus",
    "عمان": "Asia/Amman", "بغداد": "Asia/Baghdad", "الكويت": "Asia/Kuwait",
    "الدوحه": "Asia/Qatar", "الدوحة": "Asia/Qatar", "ابوظبي": "Asia/Dubai",
    "الامارات": "Asia/Dubai", "دبي": "Asia/Dubai", "تونس": "Africa/Tunis",
    "الجزائر": "Africa/Algiers", "الرباط": "Africa/Casablanca", "المغرب": "Africa/Casablanca",
    "القدس": "Asia/Jerusalem", "لندن": "Europe/London",
}
_CITY_ALT = "|".join(sorted(map(re.escape, _CITY_ZONES), key=len, reverse=True))
_ZONE_CITY = re.compile(rf"بتوقيت\s+({_CITY_ALT})")

_TIME = re.compile(
    r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)\s*"
    r"(صباحا|مساء|مساءا|ظهرا|عصرا|ليلا|فجرا|ص|م|AM|PM|am|pm)?(?!\w)"
)
_PM_WORDS = {"م", "مساء", "مساءا", "عصرا", "ليلا", "PM", "pm"}
_NOON_WORDS = {"ظهرا"}

_YMD = re.compile(r"(?<!\d)(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"(?:(?<!\d)(\d{{1,2}})\s*)?({_MONTH})(?:\s*,?\s*(\d{{4}})(?!\d))?")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")

_UNITS = {
    "دقيقه": "minutes", "دقيقة": "minutes", "دقائق": "minutes", "دقيقتين": ("minutes", 2),
    "دقيقتان": ("minutes", 2), "ساعه": "hours", "ساعة": "hours", "ساعات": "hours",
    "ساعتين": ("hours", 2), "ساعتان": ("hours", 2), "يوم": "days", "ايام": "days",
    "يومين": ("days", 2), "يومان": ("days", 2), "اسبوع": "weeks", "اسابيع": "weeks",
    "اسبوعين": ("weeks", 2), "اسبوعان": ("weeks", 2),
}
_UNIT_ALT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_RELATIVE = re.compile(rf"(?:منذ|قبل)\s+(?:(\d+)\s+)?({_UNIT_ALT})(?!\w)")


def parse_date(text: str | None, now: datetime | None = None) -> ParsedDate | None:
    """Read one date as printed on an Arabic (or English) news page.

    Accepts labels («آخر تحديث:», «تم نشره», «التاريخ:»), weekday names, Eastern Arabic
    digits, Levantine, Egyptian/Gulf and Maghrebi month names and their double forms,
    12-hour times with ص/م, zone words («بتوقيت القاهرة», «GMT+0400»), relative forms
    («منذ ساعتين», «أمس») measured from ``now``, Hijri dates (Umm al-Qura) and ISO 8601.
    Returns None when no date can be read with confidence; never guesses a missing day.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    now = now or datetime.now()
    raw = text.strip()
    if _ISO.match(raw):
        return _from_iso(raw)
    form = _matching_form(raw)

    zone, form = _take_zone(form)
    relative = _relative(form, now)
    if relative:
        return relative

    form = _LABELS.sub(" ", form)
    form = _WEEKDAYS.sub(" ", form)
    form = _DOUBLE_MONTH.sub(lambda m: m.group(1), form)

    clock, form = _take_time(form)
    found = _hijri(form) or _numeric(form) or _named(form, now)
    if found is None:
        # Without a digit nothing but a bare month name is a date, and _named has
        # seen those: dateparser (2 ms a call) is for dates written some other way.
        return _fallback(raw, now) if re.search(r"\d", form) else None
    day_value, precision, year_known = found
    if clock and precision == "day":
        day_value = day_value.replace(hour=clock[0], minute=clock[1], second=clock[2])
        precision = "datetime"
    if zone and precision == "datetime":
        day_value = day_value.replace(tzinfo=zone)
    return ParsedDate(day_value, precision, year_known)


def _from_iso(raw: str) -> ParsedDate | None:
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:  # «2024-02-30», «0000-00-00»
        return None
    return ParsedDate(value, "datetime" if len(raw) > 10 else "day")


def _take_zone(form: str) -> tuple[tzinfo | None, str]:
    match = _ZONE_OFFSET.search(form)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if len(match.group(2)) > 2 or hours > 14:
            return None, form
        offset = timezone(sign * timedelta(hours=hours, minutes=minutes))
        return offset, form[: match.start()] + " " + form[match.end():]
    match = _ZONE_CITY.search(form)
    if match:
        return ZoneInfo(_CITY_ZONES[match.group(1)]), form[: match.start()] + " " + form[match.end():]
    match = _ZONE_UTC.search(form)
    if match:
        return UTC, form[: match.start()] + " " + form[match.end():]
    return None, form


def _relative(form: str, now: datetime) -> ParsedDate | None:
    match = _RELATIVE.search(form)
    if match:
        unit = _UNITS[match.group(2)]
        count = int(match.group(1) or 1)
        if isinstance(unit, tuple):
            unit, count = unit
        value = now - timedelta(**{unit: count})
        return ParsedDate(value, "datetime" if unit in ("minutes", "hours") else "day")
    if re.fullmatch(r"(?:امس|البارحه|البارحة)", form):
        return ParsedDate(now - timedelta(days=1), "day")
    return None


def _take_time(form: str) -> tuple[tuple[int, int, int] | None, str]:
    match = _TIME.search(form)
    if not match:
        return None, form
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    marker = match.group(4)
    if marker in _PM_WORDS and hour < 12:
        hour += 12
    elif marker in _NOON_WORDS and hour < 11:
        hour += 12
    elif marker in ("ص", "صباحا", "AM", "am", "فجرا") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None, form
    return (hour, minute, second), form[: match.start()] + " " + form[match.end():]


def _hijri(form: str):
    match = _HIJRI.search(form)
    if not match:
        return None
    day, month, year = int(match.group(1)), _HIJRI_MONTHS[match.group(2)], int(match.group(3))
    try:
        gregorian = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return datetime(gregorian.year, gregorian.month, gregorian.day), "day", True


def _numeric(form: str):
    for pattern, order in ((_YMD, "ymd"), (_DMY, "dmy")):
        match = pattern.search(form)
        if match:
            a, b, c = (int(g) for g in match.groups())
            year, month, day = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                return datetime(year, month, day), "day", True
            except ValueError:
                return None
    return None


def _named(form: str, now: datetime):
    match = _DAY_MONTH_YEAR.search(form)
    if not match:
        return None
    day, name, year = match.groups()
    month = _MONTHS[name]
    year_known = year is not None
    try:
        value = datetime(int(year) if year_known else now.year, month, int(day) if day else 1)
    except ValueError:
        return None
    return value, "day" if day else "month", year_known


def _fallback(raw: str, now: datetime) -> ParsedDate | None:
    parser = dateparser.DateDataParser(
        languages=["ar", "en"],
        settings={"RELATIVE_BASE": now, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    data = parser.get_date_data(raw)
    if data.date_obj is None:
        return None
    precision = {"time": "datetime", "day": "day", "month": "month"}.get(data.period)
    if precision is None:
        return None
    return ParsedDate(data.date_obj, precision)


def to_iso(parsed: ParsedDate, zone: tzinfo | None = None) -> str:
    """ISO 8601 at the date's precision: «2018-03», «2018-03-21», or a full date-time
    with offset. A time printed without a zone is read in ``zone`` (the site's)."""
    if parsed.precision == "month":
        return parsed.value.strftime("%Y-%m")
    if parsed.precision == "day":
        return parsed.value.strftime("%Y-%m-%d")
    value = parsed.value
    if value.tzinfo is None and zone is not None:
        value = value.replace(tzinfo=zone)
    return value.isoformat()
