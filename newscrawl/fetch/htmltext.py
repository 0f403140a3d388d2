"""Text of raw HTML without parsing it: for quick checks on whole responses."""

import re

_MARKUP = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.S | re.I)


def strip_markup(html: str) -> str:
    """The page's text with tags, scripts and styles replaced by spaces."""
    return _MARKUP.sub(" ", html)


def has_words(html: str, count: int) -> bool:
    """Whether the page's text (as strip_markup leaves it) has at least ``count`` words;
    reads only as far as it takes to find them."""
    found, position = 0, 0
    for match in _MARKUP.finditer(html):
        found += len(html[position:match.start()].split())
        if found >= count:
            return True
        position = match.end()
    return found + len(html[position:].split()) >= count
