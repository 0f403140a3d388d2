"""Al Arabiya (العربية), https://www.alarabiya.net — the second registered site.

Source: the site's public article URL shape, /<section>/<YYYY>/<MM>/<DD>/<Arabic slug>,
and its use of robots.txt sitemaps, an RSS feed and JSON-LD NewsArticle, as remembered
by the author on 2026-11-28; none of it could be checked against the live site from
this offline machine. No layout selectors are recorded, so articles are read by the
generic chain (JSON-LD, meta, trafilatura). Offline fixture: `python -m newscrawl.mirror
standard --flavour alarabiya` (synthetic pages in these URL shapes, built 2026-11-28)
and tests/golden/alarabiya/.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

NAME = "alarabiya"
ORIGIN = "https://www.alarabiya.net"
HOSTS = ("www.alarabiya.net", "alarabiya.net")
LANGUAGE = "ar"
LANGUAGES = ("ar",)
TIMEZONE = "Asia/Dubai"
SITE_NAMES = ("العربية", "Al Arabiya", "alarabiya.net")
# Sitemaps from robots.txt, the feed the home page announces, and the home page's links.
SOURCES = ("sitemap", "feed", "html")
SITEMAPS: tuple[str, ...] = ()
FEEDS: tuple[str, ...] = ()
SECTIONS = ("arab-and-world", "politics", "aswaq", "sport", "culture", "press-review", "views")
LAYOUTS = ()
FURNITURE = ()
NEXT_TEXTS = ("التالي", "المزيد")
REQUIRE_ARTICLE_MARKUP = False

ARTICLE_PATH = re.compile(r"^/(?P<section>[a-z-]+)/(?P<year>20\d\d)/(?P<month>\d\d)/(?P<day>\d\d)/(?P<slug>[^/]+)/?$")


def _match(url: str):
    return ARTICLE_PATH.match(urlsplit(url).path)


def canonical_url(url: str, origin: str = ORIGIN) -> str | None:
    parts = urlsplit(url)
    if parts.hostname not in (*HOSTS, urlsplit(origin).hostname) or not _match(url):
        return None
    return origin + parts.path.rstrip("/")


def looks_like_article(url: str) -> bool:
    return _match(url) is not None


def url_month(url: str) -> tuple[int, int] | None:
    match = _match(url)
    return (int(match["year"]), int(match["month"])) if match else None


def section_of(url: str) -> str | None:
    match = _match(url)
    return match["section"] if match else None


def section_of_listing(url: str, sections) -> str | None:
    return None
