"""Article pages drawn in the browser: the HTML holds an empty application root, meta tags
and JSON-LD without the text; the story's text is in the framework's data only, in the
shapes real frameworks ship it:

- ``next``: Next.js, ``<script id="__NEXT_DATA__" type="application/json">``, the body a
  rich-text tree (paragraph nodes of text and link runs, as ProseMirror and Portable
  Text write them);
- ``nuxt``: Nuxt 3, ``<script id="__NUXT_DATA__" type="application/json">``, the page's
  state flattened into one array of values that refer to each other by index;
- ``state``: ``window.__INITIAL_STATE__ = {…}``, the body an HTML string.

Each page's data also holds what a real one does beside the article: the site's menu and
a list of other stories with their headlines and summaries.
"""

from __future__ import annotations

import json
from html import escape

FRAMEWORKS = ("next", "nuxt", "state")


def _runs(paragraph: str, n: int) -> list[dict]:
    """A paragraph as rich-text runs: its third word onwards a link in every other one."""
    words = paragraph.split(" ")
    if n % 2 or len(words) < 6:
        return [{"type": "text", "text": paragraph}]
    return [{"type": "text", "text": " ".join(words[:2]) + " "},
            {"type": "link", "href": "/tag/x", "children": [{"type": "text", "text": " ".join(words[2:4])}]},
            {"type": "text", "text": " " + " ".join(words[4:])}]


def _flatten(value) -> list:
    """Nuxt 3's payload form (devalue): every value in one array, referred to by index."""
    flat: list = []

    def add(item) -> int:
        index = len(flat)
        flat.append(None)
        if isinstance(item, dict):
            flat[index] = {key: add(child) for key, child in item.items()}
        elif isinstance(item, list):
            flat[index] = [add(child) for child in item]
        else:
            flat[index] = item
        return index

    flat.append(["ShallowReactive", 1])
    add(value)
    return flat


def framework_page(framework: str, headline: str, paragraphs: list[str], published: str, path: str,
                   others: list[tuple[str, str]], head: str) -> str:
    """The page of one story; ``others``: (headline, path) of stories listed beside it."""
    menu = [{"label": label, "href": href} for label, href in (("الرئيسية", "/"), ("سياسة", "/politics/"))]
    related = [{"title": title, "url": url, "summary": f"تفاصيل {title} في تقرير يتابع ما جرى خلال الأيام الماضية"}
               for title, url in others]
    if framework == "state":
        article = {"headline": headline, "publishedAt": published, "slug": path,
                   "body": "".join(f"<p>{escape(p)}</p>" for p in paragraphs)}
    else:
        article = {"title": headline, "publishedAt": published, "slug": path,
                   "content": [{"type": "paragraph", "children": _runs(p, n)} for n, p in enumerate(paragraphs)]}
    state = {"menu": menu, "article": article, "related": related}
    if framework == "next":
        script = (f'<script id="__NEXT_DATA__" type="application/json">'
                  f'{json.dumps({"props": {"pageProps": state}, "page": "/[slug]"}, ensure_ascii=False)}</script>')
    elif framework == "nuxt":
        script = (f'<script type="application/json" id="__NUXT_DATA__" data-ssr="false">'
                  f'{json.dumps(_flatten({"data": state, "state": {}}), ensure_ascii=False)}</script>')
    else:
        script = f"<script>window.__INITIAL_STATE__ = {json.dumps(state, ensure_ascii=False)};</script>"
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(headline)}</title>'
            f'{head}</head><body><div id="__app"></div>{script}<script src="/app.js"></script></body></html>\n')
