"""Site layouts: CSS selectors for one version of a site's article markup."""

from __future__ import annotations

from dataclasses import dataclass

from parsel import Selector

from .blocks import paragraphs, text


@dataclass(frozen=True)
class Layout:
    """Selectors of one layout version, valid from/until (YYYY-MM) as far as known.

    ``detect`` must match only pages of this layout; unset selectors leave the field
    to the next source in the chain."""

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


def pick_layout(sel: Selector, layouts: tuple[Layout, ...]) -> Layout | None:
    return next((layout for layout in layouts if sel.css(layout.detect)), None)


def layout_fields(sel: Selector, layout: Layout) -> dict:
    def one(css: str | None) -> str | None:
        return text(sel.css(css)[:1]) or None if css else None

    def many(css: str | None) -> list[str]:
        return [t for t in (text([s]) for s in sel.css(css))] if css else []

    return {
        "headline": one(layout.headline),
        "body": paragraphs(sel.css(layout.body)),
        "summary": one(layout.summary),
        "authors": many(layout.authors),
        "published": one(layout.published),
        "tags": many(layout.tags),
        "section": one(layout.section_crumb),
    }
