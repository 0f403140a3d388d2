"""XPath and CSS queries compiled once and run on lxml elements.

parsel wraps every match in a Selector object; extraction runs a dozen queries per page
and reads most matches once, so it works on the parsed tree directly."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from parsel.csstranslator import css2xpath


@lru_cache(maxsize=None)
def xpath(query: str) -> etree.XPath:
    return etree.XPath(query, smart_strings=False)


@lru_cache(maxsize=None)
def css(query: str) -> etree.XPath:
    """A CSS selector in parsel's dialect, translated to XPath once."""
    return xpath(css2xpath(query))
