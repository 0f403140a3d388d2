"""Bylines: the writer's name in the forms Arabic papers and wires print it, pure."""

from __future__ import annotations

import re

from newscrawl.text.dateline import PLACES

# «بقلم: فلان», «كتب - فلان», «كتبت فلانة», «إعداد: …», «By …» and its kin in other languages.
_LABEL = re.compile(r"^(?:بقلم|كتب|كتبت|إعداد|اعداد|تقرير|حوار|تحرير|متابعة|ترجمة|by|von|par|por|di|door|av)"
                    r"(?=[\s:\-–—ـ]|$)\s*[:\-–—ـ]?\s*", re.I)
# «فلان - القاهرة», «فلان ـ الرياض»: a place after the name is the dateline's, not the name's.
_PLACE_AFTER = re.compile(r"\s*[\-–—ـ|،,]\s*(?P<place>[^\-–—ـ|،,]+)$")
_MAX_NAME_WORDS = 5


def byline_name(text: str, labelled_only: bool = False) -> str | None:
    """The writer a byline names: «بقلم: أحمد علي» → «أحمد علي»; «كتب - أحمد علي - القاهرة»
    → «أحمد علي». None when ``text`` is longer than a name or, with ``labelled_only``,
    when it opens with no byline label (a paragraph of the body is no byline)."""
    text = " ".join((text or "").split()).strip(" :-–—ـ|")
    label = _LABEL.match(text)
    if label:
        text = text[label.end():]
    elif labelled_only:
        return None
    place = _PLACE_AFTER.search(text)
    if place and place["place"].strip() in PLACES:
        text = text[:place.start()]
    text = text.strip(" :-–—ـ|،,")
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or any(c in text for c in ".!؟?:"):
        return None
    return text


# «أحمد علي و سارة حسن», «أحمد علي، سارة حسن», «Jane Doe and John Roe»
_BETWEEN_NAMES = re.compile(r"\s*[،,]\s*|\s+(?:و|and|und|et|y)\s+", re.I)


def byline_names(text: str, labelled_only: bool = False) -> list[str]:
    """The writers a byline names, several where it joins them with «و», «،» or "and"."""
    label = _LABEL.match(" ".join((text or "").split()).strip(" :-–—ـ|"))
    if labelled_only and not label:
        return []
    whole = byline_name(text, labelled_only)
    body = " ".join((text or "").split()).strip(" :-–—ـ|")
    body = body[label.end():] if label else body
    parts = [p for p in _BETWEEN_NAMES.split(body) if p.strip()]
    if len(parts) > 1:
        names = [byline_name(p) for p in parts]
        if all(names) and all(len(n.split()) >= 2 for n in names):
            return names
    return [whole] if whole else []
