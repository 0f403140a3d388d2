"""Text of raw HTML without parsing it: for quick checks on whole responses."""

import re

_MARKUP = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.S | re.I)


def strip_markup(html: str) -> str:
    """The page's text with tags, scripts and styles replaced by spaces."""
    return _MARKUP.sub(" ", html)
