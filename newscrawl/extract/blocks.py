"""Paragraph text from HTML elements, breaking where a browser would start a new block."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

# Text that holds markup: CMSs put an article's HTML in JSON-LD's articleBody and in
# their frameworks' data.
MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|ul|ol|li|blockquote|figure|table|span|a|strong|b|i|em)\b[^>]*>",
                    re.I)

BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "header", "footer", "aside", "table", "tr", "td", "th", "dd", "dt",
    "dl", "pre", "figure", "figcaption", "hr", "main", "nav", "address",
})
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "button",
                          "form", "select", "input", "textarea", "object", "embed", "video", "audio"})


def squash(text: str) -> str:
    return " ".join(text.split())


def paragraphs(nodes: Iterable[etree._Element | str]) -> list[str]:
    """Text of lxml elements (or strings an XPath query returned) as paragraphs, split
    at block tags and <br>."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.extend(p for p in (squash(line) for line in node.split("\n")) if p)
            continue
        if not len(node) and isinstance(node.tag, str):  # most paragraphs: one run of text, no child
            line = squash(node.text or "") if node.tag.lower() not in SKIPPED_TAGS else ""
            if line:
                out.append(line)
            continue
        buffer: list[str] = []
        _walk(node, buffer, out)
        _flush(buffer, out)
    return out


def _flush(buffer: list[str], out: list[str]) -> None:
    text = squash("".join(buffer))
    if text:
        out.append(text)
    buffer.clear()


def _walk(element, buffer: list[str], out: list[str]) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in SKIPPED_TAGS or element.tag is etree.Comment:
        return
    block = tag in BLOCK_TAGS
    if block:
        _flush(buffer, out)
    if element.text:
        buffer.append(element.text)
    for child in element:
        _walk(child, buffer, out)
        if child.tail:
            buffer.append(child.tail)
    if block:
        _flush(buffer, out)


def text(nodes: Iterable[etree._Element | str]) -> str:
    """All text of the nodes on one line."""
    return squash(" ".join(paragraphs(nodes)))
