"""Reader comments, found by the structure of a page, never by one site's words.

A comment thread is recognised by what every comment system shares, in any language:

- the markup standards for comments: schema.org ``Comment`` / ``UserComments`` items,
  ``itemprop="comment"``, and the class and id names of the comment systems in wide use
  (WordPress's ``comment-list``/``respond``, Disqus, Facebook's ``fb-comments``);
- a form to post one: a ``<form>`` holding a ``<textarea>``, with the block around it;
- a thread: a container of three or more sibling blocks of one shape (the same tag and
  class), each a short text under a short line that names its writer, placed after the
  article's longest text.

What is found is removed from the page before any field is read, so neither the body
nor a date can come from a comment. Nothing that holds the article's longest run of text
is ever removed.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawl.extract.queries import within, xpath

# Class/id words of comment systems in wide use, as whole words of the attribute value.
_SYSTEM_WORDS = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-?list|commentlist|comment-?section|comments?-?area|disqus(?:_thread)?|"
    r"respond|fb-comments|reader-?comments|user-?comments|talkback|replies)(?:$|[\s_-])", re.I)
_SCHEMA_COMMENT = re.compile(r"schema\.org/(?:Comment|UserComments)\b", re.I)
_BLOCKS = frozenset({"div", "li", "article", "section", "aside", "dl", "ul", "ol", "form", "footer", "details", "tr",
                     "table"})
# A comment is a short text; a writer's name line is a few words.
_MAX_COMMENT_WORDS = 150
_MAX_NAME_WORDS = 5
# What a comment section holds besides its thread and form: a heading, a counter, the
# posting rules. A block around comments with no more text than this is the section.
_MAX_SECTION_WORDS = 60


# Every class or id _SYSTEM_WORDS accepts holds one of these: a first look at every class
# and id value, in one pass, before the regular expression reads the few that hold one.
_FRAGMENTS = re.compile("comment|disqus|respond|talkback|replies", re.I)
# A comment system's names count only after the article's last paragraph, so only the
# class and id values there are read (the page's header and menus come before it).
_NAMES_AFTER = etree.XPath("following::*/@class | following::*/@id", smart_strings=True)  # each knows its element
_ITEMS = xpath("//@itemtype/.. | //@itemprop/..")


def _named_after(last: etree._Element) -> list[etree._Element]:
    """The elements after ``last`` (in document order, outside it) whose class or id holds
    a comment system's name."""
    return list(dict.fromkeys(value.getparent() for value in _NAMES_AFTER(last)
                              if _FRAGMENTS.search(value) and _SYSTEM_WORDS.search(value)))


def _words(node: etree._Element) -> int:
    """The words of ``node``'s text, serialised in C: a Python walk of its text nodes that
    stops at a cap took longer on the blocks of pages of real weight, however early it
    stopped."""
    return len(etree.tostring(node, method="text", encoding="unicode", with_tail=False).split())


_PARAGRAPH_PARENTS = xpath("//p/.. | //br/..")
# Pages that print each paragraph in a <div> of its own, with no <p>: their text's parent.
_DIV_TEXT_PARENTS = xpath("//div[text()[normalize-space()]]/..")
_HEADINGS = xpath(".//h1 | .//h2 | .//h3")


def _most_words(nodes) -> tuple[etree._Element | None, int]:
    best, best_words = None, 0
    for node in nodes:
        words = len((node.text or "").split())
        for child in node:
            if child.text:
                words += len(child.text.split())
            if child.tail:
                words += len(child.tail.split())
            if child.tag == "p":
                words += _words(child)
        if words > best_words:
            best, best_words = node, words
    return best, best_words


def _longest_text(root: etree._Element) -> etree._Element | None:
    """The element holding the page's longest run of paragraph text: the article. Its
    paragraphs are <p>s or runs between <br>s; or <div>s of text, where these hold twice
    as many words (the <p>s are then a comment's or a box's)."""
    best, words = _most_words(_PARAGRAPH_PARENTS(root))
    in_divs, div_words = _most_words(_DIV_TEXT_PARENTS(root))
    return in_divs if div_words >= 2 * max(words, 1) else best


def _commentlike(child: etree._Element) -> bool:
    """A short text under a short first line (its writer), with no heading."""
    if not len(child):  # one run of text: no line above it
        return False
    lines = 0
    for text in child.itertext():  # read only as far as the second line: most children fail sooner
        if text and not text.isspace():
            lines += 1
            if lines == 2:
                break
            if len(text.split()) > _MAX_NAME_WORDS:
                return False
    return lines == 2 and 1 <= _words(child) <= _MAX_COMMENT_WORDS and not _HEADINGS(child)


def _thread_shaped(container: etree._Element) -> bool:
    """Three or more children of one shape, each a short text with a short first line."""
    shapes: dict[tuple, list] = {}
    for child in container:
        if isinstance(child.tag, str) and child.tag in _BLOCKS:
            first_class = child.get("class", "").split(None, 1)
            shapes.setdefault((child.tag, first_class[0] if first_class else ""), []).append(child)
    for children in shapes.values():
        if len(children) < 3:
            continue
        needed = next(k for k in range(3, len(children) + 1) if k >= 0.8 * len(children))
        commentlike = misses = 0
        for child in children:
            if _commentlike(child):
                commentlike += 1
            else:
                misses += 1
                if len(children) - misses < needed:  # menus and lists of links end here
                    break
        if commentlike >= needed:
            return True
    return False


def _position(node: etree._Element) -> tuple[int, ...]:
    """Where ``node`` stands in document order: its index among its siblings, and its
    ancestors', from the root down."""
    steps = []
    parent = node.getparent()
    while parent is not None:
        steps.append(parent.index(node))
        node, parent = parent, parent.getparent()
    return tuple(reversed(steps))


def _section(node: etree._Element, found: list, guard: set, after, verdicts: dict) -> etree._Element:
    """The outermost block around ``node`` that holds nothing but comments and their
    section's heading, counter and rules; or a list of which three or more items, a
    third of them at least, are found comments (the heads of a <dl> of comments).
    ``verdicts``: whether each block climbed to so far holds nothing else; the found
    nodes around one thread climb through the same blocks."""
    while True:
        parent = node.getparent()
        if parent is None:
            return node
        verdict = verdicts.get(parent)
        if verdict is None:
            verdict = verdicts[parent] = _holds_comments(parent, found, guard, after)
        if not verdict:
            return node
        node = parent


def _holds_comments(parent: etree._Element, found: list, guard: set, after) -> bool:
    if parent in guard or parent.tag in ("body", "html") or not after(parent):
        return False
    # ``found`` holds outermost nodes only: none of those inside ``parent`` holds another.
    inside = [f for f in found if within(f, parent)]
    children = [child for child in parent if isinstance(child.tag, str)]
    holding = sum(1 for child in children if any(within(f, child) for f in inside))
    return _words(parent) - sum(_words(f) for f in inside) <= _MAX_SECTION_WORDS or \
        (holding >= 3 and holding * 3 >= len(children))


def _lead_in(node: etree._Element, after) -> list[etree._Element]:
    """The blocks right above a comment section, below the article's text, when they
    hold no more than a section's heading and posting rules: its lead-in («ترحب شبكة …
    بالنقاش», «Leave a comment»), printed outside the widget that loads the thread."""
    lead, words = [], 0
    for sibling in node.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str):
            continue
        words += _words(sibling)
        # The article's own paragraphs, and what its markup names as the article's data
        # (a byline box with itemprop="author"), are not a lead-in.
        if words > _MAX_SECTION_WORDS or not after(sibling) or sibling.tag in ("p", "script", "style") or \
                xpath("descendant-or-self::*[@itemprop or @itemscope or @rel = 'author']")(sibling):
            break
        lead.append(sibling)
    return lead


def comment_threads(root: etree._Element, article: etree._Element | None = None) -> list[etree._Element]:
    """The elements of ``root`` that are reader comments or their forms, outermost first.
    ``article``: the element holding the article's text, when a site layout names it;
    otherwise the element holding the page's longest run of text."""
    if article is None:
        article = _longest_text(root)
    # The article and its ancestors are never removed. What comes after its last
    # paragraph in document order is placed after it: a comment system inside the
    # article's own element, below its text, is after it too. A thread known by its
    # shape alone must stand outside the article's element: a list closing the article's
    # text can have that shape.
    guard = {article, *article.iterancestors()} if article is not None else set()
    last = ([child for child in article if child.tag == "p"] or [article])[-1] if article is not None else None
    start = _position(last) if last is not None else ()

    def after(node: etree._Element) -> bool:
        position = _position(node)
        return position > start and position[:len(start)] != start

    # What a comment system names after the article (the following axis of its last
    # paragraph: after it, outside it, never the article or its ancestors), and what the
    # markup standards name as comments anywhere.
    found = _named_after(last) if last is not None else []
    for node in _ITEMS(root):
        if node not in guard and (_SCHEMA_COMMENT.search(node.get("itemtype", ""))
                                  or node.get("itemprop", "").lower() in ("comment", "comments")):
            found.append(node)
    # The forms holding a text area: found from the text areas, by a walk in C over one tag.
    for form in dict.fromkeys(form for area in root.iter("textarea") for form in area.iterancestors("form")):
        if form in guard:
            continue
        block = form.getparent()
        # The block around the form, when it holds nothing but the form and the thread
        # or the form's heading and rules.
        rest = _words(block) - _words(form) if block is not None else 0
        target = block if block is not None and block not in guard and block.tag != "body" and \
            (rest <= _MAX_SECTION_WORDS or rest <= 12 * _MAX_COMMENT_WORDS and _thread_shaped(block)) else form
        found.append(target)
    # Containers of three or more elements after the article: libxml2 walks the page once
    # to find them. «*[3]» (a third child) stops at the third where count(*) builds every
    # element's whole child set: 0.09 against 0.13 ms a page, the same elements.
    after_article = xpath("following::*[*[3]]")(article) if article is not None else \
        xpath("//body//*[*[3]]")(root)
    for container in after_article:
        if _thread_shaped(container):
            found.append(container)
    # The section around what was found goes with it when all it holds besides is a
    # heading, a counter or the rules: «التعليقات (3)», «Leave a reply».
    # A node inside another found one adds nothing: its section lies inside the other's or
    # is the other's (what stops a section's climb depends on the block climbed to alone).
    found = list(dict.fromkeys(found))
    distinct = set(found)
    found = [node for node in found if not any(a in distinct for a in node.iterancestors())]
    verdicts: dict = {}
    found = [_section(node, found, guard, after, verdicts) for node in found]
    found += [lead for node in found for lead in _lead_in(node, after)]
    outermost: list[etree._Element] = []
    kept: set = set()
    for node in sorted(set(found), key=_position):
        if not any(a in kept for a in node.iterancestors()):
            outermost.append(node)
            kept.add(node)
    return outermost


def remove_comments(root: etree._Element, article: etree._Element | None = None) -> int:
    """Remove the comment threads of ``root`` in place; how many were removed."""
    threads = comment_threads(root, article)
    for node in threads:
        parent = node.getparent()
        if parent is None:
            continue
        if node.tail:  # text after the thread belongs to its parent
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + node.tail
            else:
                parent.text = (parent.text or "") + node.tail
        parent.remove(node)
    return len(threads)
