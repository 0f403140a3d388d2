"""Reading listings: HTML listing pages (the articles they link and their next page, found
the way most news sites link them), XML sitemaps and RSS/Atom feeds. Pure functions of a
page's text: the spider routes what they find."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urljoin, urlsplit

from parsel import Selector
from scrapy.utils.gz import gunzip

from newscrawl.extract.blocks import squash
from newscrawl.extract.queries import xpath
from newscrawl.text.dates import ParsedDate, parse_date

PAGE_PARAMS = ("page", "p", "pg", "paged", "pageno", "pagenum")
GENERIC_NEXT_TEXTS = ("next", "next page", "older", "older posts", "التالي", "التالية", "الصفحة التالية")


def page_number(url: str) -> tuple[str | None, int]:
    """(page parameter name, number) of a listing URL; page 1 when it has none."""
    for key, value in parse_qsl(urlsplit(url).query):
        if key.lower() in PAGE_PARAMS and value.isdigit():
            return key, int(value)
    return None, 1


def next_page_url(sel: Selector, url: str, next_texts: tuple[str, ...] = ()) -> str | None:
    """rel="next", then a link whose text says "next", then a link to page N+1."""
    href = sel.xpath('//link[contains(concat(" ", normalize-space(@rel), " "), " next ")]/@href').get() \
        or sel.xpath('//a[contains(concat(" ", normalize-space(@rel), " "), " next ")]/@href').get()
    if href:
        return urljoin(url, href.strip())
    texts = {t.lower() for t in (*next_texts, *GENERIC_NEXT_TEXTS)}
    for link in xpath("//a[@href]")(sel.root):
        raw = squash(xpath("string(.)")(link)).lower()
        if raw.strip("«»‹›<> ") in texts or raw in texts:
            return urljoin(url, link.get("href").strip())
    key, number = page_number(url)
    current_path = urlsplit(url).path
    for href in sel.xpath("//a/@href").getall():
        candidate = urljoin(url, href.strip())
        ckey, cnumber = page_number(candidate)
        if ckey and (key in (None, ckey)) and cnumber == number + 1 and urlsplit(candidate).path == current_path:
            return candidate
    return None


def article_links(sel: Selector, url: str, canonical_url: Callable[[str, str], str | None],
                  looks_like_article: Callable[[str], bool], origin: str) -> list[str]:
    """Canonical article URLs linked from a page, each once, in page order."""
    found = {}
    for href in xpath("//a/@href")(sel.root):
        link = canonical_url(urljoin(url, href.strip()), origin)
        if link and looks_like_article(link):
            found.setdefault(link, None)
    return list(found)


def read_listing(html: str, url: str, canonical_url: Callable[[str, str], str | None],
                 looks_like_article: Callable[[str], bool], origin: str,
                 next_texts: tuple[str, ...]) -> tuple[list[str], str | None]:
    """(article links, next page URL) of one listing page; the site's functions say
    which links are articles and what their one URL is."""
    sel = Selector(text=html, type="html")
    return article_links(sel, url, canonical_url, looks_like_article, origin), next_page_url(sel, url, next_texts)


def read_sitemap(body: bytes, url: str, max_size: int = 0) -> tuple[list[tuple[str, ParsedDate | None]],
                                                                    list[tuple[str, ParsedDate | None,
                                                                               ParsedDate | None]]]:
    """(child sitemaps with their lastmod, pages with their news publication date and
    lastmod) of a sitemap or sitemap index, gzipped or not; URLs made absolute."""
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body, max_size=max_size)
    sel = Selector(text=body.decode("utf-8", "replace"), type="xml")
    sel.remove_namespaces()
    children = [(urljoin(url, node.xpath("string(loc)").get().strip()),
                 parse_date(node.xpath("string(lastmod)").get().strip()))
                for node in sel.xpath("/sitemapindex/sitemap")]
    pages = [(urljoin(url, node.xpath("string(loc)").get().strip()),
              parse_date(node.xpath("string(news/publication_date)").get().strip()),
              parse_date(node.xpath("string(lastmod)").get().strip()))
             for node in sel.xpath("/urlset/url")]
    return children, pages


def read_feed(text: str, url: str) -> list[tuple[str, ParsedDate | None]]:
    """(link, publication date) of each item of an RSS feed or entry of an Atom feed."""
    sel = Selector(text=text, type="xml")
    sel.remove_namespaces()
    items = [(n.xpath("string(link)").get(), n.xpath("string(pubDate)").get() or n.xpath("string(date)").get())
             for n in sel.xpath("//item")]
    items += [(n.xpath("link[@rel='alternate']/@href | link[not(@rel)]/@href").get(),
               n.xpath("string(published)").get() or n.xpath("string(updated)").get()) for n in sel.xpath("//entry")]
    return [(urljoin(url, link.strip()), parse_date(stamp.strip()) if stamp else None) for link, stamp in items if link]
