"""Bylines: the writer's name in the forms Arabic papers and wires print it, pure."""

from __future__ import annotations

import re

from newscrawl.text.dateline import PLACES

# «بقلم فلان», «كتب - فلان», «كتبت فلانة», «بواسطة فلان», «By …» and its kin: a label a name
# follows directly; «المحرر: فلان», «تقرير: …», «إعداد: …» are nouns, a label only before a
# colon or dash («الكاتب الكبير نجيب محفوظ» is no byline).
_LABEL = re.compile(r"^(?:(?:بقلم|كتب|كتبت|كتبه|كتبها|بواسطة|written by|reported by|by|von|par|por|di|door|av)"
                    r"(?=[\s:\-–—ـ/]|$)\s*[:\-–—ـ/]?"
                    r"|(?:المحرر|المحررة|الكاتب|الكاتبة|إعداد|اعداد|تقرير|حوار|تحرير|متابعة|ترجمة)\s*[:\-–—ـ/])\s*",
                    re.I)
# «فلان - القاهرة», «فلان ـ بورسعيد», «فلان | مراسل»: after a dash or bar, the dateline's
# place or the writer's role, not the name. A hyphen needs a space before it («آل-…» is a
# name), a kashida a space on each side (in a word it stretches the word).
_TAIL = re.compile(r"\s*\|\s*|\s+-\s*|\s*[–—]\s*|\s+ـ\s+")
# «فلان، القاهرة»: after a comma only a known place is the dateline's — a comma also joins names.
_PLACE_AFTER_COMMA = re.compile(r"\s*[،,]\s*(?P<place>[^،,]+)$")
_MAX_NAME_WORDS = 5
_NOT_IN_NAMES = re.compile(r"[.!؟?:\"«»()\d]")


def _unlabelled(text: str) -> tuple[str, bool]:
    text = " ".join((text or "").split()).strip(" :-–—ـ|")
    label = _LABEL.match(text)
    return (text[label.end():], True) if label else (text, False)


def _without_tail(text: str) -> tuple[str, str | None]:
    """«سليمان الجبوري - صفاقس» → («سليمان الجبوري», «صفاقس»)."""
    tail = _TAIL.search(text)
    if tail and tail.start() > 0:
        return text[:tail.start()], text[tail.end():].strip(" :-–—ـ|") or None
    place = _PLACE_AFTER_COMMA.search(text)
    if place and place["place"].strip() in PLACES:
        return text[:place.start()], place["place"].strip()
    return text, None


def _name(text: str) -> str | None:
    text = text.strip(" :-–—ـ|،,/")
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or _NOT_IN_NAMES.search(text):
        return None
    return text


def byline_name(text: str, labelled_only: bool = False) -> str | None:
    """The writer a byline names: «بقلم: أحمد علي» → «أحمد علي»; «كتب - أحمد علي - القاهرة»
    → «أحمد علي». None when ``text`` is longer than a name or, with ``labelled_only``,
    when it opens with no byline label (a paragraph of the body is no byline)."""
    text, labelled = _unlabelled(text)
    if labelled_only and not labelled:
        return None
    return _name(_without_tail(text)[0])


# «أحمد علي و سارة حسن», «أحمد علي، سارة حسن», «Jane Doe and John Roe»
_BETWEEN_NAMES = re.compile(r"\s*[،,]\s*|\s+(?:و|and|und|et|y|&)\s+", re.I)
# Given names that begin with «و»: «أحمد علي وليد حسن» may be one name. «و» joining
# such a name is written twice: «أحمد علي ووليد حسن».
_WAW_NAMES = frozenset("""
وليد وائل وفاء وديع وسام وجدي وحيد وهيب وصفي ولاء وعد وداد وردة ورد وضاح وهبة وفيق وجيه وسيم وصال
وئام وجدان وحيدة وصفية وفيقة ودود وهاد وفيقة وداعة وقار
""".split())


def _split_at_waw(text: str) -> list[str]:
    """«حسام قاسم ورامي الهاشمي» → two names: «و» written onto the second name's first word,
    where each side is a name of two to four words."""
    words = text.split()
    for i in range(2, len(words) - 1):
        word = words[i]
        if not word.startswith("و") or len(word) < 3 or word in _WAW_NAMES:
            continue
        left, right = words[:i], [word[1:], *words[i + 1:]]
        if 2 <= len(left) <= 4 and 2 <= len(right) <= 4:
            return [" ".join(left), " ".join(right)]
    return [text]


def byline_names(text: str, labelled_only: bool = False) -> list[str]:
    """The writers a byline names, several where it joins them with «و» (apart, or
    written onto the next name: «حسام قاسم ورامي الهاشمي»), «،» or "and"."""
    body, labelled = _unlabelled(text)
    if labelled_only and not labelled:
        return []
    body = _without_tail(body)[0]
    parts = [q for p in _BETWEEN_NAMES.split(body) if p.strip() for q in _split_at_waw(p.strip())]
    if len(parts) > 1:
        names = [_name(p) for p in parts]
        if all(names) and all(len(n.split()) >= 2 for n in names):
            return list(dict.fromkeys(names))
    whole = _name(body)
    return [whole] if whole else []
