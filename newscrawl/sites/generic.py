"""A site nobody wrote a module for, described by its address alone (`scrapy crawl news`).

It finds articles the way standards-following news sites publish them — robots.txt
Sitemap lines, sitemap indexes and Google News sitemaps, RSS/Atom feeds announced with
<link rel="alternate">, and article links on the home page — and reads them with the
generic extraction chain (JSON-LD, OpenGraph/meta, trafilatura). Pages reached only
through HTML links must say they are articles (JSON-LD Article or og:type=article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import url_query_cleaner

from newscrawl.sites.spec import Site

TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|ref|ref_src|cmpid|__twitter_impression|amp)$")
NOT_ARTICLES = re.compile(
    r"/(?:tag|tags|category|categories|author|authors|page|search|login|register|about|contact|privacy|terms|"
    r"feed|rss|wp-admin|wp-content|wp-json|cdn-cgi|static|assets|images?|video|videos|live)(?:/|$)|"
    r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp[34]|zip|xml|json|css|js)$", re.I)


@dataclass(frozen=True)
class GenericSite(Site):
    """A site known by its address alone: any deep enough link may be an article, and a
    page reached only by a link must say it is one."""

    sitemaps: tuple[str, ...] = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")
    feeds: tuple[str, ...] = ("/feed", "/rss")
    language: str | None = None
    require_article_markup: bool = True

    @classmethod
    def for_url(cls, url: str) -> GenericSite:
        parts = urlsplit(url)
        bare = (parts.hostname or "").removeprefix("www.")
        return cls(name=bare, origin=f"{parts.scheme}://{parts.netloc}", hosts=(bare, f"www.{bare}"),
                   site_names=(bare,))

    def canonical_url(self, url: str, origin: str | None = None) -> str | None:
        """The URL without tracking parameters or fragment, on this site; None elsewhere."""
        parts = urlsplit(url)
        if (parts.scheme not in ("http", "https")
                or parts.hostname not in (*self.hosts, urlsplit(origin or "").hostname)):
            return None
        return url_query_cleaner(urlunsplit(parts._replace(fragment="")),
                                 [k for k in _query_keys(parts.query) if TRACKING.match(k)], remove=True)

    def looks_like_article(self, url: str) -> bool:
        """A link worth fetching from a listing: a deep enough path that is not a tag,
        category, author, media or utility page."""
        path = urlsplit(url).path
        segments = [s for s in path.split("/") if s]
        if not segments or NOT_ARTICLES.search(path):
            return False
        last = segments[-1]
        return len(segments) >= 2 or bool(re.search(r"\d{3,}", last)) or last.count("-") >= 2

    def url_month(self, url: str) -> tuple[int, int] | None:
        match = re.search(r"/(20\d\d|19\d\d)/(0?[1-9]|1[0-2])/", urlsplit(url).path)
        return (int(match[1]), int(match[2])) if match else None

    def section_of(self, url: str) -> str | None:
        return None


def _query_keys(query: str) -> list[str]:
    return [pair.split("=", 1)[0] for pair in query.split("&") if pair]
