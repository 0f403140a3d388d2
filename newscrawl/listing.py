"""Reading an HTML listing page: the articles it links, and its next page, found the
way most news sites link it. Pure: the spider runs read_listing in the story worker."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urljoin, urlsplit

from parsel import Selector

from .extract.blocks import squash
from .extract.queries import xpath

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
