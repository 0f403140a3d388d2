"""Page furniture that extraction lets into a body: comment widgets, posting rules,
«اقرأ أيضاً» links, share and follow prompts, copyright lines, «آخر تحديث» labels,
crumbs, most-read and related lists, image credits.

Every pattern must match a whole paragraph, so a real sentence that merely contains
one of these words («شارك الآلاف في التظاهرة …») survives.

Each rule records the publishers whose pages it was written from, so that a score on a
publisher's page can leave out the rules written from that page (leave-one-publisher-out,
benchmarks/realpages_eval.py). A publisher is named as its folder in tests/realpages/, or
«elaph» for the Elaph pages the offline mirror imitates (newscrawl/mirror/pages.py, whose
furniture was written alongside the first rules). Where the history does not say, a rule
records every tests/realpages publisher whose saved page prints a line the rule matches
and that was in the repository when the rule was written (all eight came with the first
rules in f3d9139): it may have been written from them, so a leave-one-out score must not
count on it there. An empty set means no source page is known (the comment says so).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newscrawl.text.arabic import ascii_digits


@dataclass(frozen=True)
class Rule:
    """A furniture pattern and the publishers whose pages it was written from (see the
    module's docstring). ``ends_body``: the pattern, ``^(?:…)$`` (``_heading``), is a
    heading («الأكثر قراءة») after which nothing is the article's text."""

    pattern: re.Pattern
    publishers: frozenset[str] = frozenset()
    ends_body: bool = False


def _rule(pattern: str, *publishers: str) -> Rule:
    return Rule(re.compile(pattern), frozenset(publishers))


def _heading(words: str, *publishers: str) -> Rule:
    """A list heading: ``words`` as the whole paragraph."""
    return Rule(re.compile(f"^(?:{words})$"), frozenset(publishers), ends_body=True)


_SOCIAL = (r"(?:فيسبوك|فيس بوك|تويتر|إكس|اكس|واتساب|واتس آب|تلغرام|تيليغرام|إنستغرام|"
           r"انستغرام|يوتيوب|تيك توك|لينكد إن|X|Facebook|Twitter|WhatsApp|Telegram)")
_ALSO = r"(?:أيضا|أيضاً|ايضا|ايضاً|كذلك)"

# Paragraphs dropped wherever they stand. The evidence for each rule's publishers is in
# the comment above it («prints» = a line of the saved page the rule matches).
GENERIC_RULES = (
    # The mirror's Elaph 2018 page prints «عدد التعليقات 3».
    _rule(r"^(?:عدد )?التعليقات\s*:?\s*[\d٠-٩]+$", "elaph"),
    # Source not recorded: no saved page prints such a counter.
    _rule(r"^[\d٠-٩]+\s*(?:تعليق|تعليقات)$"),
    # The mirror's Elaph comments note, in its generic form.
    _rule(r"^(?:جميع|كل) التعليقات .{0,80}(?:لا تعبر|لا يعبر|لا تمثل|تعبر عن رأي).{0,80}$", "elaph"),
    # Elaph (mirror) prints «لم يتم العثور على نتائج», Youm7 «لا توجد تعليقات على الخبر»,
    # Assabah «إضافة تعليق جديد» (the unit test's line).
    _rule(r"^(?:لم يتم العثور على نتائج|لا توجد تعليقات.{0,30}|كن أول من يعلق.{0,20}|"
          r"أضف تعليق(?:ك|ا|اً)?|إضافة تعليق(?: جديد)?|اترك تعليقا.{0,10})$", "elaph", "youm7", "assabah"),
    # The mirror's Elaph posting rules (quoted in the unit test).
    _rule(r"^شروط (?:النشر|التعليق)\s*:", "elaph"),
    # Comment-moderation notes and the disclaimers above comment threads: CNN Arabic's
    # (439b980, its notes are the unit test's).
    _rule(r"^(?=.{0,600}$)(?=.*التعليقات)(?=.*(?:قبل نشرها|إرشادات|سياسة الخصوصية|شروط (?:ال)?استخدام)).*$",
          "cnnarabic"),
    _rule(r"^(?:الآراء|التعليقات|المقالات) (?:الواردة|المنشورة) .{0,40}(?:لا تعبر|لا يعبر) (?:بالضرورة )?عن .{0,80}$",
          "cnnarabic"),
    # Bylines with a label: «حوار: آسيا العتروس» is Assabah's (439b980), «بقلم: …»; the
    # dashes came with the wire forms of b540f14, no page named.
    _rule(r"^(?:حوار|كتب|كتبت|بقلم|إعداد|تقرير|تحرير|متابعة|ترجمة)\s*[:\-–—ـ]\s*\S+(?:\s+\S+){0,3}$", "assabah"),
    # «اقرأ أيضاً: <a headline>», «طالع أيضاً», «شاهد أيضاً», «قد يهمك أيضاً» (Youm7, Alyaum,
    # Al Bayan, Akhbar El Yom, Elaph) — a headline has no sentence punctuation inside. Of the
    # saved pages Akhbar El Yom prints «إقرأ أيضاً»; the publishers are the ones abab4f9 named.
    _rule(rf"^(?:(?:اقرأ|إقرأ|اقرا|إقرا|طالع|شاهد|تابع) (?:{_ALSO}|المزيد|أكثر)|(?:قد )?يهمك {_ALSO}|يهمك)"
          r"\s*[:：]?\s*[^.،؛!؟]{0,140}[.؟!]?$", "youm7", "alyaum", "albayan", "akhbarelyom", "elaph"),
    # The mirror's «مواضيع ذات صلة» (Elaph); LBCI prints «مقالات ذات صلة».
    _rule(r"^(?:مواضيع|أخبار|مقالات|قصص) (?:ذات صلة|متعلقة|مشابهة)\s*:?.{0,160}$", "elaph", "lbcgroup"),
    # The mirror's share bar «شارك» (Elaph); Youm7 prints «مشاركة», LBCI «شارك».
    _rule(rf"^(?:شارك|شاركوا|مشاركة|شارك الخبر|شارك المقال|انشر)(?:\s*(?:على|عبر))?\s*:?(?:\s*{_SOCIAL})*$",
          "elaph", "youm7", "lbcgroup"),
    # The mirror's «تابعونا على تويتر وفيسبوك» and «تابعوا إيلاف على …» (Elaph).
    _rule(rf"^(?:تابعونا|تابعوا|تابعنا|تابع)(?: إيلاف| \S+)? (?:على|عبر) .{{0,60}}{_SOCIAL}.{{0,40}}$", "elaph"),
    # Copyright lines: the mirror's Elaph footers; Al Bayan, Alyaum and LBCI print them.
    _rule(r"^(?:©\s*)?(?:جميع|كل) الحقوق محفوظة.{0,80}$", "elaph", "albayan", "alyaum", "lbcgroup"),
    _rule(r"^©.{0,80}$", "elaph", "akhbarelyom", "alyaum", "cnnarabic", "youm7", "lbcgroup"),
    # The mirror's Elaph 2018 label «آخر تحديث :».
    _rule(r"^:?\s*آخر تحديث\s*:?[^.!؟?]{0,60}$", "elaph"),
    # Crumbs: CNN Arabic prints «الصفحة الرئيسية | فيديو | …».
    _rule(r"^(?:الرئيسية|الصفحة الرئيسية)\s*[»>/|›«<‹]", "cnnarabic"),
    # The mirror's most-read box (Elaph); Akhbar El Yom, Youm7 and LBCI print the heading.
    _rule(r"^(?:الأكثر|الاكثر) (?:قراءة|مشاهدة|تداولا|تداولاً|تعليقا|تعليقاً)$",
          "elaph", "akhbarelyom", "youm7", "lbcgroup"),
    # The mirror's caption «صورة أرشيفية» (Elaph).
    _rule(r"^(?:صورة|الصورة|صور)\s*(?:أرشيفية|ارشيفية|تعبيرية|من الأرشيف)?\s*[:(\-–]?\s*"
          r"\(?(?:أ ف ب|أ\.ف\.ب|رويترز|أ ب|AFP|Reuters|AP|EPA|Getty(?: Images)?|غيتي|شترستوك|Shutterstock)?\)?$",
          "elaph"),
    # Source not recorded: no saved page prints a bare agency credit.
    _rule(r"^\(?(?:أ ف ب|أ\.ف\.ب|رويترز|AFP|Reuters|Getty Images|EPA)\)?$"),
)
# A heading after which every short line is a list of other stories.
LIST_HEADING_RULES = (
    # The mirror's most-read box (Elaph); Akhbar El Yom, Youm7 and LBCI print it.
    _heading(r"(?:الأكثر|الاكثر) (?:قراءة|مشاهدة)", "elaph", "akhbarelyom", "youm7", "lbcgroup"),
    # The mirror's «مواضيع ذات صلة» (Elaph).
    _heading(r"(?:مواضيع|أخبار) (?:ذات صلة|متعلقة)", "elaph"),
    # Source not recorded.
    _heading(r"قد يعجبك (?:أيضا|أيضاً)"),
)
RULES = (*GENERIC_RULES, *LIST_HEADING_RULES)


def _joined(headings: Iterable[Rule]) -> re.Pattern | None:
    """One pattern for the list headings: «^(?:a|b|c)$», one anchored scan."""
    words = [rule.pattern.pattern.removeprefix("^(?:").removesuffix(")$") for rule in headings]
    return re.compile(f"^(?:{'|'.join(words)})$") if words else None


GENERIC = tuple(rule.pattern for rule in GENERIC_RULES)
LIST_HEADINGS = _joined(LIST_HEADING_RULES)
_NUMBERED = re.compile(r"^([\d٠-٩]{1,2})\s*[.)\-–]\s*\S")


def rules_not_from(publisher: str, rules: tuple[Rule, ...] = RULES) -> tuple[Rule, ...]:
    """The rules written without ``publisher``'s pages: those to score its pages with."""
    return tuple(rule for rule in rules if publisher not in rule.publishers)


@lru_cache(maxsize=64)
def _by_kind(rules: tuple[Rule, ...]) -> tuple[tuple[re.Pattern, ...], re.Pattern | None]:
    return (tuple(rule.pattern for rule in rules if not rule.ends_body),
            _joined(rule for rule in rules if rule.ends_body))


def _split(rules: tuple[Rule, ...]) -> tuple[tuple[re.Pattern, ...], re.Pattern | None]:
    """(paragraph patterns, heading pattern) of ``rules``; the module's own without a lookup."""
    return (GENERIC, LIST_HEADINGS) if rules is RULES else _by_kind(tuple(rules))


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


def is_furniture(paragraph: str, site_patterns: Iterable[re.Pattern] = (), rules: tuple[Rule, ...] = RULES) -> bool:
    """Whether a paragraph is furniture by ``rules`` (default: all) or the site's patterns."""
    return _matches(paragraph, _alternation((*_split(rules)[0], *site_patterns)))


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


def remove_furniture(paragraphs: list[str], site_patterns: Iterable[re.Pattern] = (),
                     rules: tuple[Rule, ...] = RULES) -> list[str]:
    """The paragraphs that are article text, in order: furniture by ``rules`` (default:
    all) or the site's patterns dropped, nothing kept after a list heading."""
    generic, headings = _split(rules)
    patterns = _alternation((*generic, *site_patterns))
    kept = []
    for paragraph in paragraphs:
        if headings and headings.search(paragraph):
            break
        if not _matches(paragraph, patterns):
            kept.append(paragraph)
    start = _numbered_run_start(kept)
    return kept[:start] if start is not None else kept
