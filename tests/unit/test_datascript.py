"""Articles read from a framework's data script (newscrawl.extract.datascript): the shapes
real frameworks ship, each in a page that shows no text of its own."""

from __future__ import annotations

import json

import pytest

from newscrawl.extract.chain import extract_article
from newscrawl.extract.datascript import article_paragraphs
from newscrawl.extract.queries import parse_html
from newscrawl.mirror.framework import _flatten

HEADLINE = "الحكومة تقر موازنة العام المقبل بعد نقاش طويل في البرلمان"
PARAGRAPHS = ["أقرت الحكومة يوم الاثنين مشروع موازنة العام المقبل بعد نقاش استمر أسابيع في لجان البرلمان المختلفة.",
              "وقال وزير المالية إن الموازنة الجديدة تركز على دعم القطاعات الإنتاجية "
              "وخفض العجز تدريجيا خلال ثلاث سنوات.",
              "ورحب نواب من المعارضة ببعض البنود لكنهم انتقدوا غياب إجراءات واضحة لمكافحة البطالة بين الشباب."]
OTHER = {"title": "منتخب الشباب يتأهل إلى نهائي البطولة العربية", "url": "/sport/1",
         "text": "تأهل منتخب الشباب إلى نهائي البطولة العربية بعد فوزه في مباراة مثيرة "
                 "حسمتها ركلات الترجيح في الدقائق الأخيرة"}
MENU = [{"label": "الرئيسية", "href": "/"}, {"label": "رياضة", "href": "/sport/"}]


def page(script: str) -> str:
    return (f'<html><head><meta property="og:title" content="{HEADLINE}"></head>'
            f'<body><div id="root"></div>{script}</body></html>')


def next_data(state: dict) -> str:
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps({"props": {"pageProps": state}})}</script>'


RICH_TEXT = {"title": HEADLINE, "content": [
    {"type": "paragraph", "children": [{"type": "text", "text": "أقرت الحكومة "},
                                       {"type": "link", "href": "/x", "children": [{"type": "text", "text": "يوم"}]},
                                       {"type": "text", "text": " " + PARAGRAPHS[0].split(" ", 3)[3]}]},
    {"type": "image", "caption": "صورة الجلسة", "credit": {"value": "رويترز"}},
    *({"type": "paragraph", "children": [{"type": "text", "text": p}]} for p in PARAGRAPHS[1:])]}


@pytest.mark.parametrize("name, script", [
    ("Next.js, rich-text runs and links", next_data({"menu": MENU, "related": [OTHER], "article": RICH_TEXT})),
    ("an HTML string in window.__INITIAL_STATE__",
     "<script>window.__INITIAL_STATE__ = " + json.dumps({"story": {"headline": HEADLINE, "body": "".join(
         f"<p>{p}</p>" for p in PARAGRAPHS)}, "related": [OTHER]}) + ";</script>"),
    ("Nuxt 3's flattened payload", '<script type="application/json" id="__NUXT_DATA__">'
     + json.dumps(_flatten({"data": {"page": RICH_TEXT, "more": [OTHER]}})) + "</script>"),
    ("a queue's push(), the page's title longer than the data's",
     '<script>window["__Q__"] = window["__Q__"] || [];window["__Q__"].push('
     + json.dumps({"queries": [{"state": {"data": {"detail": {"title": HEADLINE.rsplit(" ", 1)[0], "contentHtml":
                                                           "<br>".join(PARAGRAPHS)}}}}]}) + ")</script>"),
    ("JsonML, the headline in the article's header part", next_data({"article": {
        "header": {"hed": HEADLINE}, "body": ["div", {"class": "body"}, *(["p", {}, p] for p in PARAGRAPHS)]}})),
    ("name/value fields, with an image's data among them", next_data({"story": {"title": HEADLINE, "elements": [
        {"type": "paragraph", "fields": [{"name": "paragraph", "value": PARAGRAPHS[0]}]},
        {"type": "picture", "fields": [{"name": "credit", "value": "أ ف ب"}, {"name": "camera", "value": "X100"}]},
        *({"type": "paragraph", "fields": [{"name": "paragraph", "value": p}]} for p in PARAGRAPHS[1:])]}})),
])
def test_the_article_object_s_text(name, script):
    root = parse_html(page(script))
    assert article_paragraphs(root, HEADLINE) == PARAGRAPHS, name


def test_other_stories_are_not_the_article():
    """The data holds other stories' text, not this one's headline: nothing is read."""
    root = parse_html(page(next_data({"menu": MENU, "related": [OTHER] * 5})))
    assert article_paragraphs(root, HEADLINE) == []


def test_the_chain_reads_data_only_when_the_page_shows_little():
    script = next_data({"menu": MENU, "article": RICH_TEXT})
    drawn = extract_article(page(script))
    assert drawn.values["headline"] == HEADLINE
    assert drawn.values["body"] == PARAGRAPHS and drawn.sources["body"] == "data"
    shown = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS)  # server-rendered: the page's own text wins
    article = f"<article><h1>{HEADLINE}</h1>{shown}</article>"
    served = extract_article(page(script).replace('<div id="root"></div>', article))
    assert served.sources["body"] == "generic"
