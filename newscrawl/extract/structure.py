"""The page's structure made plain for the generic main-text extractor, in place.

Two kinds of structure make extractors read a page wrong, on any site and in any language:

- **Paragraphs made of line breaks.** Many news pages print their text as runs of words
  split by ``<br>`` or ``<br><br>`` inside one element, the first run often opened by an
  inline element (a dateline in a ``<span>``). Main-text extractors look for paragraph
  elements and drop such runs — the story's opening paragraph first of all. Each run
  becomes a ``<p>``.
- **Boxes of links.** Promotions and lists of other stories sit inside or beside the
  article: «اقرأ أيضاً: <a>…</a>», a heading over a list of headlines, a paragraph that is
  a single link to the site's app or channel. Their text is almost all link text, where
  an article's paragraphs are mostly plain text. The lines of such boxes (their headings,
  links and items) are taken out of what the extractor returns. The boxes stay in the
  page it reads: taking them out first changes where extractors find the article's
  edges (on ../shared/realpages-world it let in more menus and paywall notes than it
  kept out).
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from newscrawl.extract.blocks import paragraphs
from newscrawl.extract.evaluation import token_f1, tokens
from newscrawl.extract.queries import xpath

INLINE = frozenset("a abbr b bdi bdo big cite code data dfn em font i kbd label mark nobr q s samp small span strike "
                   "strong sub sup time tt u var wbr".split())
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOXES = frozenset({"p", "li", "ul", "ol", "div", "section", "aside", "nav", "dl", "table", "footer", "header"})
# A box's text outside its headings is at least this share link text…
_LINK_SHARE = 0.8
# …and holds no paragraph of this many characters outside links: that is prose. Text is
# measured in characters, not words: Chinese and Japanese put no spaces between words.
_PROSE_CHARACTERS = 100


def _size(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


def br_paragraphs(root: etree._Element) -> int:
    """In an element holding text of its own between ``<br>`` elements, wrap each run of
    text and inline elements between them in a ``<p>``, as a browser shows the lines;
    how many elements were rewritten."""
    rewritten = 0
    for parent in xpath("//body//br/..")(root):
        if parent.tag in INLINE or parent.tag == "p" or not (
                (parent.text or "").strip() or any((child.tail or "").strip() for child in parent)):
            continue
        _rewrite(parent)
        rewritten += 1
    return rewritten


def _rewrite(parent: etree._Element) -> None:
    items: list = [parent.text] if parent.text else []
    for child in list(parent):
        tail, child.tail = child.tail, None
        items.append(child)
        if tail:
            items.append(tail)
    parent.text = None
    for child in list(parent):
        parent.remove(child)

    paragraph: list = []
    breaks: list = []  # <br> elements met since the last text

    def close() -> None:
        if any(isinstance(i, str) and i.strip() or not isinstance(i, str) and (xpath("string(.)")(i).strip())
               for i in paragraph):
            p = etree.SubElement(parent, "p")
            for item in paragraph:
                if isinstance(item, str):
                    last = p[-1] if len(p) else None
                    if last is None:
                        p.text = (p.text or "") + item
                    else:
                        last.tail = (last.tail or "") + item
                else:
                    p.append(item)
        paragraph.clear()

    for item in items:
        if isinstance(item, str) and not item.strip():
            if not breaks:
                paragraph.append(item)
            continue
        if not isinstance(item, str):
            if not isinstance(item.tag, str):  # comments and processing instructions
                continue
            if item.tag == "br":
                breaks.append(item)
                continue
            if item.tag not in INLINE:  # a block of its own
                close()
                breaks.clear()
                parent.append(item)
                continue
        if breaks:
            close()
        breaks.clear()
        paragraph.append(item)
    close()


def _measure(node: etree._Element, sizes: dict) -> tuple[int, int, int, bool]:
    """(characters, in links, in headings, holds prose) of ``node``, its own text
    counted where it stands; filled into ``sizes`` for every element below it."""
    words = _size(node.text)
    links = headings = 0
    prose = False
    for child in node:
        tail = _size(child.tail)
        words += tail
        if not isinstance(child.tag, str):
            continue
        c_words, c_links, c_headings, c_prose = _measure(child, sizes)
        words += c_words
        links += c_links
        headings += c_headings
        prose = prose or c_prose
    if node.tag == "p" and words - links >= _PROSE_CHARACTERS:
        prose = True
    if node.tag == "a" and node.get("href") is not None:  # a teaser's heading in a link is link text
        links, headings = words, 0
    if node.tag in _HEADINGS:  # a heading is counted apart, a link in it too
        headings, links = words, 0
    sizes[node] = (words, links, headings, prose)
    return words, links, headings, prose


def link_boxes(root: etree._Element) -> list[etree._Element]:
    """The outermost blocks whose text, headings aside, is nearly all link text, outside
    the element that holds the page's longest plain text."""
    body = root.find("body")
    if body is None:
        return []
    sizes: dict = {}
    _measure(body, sizes)
    article = max((node for node in sizes if node.tag == "p" or node.tag == "div"),
                  key=lambda node: sizes[node][0] - sizes[node][1], default=None)
    guard = {article, *article.iterancestors()} if article is not None else set()
    found = []

    def visit(node: etree._Element) -> None:
        for child in node:
            if not isinstance(child.tag, str) or child.tag in ("script", "style"):
                continue
            words, links, headings, prose = sizes[child]
            text = words - headings
            if child not in guard and child.tag in _BOXES and text and links >= _LINK_SHARE * text and not prose \
                    and not child.xpath("ancestor::blockquote | ancestor::figure"):
                found.append(child)
            else:
                visit(child)

    visit(body)
    return found


def _line(node: etree._Element) -> str:
    return " ".join(xpath("string(.)")(node).split())


def box_lines(root: etree._Element) -> frozenset[str]:
    """The text of each link box, of its headings, links and items, each with its
    whitespace squashed: lines a body never holds — unless the page also prints the
    same line outside every box (a story's lead, repeated in a teaser of itself)."""
    lines, boxes = set(), link_boxes(root)
    for box in boxes:
        lines.update(_line(node) for node in (box, *box.iter("h1", "h2", "h3", "h4", "h5", "h6", "a", "li", "p")))
    inside = {node for box in boxes for node in box.iter()}
    lines.difference_update(_line(node) for node in root.iter("p") if node not in inside)
    lines.discard("")
    return frozenset(lines)


# The page's text nodes: one XPath call, in C, where walking the tree into block lines
# costs four times as much on a page of real weight. Scripts' and styles' text is taken
# out afterwards: a test of each node's parent in the query costs more than the rest.
_TEXT_NODES = etree.XPath("//body//text()", smart_strings=False)


def page_lines(root: etree._Element, max_words: int) -> list[str]:
    """The page's short lines of text as it prints them, anywhere on it (menus, boxes,
    prompts, the article too), each once, whitespace squashed: the evidence from which
    site-wide furniture is learned (newscrawl.extract.learned). A text node is a line: a
    prompt or a label is one, in a link, a heading or a paragraph of its own."""
    lines = {}
    longest = 20 * max_words  # characters: far longer nodes are prose, not split
    for node in _TEXT_NODES(root):
        if len(node) <= longest:
            words = node.split()
            if 0 < len(words) <= max_words:
                lines[" ".join(words)] = None
    for hidden in root.iter("script", "style"):
        if hidden.text and len(hidden.text) <= longest:
            lines.pop(" ".join(hidden.text.split()), None)
    return list(lines)


_PARAGRAPH_TEXT = etree.XPath("//p")
# A continuation's paragraphs read as the article's: prose, not a teaser's line.
_PROSE_WORDS = 8


def continuations(root: etree._Element, body: list[str]) -> list[str]:
    """Paragraphs of the article that the extractor left in the article's other
    containers: a page may cut its text into several containers of one kind (the same
    tag and class), with ads or promotions between them, and main-text extractors keep
    the first. The containers after the one holding the body's opening paragraph, of its
    tag and class, give their paragraphs not in ``body``."""
    if not body:
        return []
    opening = body[0]
    first = next((p for p in _PARAGRAPH_TEXT(root) if " ".join(xpath("string(.)")(p).split()) == opening), None)
    container = first.getparent() if first is not None else None
    if container is None or not container.get("class") or container.tag in ("body", "html"):
        return []
    kin = [e for e in root.iter(container.tag) if e.get("class") == container.get("class")]
    if len(kin) < 2:
        return []
    found, seen, after = [], set(body), False
    for element in kin:
        if element is container:
            after = True
            continue
        # Not a box of links (teasers of other stories) nor a form (a newsletter's).
        if not after or any(a is container for a in element.iterancestors()) or _FORMS(element) or \
                _link_share(element) >= 0.5:
            continue
        for p in element.iter("p"):
            text = " ".join(xpath("string(.)")(p).split())
            if len(text.split()) >= _PROSE_WORDS and text not in seen and _link_share(p) < 0.5:
                found.append(text)
                seen.add(text)
    return found


_FORMS = xpath(".//form | .//input | .//button | .//textarea")


def _link_share(element: etree._Element) -> float:
    text = _size(xpath("string(.)")(element))
    return sum(_size(xpath("string(.)")(a)) for a in element.iter("a")) / text if text else 0.0


# Media around the article's text: pictures' captions and credits, and posts embedded
# from social networks (their markup is the networks' own: twitter-tweet,
# instagram-media, tiktok-embed). Class words whole: «photo-caption», «wp-caption-text»,
# not «hasCaption», a header's flag.
_MEDIA_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|credit|twitter-tweet|instagram-media|tiktok-embed|bluesky-embed)s?"
                          r"(?:$|[\s_-])", re.I)
_CLASSED = xpath("//figcaption | //*[@class]")
# A caption or an embedded post is short: an element holding more is a layout's.
_MEDIA_WORDS = 80


def media_lines(root: etree._Element) -> frozenset[str]:
    """The text of captions, credits and embedded posts, whole and block by block, each
    with its whitespace squashed: lines a body never holds — unless the page also prints
    the same line in a paragraph of its own (a lead that a picture's caption repeats)."""
    lines, media = set(), []
    for element in _CLASSED(root):
        if element.tag != "figcaption" and not _MEDIA_CLASS.search(element.get("class", "")):
            continue
        if len(_line(element).split()) > _MEDIA_WORDS:
            continue
        media.append(element)
        lines.update(_line(node) for node in element.iter() if isinstance(node.tag, str))
        lines.update(paragraphs([element]))
    inside = {node for element in media for node in element.iter()}
    lines.difference_update(_line(node) for node in root.iter("p") if node not in inside)
    lines.discard("")
    return frozenset(lines)


_LEAF_BLOCKS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6", "span", "strong", "b", "section", "header"})
_INNER_BLOCKS = frozenset({"p", "div", "h2", "h3", "h4", "section", "ul", "ol", "table", "header", "article"})
# The standfirst is the publisher's summary printed: most of its words are the summary's.
_LEAD_MATCH = 0.6
_LEAD_WORDS = 8


def _contained(text: str, paragraph: str) -> bool:
    """Whether most of ``text``'s words are in ``paragraph``."""
    words, held = Counter(tokens(text)), Counter(tokens(paragraph))
    return sum((words & held).values()) >= _LEAD_MATCH * sum(words.values())


def lead_paragraph(root: etree._Element, body: list[str], summaries: list[str]) -> str | None:
    """The standfirst extractors leave out: the block printed between the page's <h1>
    and the body's first paragraph whose text is the page's own summary (its meta or
    JSON-LD description), or most of it; the best such block, or None."""
    if not body or not summaries:
        return None
    best, best_match, after_headline = None, _LEAD_MATCH, False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "h1":
            after_headline = True
            continue
        if not after_headline or element.tag not in _LEAF_BLOCKS or any(c.tag in _INNER_BLOCKS for c in element):
            continue
        text = _line(element)
        if text == body[0]:
            break
        # Not a picture's caption (in a figure, or signed «© agency»), not a link's text.
        if len(text.split()) < _LEAD_WORDS or "©" in text or any(
                a.tag in ("figure", "figcaption", "nav", "aside", "a") for a in element.iterancestors()):
            continue
        match = max(token_f1(text, summary) for summary in summaries)
        if match > best_match and any(_contained(text, paragraph) for paragraph in body):
            return None  # the body holds it already, whole or cut (a teaser of it)
        if match > best_match:
            best, best_match = text, match
    return best
