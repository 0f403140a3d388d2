"""Elaph (إيلاف), https://elaph.com — everything newscrawl knows about the site.

Sources: ../shared/sites/elaph.md (public references to the site's URLs, its JSON listing
API and a public scraper's selectors for the current layout) and the text of one real
2018 page (newscrawl/mirror/seed_2018.txt, saved 2018-03). The 2018 markup itself is not
recorded anywhere public: the `2018` layout below is that of the offline mirror's
reconstruction, and pages of the real 2018 site fall through to JSON-LD, meta and the
generic extractor.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from newscrawl.extract.layouts import Layout
from newscrawl.sites.spec import ListingApi, Site

SECTIONS = ("News", "Politics", "Economics", "Sports", "Oyoon", "NewsPapers", "Opinion")
SECTION_LABELS = ("أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافات", "عيون وآذان", "جريدة الجرائد", "آراء")

# Paragraphs of Elaph's page furniture beyond the generic list in newscrawl.text.furniture.
_FURNITURE = (
    re.compile(r"^جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف$"),
    # The section crumb under the 2018 article: «في أخبار».
    re.compile(rf"^في (?:{'|'.join(SECTION_LABELS)})$"),
    re.compile(r"^(?:جميع الحقوق محفوظة|حقوق النشر محفوظة) (?:لموقع |ل)?إيلاف.{0,20}$"),
)

_ARTICLE_PATH = re.compile(
    r"^/(?P<amp>amp/)?Web/(?P<section>[A-Za-z]+)/(?P<year>(?:19|20)\d\d)/(?P<month>\d{1,2})/(?P<id>\d+)\.html?$"
)
_SECTION_PATH = re.compile(r"^/(?:Web/)?(?P<section>[A-Za-z]+)/?(?:index\.html?)?$", re.I)
_NEXT_TEXTS = ("التالي", "التالية", "الصفحة التالية", "المزيد", "المزيد من الأخبار", "›", "»")

_LAYOUTS = (
    Layout(
        name="current", valid_from="2019-01", valid_until=None,
        detect="div.content-body",
        headline="h1.article-title",
        body="div.content-body > p",
        summary="p.article-summary, .article-header h2",
        authors=".article-meta .article-author",
        published=".article-meta .article-date",
        tags=".article-tags a",
        scope="article.article",
    ),
    Layout(
        name="2018", valid_from="2001-05", valid_until="2018-12",
        detect="#ArticleBody",
        headline="h1.ArticleHeadline",
        body="#ArticleBody",
        published=".ArticleDate",
        section_crumb=".Crumb a",
        scope="div.ArticleContainer",
    ),
)


def api_entries(payload: dict[str, Any]) -> list[tuple[str, datetime | None]]:
    """(article path, publication time) for each entry of one API page; [] ends paging."""
    entries = []
    for entry in payload["data"]:
        try:
            published = datetime.fromtimestamp(int(entry["RelativeTime"]), tz=UTC)
        except (KeyError, TypeError, ValueError):
            published = None
        entries.append((str(entry.get("PostingURL", "")), published))
    return entries


SITE = Site(
    name="elaph",
    origin="https://elaph.com",
    hosts=("elaph.com", "www.elaph.com"),
    # Elaph is edited in London; its printed times carry no zone.
    timezone="Europe/London",
    site_names=("إيلاف", "Elaph", "ايلاف"),
    # The JSON listing API, then the HTML listings.
    sources=("api", "html"),
    api=ListingApi(origin="https://api.elaph.com", path="/v2/web/com/marticles/index/{section}/{page}",
                   entries=api_entries),
    sections=SECTIONS,
    layouts=_LAYOUTS,
    furniture=_FURNITURE,
    next_texts=_NEXT_TEXTS,
    # Every URL in the article shape is an article: no need to see article markup first.
    require_article_markup=False,
    article_path=_ARTICLE_PATH,
    canonical_path="/Web/{section}/{year}/{month}/{id}.html",
    section_path=_SECTION_PATH,
)
