"""Fields any article page yields without knowing its site: the last link of the chain."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from newscrawl.extract.blocks import squash, text
from newscrawl.extract.queries import xpath
from newscrawl.text.byline import byline_names

DATE_HINTS = ("date", "time", "publish", "posted", "created")


# Dates a page states in attributes (RDFa, microdata): machine-readable. The elements
# are picked in Python: five attribute comparisons per element in XPath cost 0.1 ms a page.
MARKED_DATE_PROPERTIES = frozenset({"dc:date", "dc:created", "dcterms:created", "article:published_time"})
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(?:[^/]+/)?(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])")


def marked_dates(root: etree._Element) -> list[str]:
    found = []
    # Attribute-first: libxml2 walks attribute nodes several times faster than it tests
    # a predicate on every element (0.08 against 0.41 ms on a 650-element page).
    for node in xpath("//@property/.. | //@itemprop/..")(root):
        published = node.get("itemprop") == "datePublished"
        if published or node.get("property") in MARKED_DATE_PROPERTIES:
            # In the element's own attribute order, as the XPath union this replaced gave them.
            found += [value for name, value in node.items() if name == "content" or (published and name == "datetime")]
    return [v.strip() for v in found if v and v.strip()]


def url_day(url: str | None) -> str | None:
    """The day a URL path names (/2013/08/03/, /2013/middle_east/8/3/), as YYYY-MM-DD."""
    match = _URL_DAY.search(urlsplit(url).path) if url else None
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else None


def headline(root: etree._Element) -> str | None:
    return text(xpath("//h1")(root)[:1]) or squash(xpath("string(//title)")(root)) or None


def body(html: str) -> list[str]:
    # Imported here: trafilatura takes 0.17 s and several megabytes to load, and a crawl
    # of a site whose layouts match never needs it.
    import trafilatura

    extracted = trafilatura.extract(html, favor_precision=True, include_comments=False,
                                    include_tables=False, deduplicate=False)
    return [p for p in (squash(line) for line in (extracted or "").splitlines()) if p]


# Elements whose class or id says "date", "time", "publish"… (case-insensitive). Matched
# in Python: ten translate() calls per element in XPath cost more than the whole page.
_DATE_HINT = re.compile("|".join(DATE_HINTS), re.I)


def date_candidates(root: etree._Element) -> list[str]:
    """Strings that look like the page's printed date, most specific markup first."""
    found = []
    # <time> and datePublished elements, each followed by its date attributes: the
    # document order of the XPath union «//time | //time/@datetime | …», in one scan
    # of the page instead of five.
    for node in xpath("//time | //@itemprop[. = 'datePublished']/..")(root):
        found.append(text([node]))
        published = node.get("itemprop") == "datePublished"
        for name, value in node.items():
            if name == "datetime" and (published or node.tag == "time") or name == "content" and published:
                found.append(squash(value))
    # The pages that get this far print no date, and mostly have no such element: their
    # class and id values, read as strings, say so for a fraction of the cost of
    # visiting every element.
    if not any(_DATE_HINT.search(value) for value in xpath("//body//*/@class | //body//*/@id")(root)):
        return [f for f in found if f]
    for node in xpath("//body//*/@class/.. | //body//*/@id/..")(root):
        if _DATE_HINT.search(f"{node.get('class', '')} {node.get('id', '')}"):
            value = text([node])
            if 6 <= len(value) <= 100:
                found.append(value)
    return [f for f in found if f]


_BYLINE_HINT = re.compile(r"author|byline|writer|kateb|katib", re.I)


def bylines(root: etree._Element) -> list[str]:
    """Writers the page's markup names: rel=author links, itemprop=author (its name when
    it has one), then leaf-ish elements whose class or id says author, byline or writer —
    each read as a byline."""
    found = [xpath("string(.)")(a) for a in xpath("//a[contains(concat(' ', @rel, ' '), ' author ')]")(root)]
    for node in xpath("//*[@itemprop='author']")(root):
        name = xpath("(.//*[@itemprop='name'])[1]")(node)
        found.append(name[0].get("content") or xpath("string(.)")(name[0]) if name else
                     node.get("content") or xpath("string(.)")(node))
    if not found:
        hinted = [node for node in xpath("//body//*[@class or @id][not(.//div or .//p or .//section)]")(root)
                  if _BYLINE_HINT.search(f"{node.get('class', '')} {node.get('id', '')}")]
        # One writer's box names one or two; a run of "author" elements is a list of
        # commenters or columnists, not this story's byline.
        if len(hinted) <= 3:
            found += [xpath("string(.)")(node) for node in hinted]
    names = (name for f in found for name in byline_names(squash(f)))
    return list(dict.fromkeys(names))


def generic_fields(root: etree._Element, html: str) -> dict:
    lang = xpath("/html/@lang")(root)
    return {
        "headline": headline(root),
        "body": body(html),
        "authors": bylines(root),
        "language": (lang[0] if lang else "").split("-")[0].lower() or None,
    }
