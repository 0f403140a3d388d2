"""Site layouts: CSS selectors for one version of a site's article markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from newscrawl.extract.blocks import paragraphs, text
from newscrawl.extract.queries import css, within


@dataclass(frozen=True)
class Layout:
    """Selectors of one layout version, valid from/until (YYYY-MM) as far as known.

    ``detect`` must match only pages of this layout; unset selectors leave the field
    to the next source in the chain. ``scope``, when the page has it, is the element that
    holds every field: the field selectors then search it alone, not the menus, sidebars
    and footers around it (on a page of real weight that is most of the page)."""

    name: str
    valid_from: str
    valid_until: str | None
    detect: str
    headline: str
    body: str
    summary: str | None = None
    authors: str | None = None
    published: str | None = None
    tags: str | None = None
    section_crumb: str | None = None
    scope: str | None = None


def pick_layout(root: etree._Element, layouts: tuple[Layout, ...]) -> Layout | None:
    return next((layout for layout in layouts if css(layout.detect)(root)), None)


@dataclass
class Matched:
    """A layout on one page: the element its fields are read from (its scope, or the whole
    page) and its body selector's matches, looked up once."""

    layout: Layout
    scope: etree._Element
    body: list[etree._Element]


def match(root: etree._Element, layout: Layout) -> Matched:
    scope = next(iter(css(layout.scope)(root)), root) if layout.scope else root
    return Matched(layout, scope, css(layout.body)(scope))


# Selector parts whose matches can change when another element is removed: sibling
# combinators and pseudo-classes (:first-child, :nth-of-type, :empty, …). Without them an
# element matches by itself and its ancestors alone.
_STRUCTURAL = re.compile(r"[+~:]")


def after_removal(root: etree._Element, matched: Matched) -> Matched:
    """``matched`` after elements were removed from the page (comment threads): the same
    when its scope and body matches are all still on the page and its selectors match by
    an element and its ancestors alone (no match can have appeared); else looked up again.
    On a page of real weight the scope's lookup walks the whole page: 0.08 ms."""
    layout = matched.layout
    if _STRUCTURAL.search(f"{layout.scope or ''} {layout.body}") or \
            not all(within(node, root) for node in (matched.scope, *matched.body)):
        return match(root, layout)
    return matched


def body_container(matched: Matched) -> etree._Element | None:
    """The element the layout's body is read from: its body selector's one match, or the
    nearest element holding all of them (the parent of «div.content-body > p»)."""
    nodes = matched.body
    if not nodes:
        return None
    common = [nodes[0], *nodes[0].iterancestors()]
    for node in nodes[1:]:
        if node.getparent() is common[0]:
            continue
        around = {node, *node.iterancestors()}
        common = [a for a in common if a in around]
    return common[0]


def layout_fields(matched: Matched) -> dict:
    layout, scope = matched.layout, matched.scope

    def one(query: str | None) -> str | None:
        return text(css(query)(scope)[:1]) or None if query else None

    def many(query: str | None) -> list[str]:
        return [text([node]) for node in css(query)(scope)] if query else []

    return {
        "headline": one(layout.headline),
        "body": paragraphs(matched.body),
        "summary": one(layout.summary),
        "authors": many(layout.authors),
        "published": one(layout.published),
        "tags": many(layout.tags),
        "section": one(layout.section_crumb),
    }
