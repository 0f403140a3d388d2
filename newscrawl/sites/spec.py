"""What newscrawl knows about a site, as one frozen spec with defaults: a site states only
what differs from a standards-following Arabic news site (sitemaps, a feed, HTML links,
read by the generic extraction chain). The spider routes by it; nothing else about a site
lives anywhere but in its module under newscrawl/sites/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

SOURCES = ("api", "sitemap", "feed", "html")


@dataclass(frozen=True)
class ListingApi:
    """A paged JSON listing API: the URL of a section's page, and the (article path,
    publication time) entries of one answer ([] ends the listing)."""

    origin: str  # where the real site serves it, e.g. https://api.elaph.com
    path: str  # "/v2/…/{section}/{page}"
    entries: Callable[[object], list[tuple[str, datetime | None]]]
    mirror_prefix: str = "/api"  # on a mirror (-a base_url) the API is at base_url + prefix + path

    def url(self, section: str, page: int, mirror: str | None = None) -> str:
        path = self.path.format(section=section.lower(), page=page)
        return f"{mirror}{self.mirror_prefix}{path}" if mirror else f"{self.origin}{path}"


@dataclass(frozen=True)
class Site:
    name: str
    origin: str
    hosts: tuple[str, ...] = ()  # host names of the site besides the origin's
    timezone: str = "UTC"  # where printed times without a zone are read
    language: str | None = "ar"  # the language recorded when detection cannot tell
    languages: tuple[str, ...] = ("ar",)  # stories in other languages are dropped
    site_names: tuple[str, ...] = ()  # as the site appends them to headlines («… | إيلاف»)
    # Where the spider finds articles, in this order (see newscrawl.spiders.base).
    sources: tuple[str, ...] = ("sitemap", "feed", "html")
    sitemaps: tuple[str, ...] = ()  # besides those robots.txt names
    feeds: tuple[str, ...] = ()  # besides those the home page announces
    api: ListingApi | None = None  # for the "api" source
    sections: tuple[str, ...] = ()  # the -a sections= a run may name; () when the site has none
    layouts: tuple = ()  # newscrawl.extract.layouts.Layout, newest first
    furniture: tuple[re.Pattern, ...] = ()  # the site's own furniture paragraphs
    next_texts: tuple[str, ...] = ()  # link texts of an HTML listing's next page
    # Pages reached only by HTML links must declare themselves articles (JSON-LD, og:type).
    require_article_markup: bool = False
    # An article's path, with named groups: "section", "year" and "month" where the URL has
    # them. None: every link on the site may be an article (see looks_like_article).
    article_path: re.Pattern | None = None
    # The one path of an article, formatted with article_path's groups; None: the path as
    # linked, without a trailing slash.
    canonical_path: str | None = None
    # An HTML section listing's path, with a "section" group.
    section_path: re.Pattern | None = None

    def __post_init__(self):
        unknown = set(self.sources) - set(SOURCES)
        if unknown:
            raise ValueError(f"site {self.name}: unknown sources {sorted(unknown)}; expected some of {SOURCES}")
        if ("api" in self.sources) != (self.api is not None):
            raise ValueError(f"site {self.name}: the 'api' source and an api spec go together")

    @property
    def all_hosts(self) -> tuple[str, ...]:
        return (*self.hosts, urlsplit(self.origin).hostname)

    def _match(self, url: str) -> re.Match | None:
        return self.article_path.match(urlsplit(url).path) if self.article_path else None

    def canonical_url(self, url: str, origin: str | None = None) -> str | None:
        """The one URL of an article under ``origin`` (default: the site's): AMP copy,
        tracking query, scheme and host variants all map to it. None when ``url`` is not
        an article of this site."""
        parts = urlsplit(url)
        origin = origin or self.origin
        if parts.scheme not in ("http", "https") or parts.hostname not in (*self.all_hosts, urlsplit(origin).hostname):
            return None
        match = self._match(url)
        if match is None:
            return None
        path = self.canonical_path.format(**match.groupdict()) if self.canonical_path else parts.path.rstrip("/")
        return origin + path

    def looks_like_article(self, url: str) -> bool:
        return self._match(url) is not None

    def url_month(self, url: str) -> tuple[int, int] | None:
        groups = (self._match(url) or _NO_GROUPS).groupdict()
        return (int(groups["year"]), int(groups["month"])) if groups.get("year") and groups.get("month") else None

    def section_of(self, url: str) -> str | None:
        return (self._match(url) or _NO_GROUPS).groupdict().get("section")

    def section_of_listing(self, url: str, sections: tuple[str, ...]) -> str | None:
        """Which of ``sections`` an HTML section listing URL lists, if any."""
        match = self.section_path.match(urlsplit(url).path) if self.section_path else None
        if not match:
            return None
        wanted = match["section"].lower()
        return next((s for s in sections if s.lower() == wanted), None)


_NO_GROUPS = re.match("", "")
