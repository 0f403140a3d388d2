"""The extraction chain: for each field, the first source that has a value wins.

Order: the site's own layout selectors, JSON-LD, OpenGraph/meta, then the generic
extractor. Dates follow a different order — machine-readable JSON-LD and meta first,
then a visible date — and are parsed here, so every source hands over raw strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from lxml import etree

from newscrawl.extract.comments import remove_comments
from newscrawl.extract.datascript import article_paragraphs
from newscrawl.extract.generic import date_candidates, generic_fields, marked_dates, url_day
from newscrawl.extract.jsonld import jsonld_fields
from newscrawl.extract.layouts import Layout, after_removal, body_container, layout_fields, match, pick_layout
from newscrawl.extract.learned import LINE_WORDS
from newscrawl.extract.meta import meta_fields
from newscrawl.extract.queries import parse_html
from newscrawl.extract.structure import (
    box_lines,
    br_paragraphs,
    continuations,
    lead_paragraph,
    media_lines,
    page_lines,
)
from newscrawl.text.byline import byline_names
from newscrawl.text.dates import ParsedDate, parse_date
from newscrawl.text.keys import normalise_for_matching
from newscrawl.text.unicode import PRESENTATION_FORMS, clean_inline

# Fewer words than this in what the page shows, and its framework's data is read too.
SHOWN_LITTLE = 100
TEXT_FIELDS = ("headline", "summary", "authors", "tags", "image_url", "section", "language", "dateline")


@dataclass
class Extraction:
    values: dict = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    layout: str | None = None
    # The page says it is an article (JSON-LD Article type, og:type=article, or a layout).
    is_article: bool = False
    # The page's short lines, anywhere on it (structure.page_lines), when asked for.
    lines: list[str] = field(default_factory=list)

    def take(self, name: str, candidates: list[tuple[str, object]]) -> None:
        for source, value in candidates:
            if value:
                self.values[name], self.sources[name] = value, source
                return


@lru_cache(maxsize=256)
def _site_name_pattern(name: str) -> re.Pattern:
    return re.compile(rf"\s*[|\-–—:«»]\s*{re.escape(name)}\s*$|^\s*{re.escape(name)}\s*[|\-–—:]\s*")


def strip_site_name(headline: str, site_names: tuple[str, ...]) -> str:
    """«عنوان | إيلاف» → «عنوان»: only a known site name is cut, never a headline part."""
    for name in site_names:
        if name in headline:
            headline = _site_name_pattern(name).sub("", headline)
    return headline.strip()


def _is_excerpt(summary: str, body: list[str]) -> bool:
    """A description that only repeats the opening of the body is not a summary."""
    probe = clean_inline(summary).rstrip(" .…")[:60]
    return bool(probe) and probe in clean_inline(" ".join(body[:2]))


def _word_count(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def parse_first(candidates: Iterable[tuple[str, str | None]], now: datetime) -> tuple[str, ParsedDate] | None:
    """The first candidate (source, raw text) that parses to a dated day; lazily, so the
    costly scans at the end run only when nothing better was found."""
    for source, raw in candidates:
        parsed = parse_date(raw, now=now) if raw else None
        if parsed and parsed.year_known and parsed.precision in ("datetime", "day"):
            return source, parsed
    return None


def _date_candidates(root, jsonld: dict, meta: dict, site: dict, url: str | None):
    yield "jsonld", jsonld.get("published")
    yield "meta", meta.get("published")
    for value in marked_dates(root):
        yield "markup", value
    yield "url", url_day(url)
    yield "site", site.get("published")
    for value in date_candidates(root):
        yield "generic", value


# Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) in UTF-8: searched and
# replaced in the page's bytes, a fifth of the cost of a character class over its text;
# str.translate over a whole page of real weight took a millisecond and a half.
# Replaced a run at a time (forms and the spaces between them): a page drawn in them has
# thousands, and a call for each took longer than the rest of its extraction.
_FORM = rb"\xef(?:\xad[\x90-\xbf]|[\xae-\xb7][\x80-\xbf]|\xb9[\xb0-\xbf]|\xba[\x80-\xbf]|\xbb[\x80-\xbe])"
_PRESENTATION = re.compile(rb"%s(?:%s| )*" % (_FORM, _FORM))


def _drawn_letters(forms: bytes) -> bytes:
    """A run of presentation forms' letters, in UTF-8."""
    return forms.decode("utf-8").translate(PRESENTATION_FORMS).encode("utf-8")


def extract_article(html: str, layouts: tuple[Layout, ...] = (), site_names: tuple[str, ...] = (),
                    now: datetime | None = None, url: str | None = None, lines: bool = False,
                    page: bytes | None = None) -> Extraction:
    """All fields of one article page (read as HTML whatever it holds: a text/plain answer
    holding JSON yields no fields), and with ``lines`` the page's short lines, the
    evidence of site-wide furniture. ``page``: ``html`` stripped and in UTF-8, when the
    caller has it (newscrawl.fetch.charset.utf8_page)."""
    if page is None:
        page = html.strip().encode("utf-8", "surrogatepass")  # parse_html's input, encoded once
    if _PRESENTATION.search(page):
        # Text drawn in Arabic presentation forms reads as no text to main-text
        # extractors: the letters they draw, as cleaning would give them anyway.
        page = _PRESENTATION.sub(lambda form: _drawn_letters(form.group()), page)
        html = page.decode("utf-8", "surrogatepass")
    root = parse_html(page)
    result = Extraction()
    if lines:  # before comment threads go: their prompts and labels are furniture too
        result.lines = page_lines(root, LINE_WORDS)
    layout = pick_layout(root, layouts)
    matched = match(root, layout) if layout else None
    # A layout names the article's element: the comment finder need not look for it.
    # The generic extractor reads the page as text: the page without its comments, written
    # out again only when that extractor is asked (a site layout's pages never ask).
    rewritten = remove_comments(root, body_container(matched) if matched else None) > 0
    if rewritten and matched:  # its matches on the page without its comments
        matched = after_removal(root, matched)
    now = now or datetime.now()
    site = layout_fields(matched) if matched else {}
    result.layout = layout.name if layout else None
    jsonld, meta = jsonld_fields(root), meta_fields(root)
    result.is_article = bool(layout or jsonld.get("is_article") or meta.get("is_article"))
    names = tuple(n for n in (*site_names, meta.get("site_name")) if n)

    generic: dict = {}

    def read_generic() -> dict:
        nonlocal html
        if br_paragraphs(root) or rewritten:
            html = etree.tostring(root, method="html", encoding="unicode")
        fields = generic_fields(root, html)
        boxes = box_lines(root) | media_lines(root)
        fields["body"] = [p for p in fields["body"] if p not in boxes]
        fields["body"] += continuations(root, fields["body"])
        lead = lead_paragraph(root, fields["body"], [s for s in (meta.get("summary"), jsonld.get("summary")) if s])
        if lead:
            fields["body"].insert(0, lead)
        return fields

    if not site.get("body") or not site.get("headline"):
        generic = read_generic()
    sources = (("site", site), ("jsonld", jsonld), ("meta", meta))
    for name in TEXT_FIELDS:
        result.take(name, [(src, values.get(name)) for src, values in (*sources, ("generic", generic))])
    if "headline" in result.values:
        result.values["headline"] = strip_site_name(result.values["headline"], names)

    # JSON-LD articleBody often arrives run on, in one paragraph or a few long ones, and
    # sometimes as a teaser: the paragraphs the page shows win over it, unless it holds
    # as many words in at least half as many paragraphs.
    jsonld_body = jsonld.get("body") or []
    if len(jsonld_body) == 1 and not site.get("body"):
        generic = generic or read_generic()
    shown = generic.get("body") or []
    generic_source = "generic"
    worse = bool(shown) and (len(jsonld_body) < max(2, 0.5 * len(shown))
                             or _word_count(jsonld_body) < 0.5 * _word_count(shown))
    if not site.get("body") and max(_word_count(shown), _word_count(jsonld_body)) < SHOWN_LITTLE:
        # A page drawn in the browser from its framework's data shows little or no text.
        held = article_paragraphs(root, result.values.get("headline"))
        if _word_count(held) >= 2 * max(_word_count(shown), _word_count(jsonld_body)):
            shown, jsonld_body, generic_source = held, [], "data"
    result.take("body", [("site", site.get("body")),
                         ("jsonld", None if worse else jsonld_body),
                         (generic_source, shown or None)])

    body = result.values.get("body")
    headlines = {result.values.get("headline") or "", site.get("headline") or ""} - {""}
    # A first paragraph four times a headline's length is not it, whatever its marks and
    # punctuation (normalising removes no letter) or mojibake (at most three characters a
    # letter), unless entities spell it: a paragraph's normalisation is saved.
    if body and result.values.get("headline") and \
            ("&" in body[0] or len(body[0]) <= 4 * max(map(len, headlines)) + 30) and \
            normalise_for_matching(body[0]) in {normalise_for_matching(h) for h in headlines}:
        # Generic extractors keep the page's own heading as the body's first line.
        result.values["body"] = body[1:]

    if result.values.get("authors") and result.sources.get("authors") == "meta":
        # A site named in <meta name="author"> («إيلاف») names no writer; JSON-LD that names
        # an organisation as the author says so on purpose, and is kept.
        site_keys = {normalise_for_matching(n) for n in names}
        result.values["authors"] = [a for a in result.values["authors"] if normalise_for_matching(a) not in site_keys]
    if not result.values.get("authors"):
        # «بقلم: فلان», «كتب - فلان» opening the body: the byline, printed as text.
        for paragraph in result.values.get("body", [])[:2]:
            names = byline_names(paragraph, labelled_only=True)
            if names:
                result.values["authors"], result.sources["authors"] = names, "byline"
                break

    summary = result.values.get("summary")
    if summary and result.sources["summary"] != "site" and _is_excerpt(summary, result.values.get("body", [])):
        del result.values["summary"], result.sources["summary"]

    # Machine-readable dates first, then a day in the URL, then a printed date — a
    # printed one is often a «last updated» stamp or a header clock.
    published = parse_first(_date_candidates(root, jsonld, meta, site, url), now)
    if published:
        result.sources["published"], result.values["published"] = published
    updated = parse_first([("jsonld", jsonld.get("updated")), ("meta", meta.get("updated"))], now)
    if updated:
        result.values["updated"] = updated[1]
    return result
