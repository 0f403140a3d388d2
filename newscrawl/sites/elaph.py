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
from datetime import datetime, timezone
from urllib.parse import urlsplit

from ..extract.layouts import Layout

NAME = "elaph"
ORIGIN = "https://elaph.com"
HOSTS = ("elaph.com", "www.elaph.com")
API_ORIGIN = "https://api.elaph.com"
API_PATH = "/v2/web/com/marticles/index/{section}/{page}"
# On a mirror the API lives under the mirror's own origin.
MIRROR_API_PATH = "/api" + API_PATH
LANGUAGE = "ar"
LANGUAGES = ("ar",)
# Where the spider finds articles: the JSON listing API, then the HTML listings.
SOURCES = ("api", "html")
SITEMAPS: tuple[str, ...] = ()
FEEDS: tuple[str, ...] = ()
# Every URL in the article shape is an article: no need to see article markup first.
REQUIRE_ARTICLE_MARKUP = False
# Elaph is edited in London; its printed times carry no zone.
TIMEZONE = "Europe/London"
SITE_NAMES = ("إيلاف", "Elaph", "ايلاف")

SECTIONS = ("News", "Politics", "Economics", "Sports", "Oyoon", "NewsPapers", "Opinion")
SECTION_LABELS = ("أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافات", "عيون وآذان", "جريدة الجرائد", "آراء")

# Paragraphs of Elaph's page furniture beyond the generic list in newscrawl.text.furniture.
FURNITURE = (
    re.compile(r"^جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف$"),
    # The section crumb under the 2018 article: «في أخبار».
    re.compile(rf"^في (?:{'|'.join(SECTION_LABELS)})$"),
    re.compile(r"^(?:جميع الحقوق محفوظة|حقوق النشر محفوظة) (?:لموقع |ل)?إيلاف.{0,20}$"),
)

ARTICLE_PATH = re.compile(
    r"^/(?P<amp>amp/)?Web/(?P<section>[A-Za-z]+)/(?P<year>(?:19|20)\d\d)/(?P<month>\d{1,2})/(?P<id>\d+)\.html?$"
)
SECTION_PATH = re.compile(r"^/(?:Web/)?(?P<section>[A-Za-z]+)/?(?:index\.html?)?$", re.I)
NEXT_TEXTS = ("التالي", "التالية", "الصفحة التالية", "المزيد", "المزيد من الأخبار", "›", "»")

LAYOUTS = (
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


def article_match(url: str) -> re.Match | None:
    return ARTICLE_PATH.match(urlsplit(url).path)


def canonical_url(url: str, origin: str = ORIGIN) -> str | None:
    """The one URL of an article under ``origin``: AMP copy, tracking query, scheme and
    host variants all map to ``origin/Web/<Section>/<YYYY>/<M>/<ID>.html``.
    None when ``url`` is not an Elaph article or belongs to another site."""
    parts = urlsplit(url)
    if parts.hostname not in (*HOSTS, urlsplit(origin).hostname):
        return None
    match = ARTICLE_PATH.match(parts.path)
    if not match:
        return None
    return f"{origin}/Web/{match['section']}/{match['year']}/{match['month']}/{match['id']}.html"


def looks_like_article(url: str) -> bool:
    return article_match(url) is not None


def url_month(url: str) -> tuple[int, int] | None:
    match = article_match(url)
    return (int(match["year"]), int(match["month"])) if match else None


def section_of(url: str) -> str | None:
    match = article_match(url)
    return match["section"] if match else None


def api_entries(payload) -> list[tuple[str, datetime | None]]:
    """(article path, publication time) for each entry of one API page; [] ends paging."""
    entries = []
    for entry in payload["data"]:
        try:
            published = datetime.fromtimestamp(int(entry["RelativeTime"]), tz=timezone.utc)
        except (KeyError, TypeError, ValueError):
            published = None
        entries.append((str(entry.get("PostingURL", "")), published))
    return entries


def api_url(section: str, page: int, origin: str | None = None) -> str:
    if origin:
        return origin + MIRROR_API_PATH.format(section=section.lower(), page=page)
    return API_ORIGIN + API_PATH.format(section=section.lower(), page=page)


def section_of_listing(url: str, sections: tuple[str, ...]) -> str | None:
    match = SECTION_PATH.match(urlsplit(url).path)
    if not match:
        return None
    wanted = match["section"].lower()
    return next((s for s in sections if s.lower() == wanted), None)
