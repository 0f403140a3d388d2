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

from .queries import xpath

# Class/id words of comment systems in wide use, as whole words of the attribute value.
_SYSTEM_WORDS = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-?list|commentlist|comment-?section|comments?-?area|disqus(?:_thread)?|"
    r"respond|fb-comments|reader-?comments|user-?comments|talkback|replies)(?:$|[\s_-])", re.I)
_SCHEMA_COMMENT = re.compile(r"schema\.org/(?:Comment|UserComments)\b", re.I)
_BLOCKS = frozenset({"div", "li", "article", "section", "aside", "dl", "ul", "ol", "form", "footer", "details"})
# A comment is a short text; a writer's name line is a few words.
_MAX_COMMENT_WORDS = 150
_MAX_NAME_WORDS = 5


def _words(node: etree._Element) -> int:
    return len(xpath("string(.)")(node).split())


def _longest_text(root: etree._Element) -> etree._Element | None:
    """The element holding the page's longest run of paragraph text: the article."""
    best, best_words = None, 0
    for node in xpath("//p/.. | //br/..")(root):
        words = sum(len((child.text or "").split()) + len((child.tail or "").split()) for child in node) + \
            len((node.text or "").split())
        words += sum(_words(p) for p in node if p.tag == "p")
        if words > best_words:
            best, best_words = node, words
    return best


def _protected(node: etree._Element, article: etree._Element | None) -> bool:
    """Whether ``node`` is or holds the article's text."""
    if article is None:
        return False
    return node is article or any(a is node for a in article.iterancestors())


def _after(node: etree._Element, article: etree._Element | None, order: dict) -> bool:
    """Whether ``node`` comes after the article's text, outside it."""
    if article is None:
        return True
    return order.get(node, 0) > order.get(article, 0) and not any(a is article for a in node.iterancestors())


def _thread_shaped(container: etree._Element) -> bool:
    """Three or more children of one shape, each a short text with a short first line."""
    shapes: dict[tuple, list] = {}
    for child in container:
        if isinstance(child.tag, str) and child.tag in _BLOCKS:
            shapes.setdefault((child.tag, " ".join(child.get("class", "").split()[:1])), []).append(child)
    for children in shapes.values():
        if len(children) < 3:
            continue
        commentlike = 0
        for child in children:
            words = _words(child)
            lines = [line for line in (t.strip() for t in xpath(".//text()")(child)) if line]
            if lines and 1 <= words <= _MAX_COMMENT_WORDS and len(lines) >= 2 and \
                    len(lines[0].split()) <= _MAX_NAME_WORDS and not xpath(".//h1 | .//h2 | .//h3")(child):
                commentlike += 1
        if commentlike >= 3 and commentlike >= 0.8 * len(children):
            return True
    return False


def comment_threads(root: etree._Element) -> list[etree._Element]:
    """The elements of ``root`` that are reader comments or their forms, outermost first."""
    article = _longest_text(root)
    order = {node: n for n, node in enumerate(root.iter())}
    found = []
    for node in xpath("//*[@itemtype or @itemprop or @class or @id]")(root):
        if _protected(node, article):
            continue
        itemtype, itemprop = node.get("itemtype", ""), node.get("itemprop", "")
        names = f"{node.get('class', '')} {node.get('id', '')}"
        if _SCHEMA_COMMENT.search(itemtype) or itemprop.lower() in ("comment", "comments") or \
                (_SYSTEM_WORDS.search(names) and _after(node, article, order)):
            found.append(node)
    for form in xpath("//form[.//textarea]")(root):
        if _protected(form, article):
            continue
        block = form.getparent()
        # The block around the form, when it holds nothing but the form and the thread.
        target = block if block is not None and not _protected(block, article) and block.tag != "body" and \
            _words(block) - _words(form) <= 12 * _MAX_COMMENT_WORDS and _thread_shaped(block) else form
        found.append(target)
    for container in xpath("//body//*[count(*) >= 3]")(root):
        if not _protected(container, article) and _after(container, article, order) and _thread_shaped(container):
            found.append(container)
    outermost = []
    for node in sorted(set(found), key=lambda n: order.get(n, 0)):
        if not any(o is node or any(a is o for a in node.iterancestors()) for o in outermost):
            outermost.append(node)
    return outermost


def remove_comments(root: etree._Element) -> int:
    """Remove the comment threads of ``root`` in place; how many were removed."""
    threads = comment_threads(root)
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
