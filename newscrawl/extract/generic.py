"""Fields any article page yields without knowing its site: the last link of the chain."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from newscrawl.extract.blocks import BLOCK_TAGS, SKIPPED_TAGS, squash, text
from newscrawl.extract.queries import xpath
from newscrawl.text.byline import byline_name, byline_names
from newscrawl.text.dateline import dateline_alone, may_be_place
from newscrawl.text.unicode import clean_inline

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

    # Tables are kept (a results table, a budget's figures are the article): one line a
    # row, «| cell | cell |», without the Markdown rule under the header row.
    extracted = trafilatura.extract(html, favor_precision=True, include_comments=False, include_tables=True,
                                    deduplicate=False)
    return [p for p in (squash(line) for line in (extracted or "").splitlines()) if p and not _TABLE_RULE.match(p)]


_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")


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
# A name in a comment thread is a commenter's («commentAuthor», «comment-author vcard»).
_COMMENT_HINT = re.compile(r"comment|reply|respond|disqus", re.I)
# The byline is printed near the headline, above the story's text: the first element
# holding this many words of text is the text.
_TEXT_WORDS = 25
_LINE_WORDS = 10
# Where a labelled line is a teaser's or a menu's, not the story's.
_NOT_STORY = frozenset({"a", "nav", "aside", "footer", "button", "option"})


def _in_comments(node: etree._Element) -> bool:
    for element in (node, *node.iterancestors()):
        if element.tag == "body":
            return False
        if _COMMENT_HINT.search(f"{element.get('class', '')} {element.get('id', '')} {element.get('itemprop', '')}"):
            return True
    return False


def _box_names(node: etree._Element) -> list[str]:
    """The writers a byline box names: each link a writer where it links two or more
    («بواسطة <a>ليلى العمري</a> <a>سارة الطرابلسي</a>» is two names, not one of four
    words); else its text read as a byline."""
    links = [squash(xpath("string(.)")(a)) for a in node.iter("a")]
    names = [byline_name(link) for link in links]
    if len(links) >= 2 and all(names):
        return names
    return byline_names(squash(xpath("string(.)")(node)))


def _coauthor_links(link: etree._Element) -> list[etree._Element]:
    """A rel=author link and the links beside it to the same kind of page
    («/author/907», «/author/6730»): co-writers, of whom the page marked only the first."""
    parent, href = link.getparent(), (link.get("href") or "").rstrip("/")
    if parent is None or "/" not in href:
        return [link]
    folder = href.rsplit("/", 1)[0]
    return [a for a in parent.iter("a") if a is link or (a.get("href") or "").rstrip("/").rsplit("/", 1)[0] == folder]


def _header_zone(root: etree._Element) -> tuple[dict, int, int]:
    """Document order of the page's elements, and the span from the headline (h1) to the
    first element of the story's text — where a story prints its byline."""
    order = {node: i for i, node in enumerate(root.iter())}
    heading = xpath("(//body//h1)[1]")(root)
    start = order[heading[0]] if heading else 0
    end = len(order)
    for node, i in order.items():
        if i > start and isinstance(node.tag, str) and node.tag not in SKIPPED_TAGS and (
                len((node.text or "").split()) + sum(len((c.tail or "").split()) for c in node) >= _TEXT_WORDS
                or node.tag == "p" and len(xpath("string(.)")(node).split()) >= _TEXT_WORDS):
            end = i
            break
    return order, start, end


def _in_header_zone(nodes: list, zone: tuple[dict, int, int]) -> list:
    order, start, end = zone
    return [n for n in nodes if start <= order.get(n, -1) < end]


def _labelled_lines(root: etree._Element) -> list[str]:
    """Writers named by a labelled line of its own («كتب: فلان», «بقلم فلان», «تقرير: فلان»)
    anywhere in the story, whatever its markup: one or two such lines are its byline, more
    are a list of columnists; one between the headline and the text is the byline."""
    found = []
    for node in xpath("//body//*[text()[normalize-space()]]")(root):
        if node.tag in _NOT_STORY or any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in node):
            continue
        line = squash(xpath("string(.)")(node))
        if len(line.split()) > _LINE_WORDS:
            continue
        names = byline_names(line, labelled_only=True)
        if names and not _in_comments(node) and not any(a.tag in _NOT_STORY for a in node.iterancestors()):
            found.append((node, names))
    if len(found) > 2:
        found = [(n, names) for n, names in found if _in_header_zone([n], _header_zone(root))]
    return found[0][1] if 1 <= len(found) <= 2 else []


def bylines(root: etree._Element) -> list[str]:
    """Writers the page's markup names: rel=author links (and the co-writers linked beside
    them), itemprop=author (its name when it has one), then leaf-ish elements whose class
    or id says author, byline or writer — each read as a byline — and last a labelled
    line of its own («كتب: فلان»). Names in comment threads are commenters'."""
    found: list[str] = []
    for link in xpath("//a[contains(concat(' ', @rel, ' '), ' author ')]")(root):
        found += [squash(xpath("string(.)")(a)) for a in _coauthor_links(link) if not _in_comments(a)]
    names = [name for f in found for name in byline_names(f)]
    for node in xpath("//*[@itemprop='author']")(root):
        if _in_comments(node):
            continue
        name = xpath("(.//*[@itemprop='name'])[1]")(node)
        if name:
            names += byline_names(squash(name[0].get("content") or xpath("string(.)")(name[0])))
        elif node.get("content"):
            names += byline_names(squash(node.get("content")))
        else:
            names += _box_names(node)
    if not names:
        hinted = [node for node in xpath("//body//*[@class or @id][not(.//div or .//p or .//section)]")(root)
                  if _BYLINE_HINT.search(f"{node.get('class', '')} {node.get('id', '')}") and not _in_comments(node)]
        # Of several, those between the headline and the text are the story's.
        if len(hinted) > 1:
            hinted = _in_header_zone(hinted, _header_zone(root)) or hinted
        # One writer's box names one or two; a run of "author" elements is a list of
        # commenters or columnists, not this story's byline.
        if len(hinted) <= 3:
            names += [name for node in hinted for name in _box_names(node)]
    if not names:
        names = _labelled_lines(root)
    return list(dict.fromkeys(names))


# schema.org's place of a story, and the class publishers give a dateline printed apart.
_LOCATION_PROPERTIES = frozenset({"contentLocation", "locationCreated"})
_DATELINE_CLASS = re.compile(r"dateline", re.I)
_LOCATION_CLASS = re.compile(r"location", re.I)
# A «location» element opens a paragraph: this many words follow it.
_OPENS_WORDS = 10


def _place(text: str) -> str | None:
    """The place a dateline printed apart names: «بورسعيد — "الخليج":» → «بورسعيد»."""
    text = clean_inline(text)
    alone = dateline_alone(text)
    if alone:
        return alone
    words = re.sub(r"\([^()]*\)|[:\-–—ـ]+\s*$", "", text).strip(" :-–—ـ").split()
    place = " ".join(words)
    return place if 1 <= len(words) <= 3 and may_be_place(place) else None


def markup_dateline(root: etree._Element) -> str | None:
    """The dateline the markup states apart from the text: schema.org contentLocation or
    locationCreated, or an element whose class says dateline (or location, where it opens a
    paragraph: «<span class="location">بيروت –</span> قال …»). The place a byline prints
    after the writer's name («رامي الجبوري ـ بورسعيد») is the writer's, not taken."""
    for node in xpath("//@itemprop/..")(root):
        if node.get("itemprop") in _LOCATION_PROPERTIES:
            name = xpath("(.//*[@itemprop='name'])[1]")(node)
            value = (name[0].get("content") or xpath("string(.)")(name[0])) if name else (
                node.get("content") or xpath("string(.)")(node))
            if _place(value or ""):
                return _place(value)
    classes = xpath("//body//@class")(root)
    if any(_DATELINE_CLASS.search(c) or _LOCATION_CLASS.search(c) for c in classes):
        for node in xpath("//body//@class/..")(root):
            cls = node.get("class", "")
            opens = _LOCATION_CLASS.search(cls) and len((node.tail or "").split()) >= _OPENS_WORDS
            if (_DATELINE_CLASS.search(cls) or opens) and not _in_comments(node):
                place = _place(xpath("string(.)")(node))
                if place:
                    return place
    return None


def generic_fields(root: etree._Element, html: str) -> dict:
    lang = xpath("/html/@lang")(root)
    return {
        "headline": headline(root),
        "body": body(html),
        "authors": bylines(root),
        "dateline": markup_dateline(root),
        "language": (lang[0] if lang else "").split("-")[0].lower() or None,
    }
