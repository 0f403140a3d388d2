"""An article that lives only in a framework's data script.

Sites built on Next.js, Nuxt and similar frameworks ship each page's content as data
(``<script id="__NEXT_DATA__" type="application/json">``, Nuxt 3's ``__NUXT_DATA__``,
``window.__INITIAL_STATE__ = {…}``, ``window["__Q__"].push({…})``) and may draw it in the browser only: the HTML then
holds a headline in its meta tags and no article. The data has no common schema, so it
is read by what every such schema shares:

- the article is the object that holds the page's headline as one of its values (a
  list of other stories holds their headlines, not this one);
- its text is in HTML strings or in rich-text trees: nodes named like HTML elements or
  rich-text blocks («p», «paragraph», «heading», «text», «link»), whose text leaves sit
  under keys such as ``text``, ``html``, ``content`` or ``value``. The tree is drawn as
  HTML and cut into paragraphs as a page's markup is (newscrawl.extract.blocks), so a
  paragraph split into runs of text and links reads as one.

Fields such as titles, captions and URLs are not text keys, and are left out.
"""

from __future__ import annotations

import html as html_escape
import json
import re

from lxml import etree

from newscrawl.extract.blocks import MARKUP, paragraphs
from newscrawl.extract.queries import parse_html, xpath
from newscrawl.text.keys import normalise_for_matching

# ``window.__INITIAL_STATE__ = {…}``, ``self.__DATA__=[…]``: an assignment of a literal.
_ASSIGNMENT = re.compile(r"\s*(?:(?:window|self|globalThis)\s*\.\s*)?[\w$]+(?:\.[\w$]+)*\s*=\s*(?=[{\[])")
# ``window["__Q__"].push({…})``: data handed to a queue the application reads (React
# Query's hydration, streamed pages), in the script's opening statements.
_PUSH = re.compile(r"\.push\(\s*(?=[{\[])")
_DECODER = json.JSONDecoder()
# Keys whose string values are the text of a node (rich-text schemas: ProseMirror, Portable
# Text, Contentful, WordPress's REST API, Arc's ANS…); anything else (title, caption, url,
# id, type) is not drawn.
_TEXT_KEY = re.compile(r"(?i:^(?:text|value|content|html|body|rendered|markup|paragraph|articlebody)$)"
                       r"|[a-z](?:Text|Html|HTML|Body|Markup)$|_(?:text|html|body|markup)$")
# Keys naming a node's kind, and the kinds drawn inline (within a paragraph).
_KIND_KEYS = ("type", "nodeType", "_type", "tag", "tagName", "name", "kind", "__typename")
_INLINE = frozenset({"text", "span", "a", "link", "hyperlink", "strong", "b", "em", "i", "u", "mark", "sup", "sub",
                     "code", "br", "emphasis", "bold", "italic", "underline", "inline", "textnode", "anchor"})
_JSONML_TAGS = frozenset({"p", "div", "span", "a", "strong", "em", "b", "i", "u", "h1", "h2", "h3", "h4", "h5", "h6",
                          "ul", "ol", "li", "blockquote", "br", "section", "article", "figure", "figcaption", "pre",
                          "code", "sup", "sub", "small", "mark", "table", "tr", "td", "th", "tbody", "thead"})
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "ul", "ol", "pre"})
# Kinds of node that are not the article's text, in any schema: media and their credits,
# advertising, promotions of other stories.
_NOT_TEXT = re.compile(r"image|picture|photo|video|gallery|media|caption|credit|embed|advert|^ads?$|teaser|related|"
                       r"promo|newsletter|recommend")
# Nuxt 3 (devalue): values are indices into one flat array; a list may open with a tag.
_DEVALUE_TAGS = frozenset({"Reactive", "ShallowReactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef",
                           "NuxtError", "Set", "Map", "Date", "Object"})
# An article's text in its data: at least this many words, in paragraphs of prose.
MIN_WORDS = 40
PROSE_WORDS = 8
# How far above the object holding the headline its article's text may be.
CLIMB = 4


def data_objects(root: etree._Element) -> list:
    """The JSON data of the page's scripts (not JSON-LD, which the chain reads first)."""
    found = []
    for script in xpath("//script")(root):
        kind = (script.get("type") or "").lower()
        text = script.text or ""
        if "ld+json" in kind or len(text) < 200:
            continue
        try:
            if "json" in kind:
                value = json.loads(text)
                found.append(_revive(value) if script.get("id") == "__NUXT_DATA__" else value)
            elif not kind or "javascript" in kind or kind == "module":
                match = _ASSIGNMENT.match(text)
                starts = [match.end()] if match else [m.end() for m in _PUSH.finditer(text, 0, 4000)]
                for start in starts:
                    try:
                        found.append(_DECODER.raw_decode(text, start)[0])
                    except ValueError:
                        continue
        except (ValueError, RecursionError):
            continue
    return found


def _revive(flat) -> object:
    """Nuxt 3's flattened payload as the objects it stands for."""
    if not isinstance(flat, list) or not flat:
        return flat
    done: dict[int, object] = {}

    def value(index):
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(flat):
            return None
        if index in done:
            return done[index]
        raw = flat[index]
        if isinstance(raw, dict):
            done[index] = out = {}
            out.update((key, value(i)) for key, i in raw.items())
            return out
        if isinstance(raw, list):
            if raw and isinstance(raw[0], str) and raw[0] in _DEVALUE_TAGS:
                done[index] = None  # a cycle through a wrapper reads as nothing
                done[index] = out = value(raw[1]) if len(raw) > 1 else None
                return out
            done[index] = out = []
            out.extend(value(i) for i in raw)
            return out
        done[index] = raw
        return raw

    return value(0)


def _kind(node: dict) -> str:
    for key in _KIND_KEYS:
        kind = node.get(key)
        if isinstance(kind, str):
            return kind.lower().replace("-", "").replace("_", "")
    return ""


def _holds(node: dict, headline: str) -> bool:
    """Whether ``node`` has the page's headline as a value; the page's own title may
    carry a section and the site's name after it («…-정치ㅣ한국일보»)."""
    for value in node.values():
        if isinstance(value, str) and len(value) < 400:
            form = normalise_for_matching(value)
            if form == headline or (len(form) >= 0.6 * len(headline) and headline.startswith(form + " ")):
                return True
    return False


def _candidates(value, headline: str, ancestors: tuple = (), depth: int = 0):
    """The objects holding ``headline``, each with its ancestors, nearest first."""
    if depth > 60:
        return
    if isinstance(value, dict):
        if _holds(value, headline):
            yield value, ancestors
        for child in value.values():
            yield from _candidates(child, headline, (value, *ancestors), depth + 1)
    elif isinstance(value, list):
        for child in value:
            yield from _candidates(child, headline, (value, *ancestors), depth + 1)


def _prose(drawn: list[str]) -> int:
    """Words in paragraphs of prose: labels, names and other values are shorter."""
    return sum(n for n in (len(p.split()) for p in drawn) if n >= PROSE_WORDS)


class _Drawing:
    """The nodes of one page's data drawn as HTML and cut into paragraphs, each once (a
    node is weighed again as part of every node around it)."""

    def __init__(self):
        self._html: dict[tuple[int, bool], str] = {}
        self._paragraphs: dict[int, list[str]] = {}

    def html(self, value, text: bool = False, depth: int = 0) -> str:
        """``value`` as HTML; ``text``: its strings are text (it sits under a text key)."""
        if isinstance(value, str):
            if not text:
                return ""
            return value if MARKUP.search(value) else html_escape.escape(value)
        if depth > 60 or not isinstance(value, (dict, list)):
            return ""
        ident = (id(value), text)
        if ident not in self._html:
            self._html[ident] = self._element(value, text, depth)
        return self._html[ident]

    def _element(self, value, text: bool, depth: int) -> str:
        if isinstance(value, list):
            if value and isinstance(value[0], str) and value[0].lower() in _JSONML_TAGS:
                # JsonML: [tag, {attributes}?, children…]
                tag = value[0].lower()
                inner = "".join(self.html(child, True, depth + 1) for child in value[1:] if not isinstance(child, dict))
                return f"<{tag}>{inner}</{tag}>"
            return "".join(self.html(item, text, depth + 1) for item in value
                           if not (isinstance(item, dict) and self._record(item)))
        kind = _kind(value)
        if _NOT_TEXT.search(kind):
            return ""
        tag = kind if kind in _BLOCK_TAGS else "span" if kind in _INLINE else \
            "h2" if kind == "heading" else "p" if kind == "paragraph" else "div"
        inner = "".join(self.html(child, bool(_TEXT_KEY.search(key)), depth + 1) for key, child in value.items())
        return f"<{tag}>{inner}</{tag}>"

    def paragraphs(self, node) -> list[str]:
        if id(node) not in self._paragraphs:
            drawn = self.html(node)
            self._paragraphs[id(node)] = paragraphs([parse_html(f"<html><body>{drawn}</body></html>")]) \
                if drawn else []
        return self._paragraphs[id(node)]

    def _record(self, node: dict) -> bool:
        """A block of values, not of text: three or more short lines and no prose (an
        image's credits and camera data among an article's paragraphs)."""
        drawn = self.paragraphs(node)
        return len(drawn) >= 3 and not _prose(drawn)

    def text_part(self, node) -> list[str]:
        """The paragraphs of the part of ``node`` that holds its prose: down through the
        child holding nearly all of it (an article object's body, not its tags)."""
        drawn = self.paragraphs(node)
        for _ in range(60):
            prose = _prose(drawn)
            children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
            for child in children:
                if isinstance(child, (dict, list)) and _prose(self.paragraphs(child)) >= 0.9 * prose:
                    node, drawn = child, self.paragraphs(child)
                    break
            else:
                break
        return drawn


def article_paragraphs(root: etree._Element, headline: str | None) -> list[str]:
    """The article's paragraphs from the page's data scripts: the prose of the object
    holding ``headline``, or of the nearest object around it that holds prose (the
    headline may sit in the article's SEO or header part); of several, the one with the
    least prose of at least MIN_WORDS words (an outer object, a page's whole state, also
    holds its menus and other stories). None when no object qualifies."""
    key = normalise_for_matching(headline or "")
    if not key:
        return []
    best: list[str] = []
    rank = None
    for data in data_objects(root):
        drawing = _Drawing()
        for node, ancestors in _candidates(data, key):
            for climbed, holder in enumerate((node, *ancestors[:CLIMB])):
                drawn = drawing.text_part(holder)
                words = _prose(drawn)
                if words >= MIN_WORDS:
                    if rank is None or (climbed, words) < rank:
                        best, rank = drawn, (climbed, words)
                    break
    # The text opens and closes with prose: names, stamps and values around it are the
    # object's other fields.
    prose = [i for i, p in enumerate(best) if len(p.split()) >= PROSE_WORDS]
    best = best[prose[0]:prose[-1] + 1] if prose else []
    return [p for p in best if normalise_for_matching(p) != key and any(c.isalpha() for c in p)]
