"""Fields any article page yields without knowing its site: the last link of the chain."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import trafilatura
from parsel import Selector

from .blocks import squash, text

DATE_HINTS = ("date", "time", "publish", "posted", "created")
DATE_XPATH = (
    "//time/@datetime | //time | //*[@itemprop='datePublished']/@content"
    " | //*[@itemprop='datePublished']/@datetime | //*[@itemprop='datePublished']"
)


# Dates a page states in attributes (RDFa, microdata) outside <meta>: machine-readable.
MARKED_DATE_XPATH = ("//*[@property='dc:date' or @property='dc:created' or @property='dcterms:created' or "
                     "@property='article:published_time' or @itemprop='datePublished']/@content"
                     " | //*[@itemprop='datePublished']/@datetime")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(?:[^/]+/)?(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])")


def marked_dates(sel: Selector) -> list[str]:
    return [v.strip() for v in sel.xpath(MARKED_DATE_XPATH).getall() if v.strip()]


def url_day(url: str | None) -> str | None:
    """The day a URL path names (/2013/08/03/, /2013/middle_east/8/3/), as YYYY-MM-DD."""
    match = _URL_DAY.search(urlsplit(url).path) if url else None
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else None


def headline(sel: Selector) -> str | None:
    return text(sel.css("h1")[:1]) or squash(sel.xpath("string(//title)").get("")) or None


def body(html: str) -> list[str]:
    extracted = trafilatura.extract(html, favor_precision=True, include_comments=False,
                                    include_tables=False, deduplicate=False)
    return [p for p in (squash(line) for line in (extracted or "").splitlines()) if p]


# Elements whose class or id says "date", "time", "publish"… (case-insensitive). Matched
# in Python: ten translate() calls per element in XPath cost more than the whole page.
_DATE_HINT = re.compile("|".join(DATE_HINTS), re.I)


def date_candidates(sel: Selector) -> list[str]:
    """Strings that look like the page's printed date, most specific markup first."""
    found = [squash(text([s]) if not isinstance(s.root, str) else s.root) for s in sel.xpath(DATE_XPATH)]
    for node in sel.xpath("//body//*[@class or @id]"):
        if _DATE_HINT.search(f"{node.attrib.get('class', '')} {node.attrib.get('id', '')}"):
            value = text([node])
            if 6 <= len(value) <= 100:
                found.append(value)
    return [f for f in found if f]


def generic_fields(sel: Selector, html: str) -> dict:
    return {
        "headline": headline(sel),
        "body": body(html),
        "language": (sel.xpath("/html/@lang").get() or "").split("-")[0].lower() or None,
    }
