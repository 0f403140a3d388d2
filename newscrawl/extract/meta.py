"""Fields from OpenGraph, article:* and other <meta> tags."""

from __future__ import annotations

from lxml import etree

from newscrawl.text.byline import byline_names

PUBLISHED_KEYS = ("article:published_time", "og:published_time", "datePublished", "pubdate",
                  "publishdate", "publish-date", "date", "dc.date", "dc.date.issued",
                  "sailthru.date", "parsely-pub-date", "article.published")
UPDATED_KEYS = ("article:modified_time", "og:updated_time", "dateModified", "last-modified")


def meta_values(root: etree._Element) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for node in root.iter("meta"):  # a walk in C, as in jsonld._page_objects
        content = (node.get("content") or "").strip()
        key = node.get("property") or node.get("name") or node.get("itemprop")
        if key and content:
            values.setdefault(key.strip().lower(), []).append(content)
    return values


def _first(values: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if values.get(key.lower()):
            return values[key.lower()][0]
    return None


def meta_fields(root: etree._Element) -> dict:
    values = meta_values(root)
    authors = values.get("author", []) or values.get("article:author", [])
    return {
        "headline": _first(values, "og:title", "twitter:title", "title"),
        "summary": _first(values, "og:description", "description", "twitter:description"),
        "published": _first(values, *PUBLISHED_KEYS),
        "updated": _first(values, *UPDATED_KEYS),
        "tags": values.get("article:tag", []),
        "image_url": _first(values, "og:image", "og:image:url", "twitter:image"),
        "authors": [name for a in authors if not a.startswith("http") for name in byline_names(a)],
        "section": _first(values, "article:section"),
        "site_name": _first(values, "og:site_name"),
        "is_article": (_first(values, "og:type") or "").lower() == "article",
    }
