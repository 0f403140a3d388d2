"""Fields from schema.org JSON-LD (NewsArticle and its kin), as sites embed it."""

from __future__ import annotations

import json
from collections.abc import Iterator

from lxml import etree

from newscrawl.extract.blocks import MARKUP, paragraphs
from newscrawl.text.byline import byline_names

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BlogPosting", "WebPage", "ReviewNewsArticle", "LiveBlogPosting"}


def _objects(value) -> Iterator[dict]:
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _objects(value.get("@graph", []))


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}


def _page_objects(root: etree._Element) -> list[dict]:
    found = []
    # lxml's walk over one tag runs in C and makes no node for the others: a tenth of
    # the XPath query «//script[@type=…]/text()»'s time on a page of real weight.
    for script in root.iter("script"):
        raw = script.text if script.get("type") == "application/ld+json" else None
        if raw is None:
            continue
        try:
            found += _objects(json.loads(raw, strict=False))
        except ValueError:
            continue
    return found


def find_article(root: etree._Element, objects: list[dict] | None = None) -> dict | None:
    """The most article-like JSON-LD object on the page, or None."""
    best, best_rank = None, 99
    for obj in _page_objects(root) if objects is None else objects:
        types = _types(obj)
        if not types & ARTICLE_TYPES:
            continue
        rank = 0 if types & {"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle"} else (
            2 if "WebPage" in types else 1)
        if rank < best_rank:
            best, best_rank = obj, rank
    return best


def _names(value, by_id: dict | None = None) -> list[str]:
    """Names of persons given as strings, objects, or references to objects elsewhere on
    the page ({"@id": …}, as Yoast's @graph writes them)."""
    out = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and item.get("@id") in (by_id or {}):
            item = by_id[item["@id"]]
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out


def _first_url(value) -> str | None:
    for item in value if isinstance(value, list) else [value]:
        url = item.get("url") if isinstance(item, dict) else item
        if isinstance(url, str) and url.strip():
            return url.strip()
    return None


def article_body(body: str) -> list[str]:
    """The paragraphs of a JSON-LD articleBody: its lines, each read as a browser shows it
    when it holds HTML (CMSs put the body's markup there, with or without line breaks)."""
    out: list[str] = []
    for line in body.splitlines():
        if MARKUP.search(line):
            fragment = etree.fromstring(f"<div>{line}</div>", etree.HTMLParser(recover=True))
            out += paragraphs([fragment]) if fragment is not None else []
        elif line.strip():
            out.append(line.strip())
    return out


def jsonld_fields(root: etree._Element) -> dict:
    objects = _page_objects(root)
    obj = find_article(root, objects)
    if obj is None:
        return {}
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    is_article = bool(_types(obj) & (ARTICLE_TYPES - {"WebPage"}))
    keywords = obj.get("keywords") or []
    if isinstance(keywords, str):
        keywords = [k.strip() for k in keywords.split(",")]
    body = obj.get("articleBody")
    section = obj.get("articleSection")
    return {
        "headline": obj.get("headline") if isinstance(obj.get("headline"), str) else None,
        "summary": obj.get("description") if isinstance(obj.get("description"), str) else None,
        "body": article_body(body) if isinstance(body, str) else [],
        # A name read as a byline: «حسام أبو العلا - القاهرة» is the writer and his dateline,
        # "Samya Kullab and Vasilisa Stepanenko" two writers; kept as given when it reads as
        # no name («STERN.de»).
        "authors": list(dict.fromkeys(n for name in _names(obj.get("author") or [], by_id)
                                      for n in byline_names(name) or [name])),
        "published": obj.get("datePublished"),
        "updated": obj.get("dateModified"),
        "tags": [k for k in keywords if isinstance(k, str) and k],
        "image_url": _first_url(obj.get("image")),
        "section": section[0] if isinstance(section, list) and section else section,
        "language": obj.get("inLanguage") if isinstance(obj.get("inLanguage"), str) else None,
        "is_article": is_article,
    }
