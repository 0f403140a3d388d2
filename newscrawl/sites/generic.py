"""A site nobody wrote a module for, described by its address alone (`scrapy crawl news`).

It finds articles the way standards-following news sites publish them — robots.txt
Sitemap lines, sitemap indexes and Google News sitemaps, RSS/Atom feeds announced with
<link rel="alternate">, and article links on the home page — and reads them with the
generic extraction chain (JSON-LD, OpenGraph/meta, trafilatura). Pages reached only
through HTML links must say they are articles (JSON-LD Article or og:type=article).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import url_query_cleaner

TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|ref|ref_src|cmpid|__twitter_impression|amp)$")
NOT_ARTICLES = re.compile(
    r"/(?:tag|tags|category|categories|author|authors|page|search|login|register|about|contact|privacy|terms|"
    r"feed|rss|wp-admin|wp-content|wp-json|cdn-cgi|static|assets|images?|video|videos|live)(?:/|$)|"
    r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp[34]|zip|xml|json|css|js)$", re.I)


class GenericSite:
    SOURCES = ("sitemap", "feed", "html")
    SITEMAPS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")
    FEEDS = ("/feed", "/rss")
    SECTIONS: tuple[str, ...] = ()
    LAYOUTS = ()
    FURNITURE = ()
    NEXT_TEXTS = ()
    TIMEZONE = "UTC"
    LANGUAGE = None
    LANGUAGES = ("ar",)
    REQUIRE_ARTICLE_MARKUP = True

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.ORIGIN = f"{parts.scheme}://{parts.netloc}"
        host = parts.hostname or ""
        bare = host.removeprefix("www.")
        self.HOSTS = (bare, f"www.{bare}")
        self.NAME = bare
        self.SITE_NAMES = (bare,)

    def canonical_url(self, url: str, origin: str | None = None) -> str | None:
        """The URL without tracking parameters or fragment, on this site; None elsewhere."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname not in (*self.HOSTS, urlsplit(origin or "").hostname):
            return None
        cleaned = url_query_cleaner(urlunsplit(parts._replace(fragment="")),
                                    [k for k in _query_keys(parts.query) if TRACKING.match(k)], remove=True)
        return cleaned

    def looks_like_article(self, url: str) -> bool:
        """A link worth fetching from a listing: a deep enough path that is not a tag,
        category, author, media or utility page."""
        path = urlsplit(url).path
        segments = [s for s in path.split("/") if s]
        if not segments or NOT_ARTICLES.search(path):
            return False
        last = segments[-1]
        return len(segments) >= 2 or bool(re.search(r"\d{3,}", last)) or last.count("-") >= 2

    def url_month(self, url: str):
        match = re.search(r"/(20\d\d|19\d\d)/(0?[1-9]|1[0-2])/", urlsplit(url).path)
        return (int(match[1]), int(match[2])) if match else None

    def section_of(self, url: str):
        return None

    def section_of_listing(self, url: str, sections):
        return None


def _query_keys(query: str) -> list[str]:
    return [pair.split("=", 1)[0] for pair in query.split("&") if pair]
