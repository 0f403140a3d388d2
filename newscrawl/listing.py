"""Finding the next page of an HTML listing, the way most news sites link it."""

from __future__ import annotations

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

