"""The article page as a plain lxml tree, and XPath and CSS queries compiled once and
run on it.

parsel wraps every match in a Selector object; extraction runs a dozen queries per page
and reads most matches once, so it works on the parsed tree directly."""

from __future__ import annotations

import re
from functools import cache

from lxml import etree
from parsel.csstranslator import css2xpath

# cssselect writes «.name» and «#name» as a predicate tested on every element (of the
# step's tag); libxml2 evaluates that several times slower than it walks attribute nodes
# (0.21 against 0.11 ms for «.name», 0.18 against 0.06 for «#name», on a page of 640
# elements). A step whose whole predicate is that one test is rewritten to test the
# attribute and return its element: the same elements, in the same order.
_CLASS_STEP = re.compile(r"(?:(?<=::)|(?<=/))(\*|[a-z][a-z0-9-]*)"
                         r"\[@class and contains\(concat\(' ', normalize-space\(@class\), ' '\), ' ([^' ]+) '\)\]")
_ID_STEP = re.compile(r"(?:(?<=::)|(?<=/))(\*|[a-z][a-z0-9-]*)\[@id = '([^']+)'\]")


def attribute_first(path: str) -> str:
    path = _CLASS_STEP.sub(r"\1/@class[contains(concat(' ', normalize-space(.), ' '), ' \2 ')]/parent::*", path)
    return _ID_STEP.sub(r"\1/@id[. = '\2']/parent::*", path)


def parse_html(page: str | bytes) -> etree._Element:
    """The page's tree, parsed as parsel parses HTML text (ends stripped, NUL characters
    dropped, an empty page read as «<html/>») but with lxml's plain element classes:
    lxml.html's, which parsel uses, call back into Python for every element a query or a
    walk returns (about 0.1 ms of an Elaph article page's 0.6), for methods extraction
    never calls. ``page`` is the text, or the text stripped and encoded in UTF-8 (the
    caller has encoded it already). NULs are dropped from the bytes: searched in the text
    they cost as much as encoding it."""
    if isinstance(page, str):
        page = page.strip().encode("utf-8", "surrogatepass")
    parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    root = etree.fromstring(page.replace(b"\x00", b"") or b"<html/>", parser=parser)
    return root if root is not None else etree.fromstring(b"<html/>", parser=parser)


@cache
def xpath(query: str) -> etree.XPath:
    return etree.XPath(query, smart_strings=False)


@cache
def css(query: str) -> etree.XPath:
    """A CSS selector in parsel's dialect, translated to XPath once."""
    return xpath(attribute_first(css2xpath(query)))


def within(node: etree._Element, ancestor: etree._Element) -> bool:
    """Whether ``node`` is ``ancestor`` or lies inside it (still, after removals)."""
    return node is ancestor or any(a is ancestor for a in node.iterancestors())
