"""Page furniture that extraction lets into a body: comment widgets, posting rules,
«اقرأ أيضاً» links, share and follow prompts, copyright lines, «آخر تحديث» labels,
crumbs, most-read and related lists, image credits.

Every pattern must match a whole paragraph, so a real sentence that merely contains
one of these words («شارك الآلاف في التظاهرة …») survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .arabic import ascii_digits

_SOCIAL = r"(?:فيسبوك|فيس بوك|تويتر|إكس|اكس|واتساب|واتس آب|تلغرام|تيليغرام|إنستغرام|انستغرام|يوتيوب|تيك توك|لينكد إن|X|Facebook|Twitter|WhatsApp|Telegram)"
_ALSO = r"(?:أيضا|أيضاً|ايضا|ايضاً|كذلك)"

GENERIC = tuple(re.compile(p) for p in (
    r"^(?:عدد )?التعليقات\s*:?\s*[\d٠-٩]+$",
    r"^[\d٠-٩]+\s*(?:تعليق|تعليقات)$",
    r"^(?:جميع|كل) التعليقات .{0,80}(?:لا تعبر|لا يعبر|لا تمثل|تعبر عن رأي).{0,80}$",
    r"^(?:لم يتم العثور على نتائج|لا توجد تعليقات.{0,30}|كن أول من يعلق.{0,20}|أضف تعليق(?:ك|ا|اً)?|إضافة تعليق(?: جديد)?|اترك تعليقا.{0,10})$",
    r"^شروط (?:النشر|التعليق)\s*:",
    # Comment-moderation notes and the disclaimers above comment threads.
    r"^(?=.{0,600}$)(?=.*التعليقات)(?=.*(?:قبل نشرها|إرشادات|سياسة الخصوصية|شروط (?:ال)?استخدام)).*$",
    r"^(?:الآراء|التعليقات|المقالات) (?:الواردة|المنشورة) .{0,40}(?:لا تعبر|لا يعبر) (?:بالضرورة )?عن .{0,80}$",
    # Bylines with a label: «حوار: آسيا العتروس», «بقلم: …»
    r"^(?:حوار|كتب|كتبت|بقلم|إعداد|تقرير|تحرير|متابعة|ترجمة)\s*[:\-–—ـ]\s*\S+(?:\s+\S+){0,3}$",
    # «اقرأ أيضاً: <a headline>», «طالع أيضاً», «شاهد أيضاً», «قد يهمك أيضاً» (Youm7, Alyaum,
    # Al Bayan, Akhbar El Yom, Elaph) — a headline has no sentence punctuation inside.
    rf"^(?:(?:اقرأ|إقرأ|اقرا|إقرا|طالع|شاهد|تابع) (?:{_ALSO}|المزيد|أكثر)|(?:قد )?يهمك {_ALSO}|يهمك)"
    r"\s*[:：]?\s*[^.،؛!؟]{0,140}[.؟!]?$",
    r"^(?:مواضيع|أخبار|مقالات|قصص) (?:ذات صلة|متعلقة|مشابهة)\s*:?.{0,160}$",
    rf"^(?:شارك|شاركوا|مشاركة|شارك الخبر|شارك المقال|انشر)(?:\s*(?:على|عبر))?\s*:?(?:\s*{_SOCIAL})*$",
    rf"^(?:تابعونا|تابعوا|تابعنا|تابع)(?: إيلاف| \S+)? (?:على|عبر) .{{0,60}}{_SOCIAL}.{{0,40}}$",
    r"^(?:©\s*)?(?:جميع|كل) الحقوق محفوظة.{0,80}$",
    r"^©.{0,80}$",
    r"^:?\s*آخر تحديث\s*:?[^.!؟?]{0,60}$",
    r"^(?:الرئيسية|الصفحة الرئيسية)\s*[»>/|›«<‹]",
    r"^(?:الأكثر|الاكثر) (?:قراءة|مشاهدة|تداولا|تداولاً|تعليقا|تعليقاً)$",
    r"^(?:صورة|الصورة|صور)\s*(?:أرشيفية|ارشيفية|تعبيرية|من الأرشيف)?\s*[:(\-–]?\s*\(?(?:أ ف ب|أ\.ف\.ب|رويترز|أ ب|AFP|Reuters|AP|EPA|Getty(?: Images)?|غيتي|شترستوك|Shutterstock)?\)?$",
    r"^\(?(?:أ ف ب|أ\.ف\.ب|رويترز|AFP|Reuters|Getty Images|EPA)\)?$",
))
# A heading after which every short line is a list of other stories.
LIST_HEADINGS = re.compile(r"^(?:(?:الأكثر|الاكثر) (?:قراءة|مشاهدة)|(?:مواضيع|أخبار) (?:ذات صلة|متعلقة)|قد يعجبك (?:أيضا|أيضاً))$")
_NUMBERED = re.compile(r"^([\d٠-٩]{1,2})\s*[.)\-–]\s*\S")


@lru_cache(maxsize=64)
def _alternation(patterns: tuple[re.Pattern, ...]) -> tuple[re.Pattern, ...]:
    """The patterns as one alternation per set of flags: one scan of a paragraph instead
    of one per pattern (a fifth of the time), with the same verdict."""
    by_flags: dict[int, list[str]] = {}
    alone = []
    for pattern in patterns:
        try:  # a pattern with inline global flags, «(?i)…», cannot be a branch
            re.compile(f"(?:{pattern.pattern})", pattern.flags)
        except re.error:
            alone.append(pattern)
            continue
        by_flags.setdefault(pattern.flags, []).append(f"(?:{pattern.pattern})")
    return (*(re.compile("|".join(sources), flags) for flags, sources in by_flags.items()), *alone)


def _matches(paragraph: str, patterns: tuple[re.Pattern, ...]) -> bool:
    return any(p.search(paragraph) for p in patterns)


def is_furniture(paragraph: str, site_patterns: Iterable[re.Pattern] = ()) -> bool:
    return _matches(paragraph, _alternation((*GENERIC, *site_patterns)))


def _number(paragraph: str) -> int | None:
    match = _NUMBERED.match(paragraph)
    if not match or len(paragraph.split()) > 20:
        return None
    return int(ascii_digits(match[1]))


def _numbered_run_start(paragraphs: list[str]) -> int | None:
    """Index where a list «1. …», «2. …», … of five or more short items begins, when it
    ends the text (followed at most by short lines such as a crumb); None otherwise."""
    end = len(paragraphs)
    while end and _number(paragraphs[end - 1]) is None and len(paragraphs[end - 1].split()) <= 3:
        end -= 1
    start, expected = end, None
    while start and _number(paragraphs[start - 1]) is not None and \
            (expected is None or _number(paragraphs[start - 1]) == expected):
        expected = _number(paragraphs[start - 1]) - 1
        start -= 1
    return start if expected == 0 and end - start >= 5 else None


def remove_furniture(paragraphs: list[str], site_patterns: Iterable[re.Pattern] = ()) -> list[str]:
    """The paragraphs that are article text, in order."""
    patterns = _alternation((*GENERIC, *site_patterns))
    kept = []
    for paragraph in paragraphs:
        if LIST_HEADINGS.search(paragraph):
            break
        if not _matches(paragraph, patterns):
            kept.append(paragraph)
    start = _numbered_run_start(kept)
    return kept[:start] if start is not None else kept
