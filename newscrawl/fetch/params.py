"""Spider arguments, validated before the crawl makes any request."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

KNOWN = ("sections", "since", "until", "max_pages", "start_urls", "base_url", "refresh", "warc")
# Only for `scrapy crawl news`, the spider for sites without a module.
GENERIC = ("url", "languages")


class ArgumentError(ValueError):
    """A spider argument the crawl cannot run with; the message names it and its form."""

    def __init__(self, name: str, value: str, accepted: str):
        super().__init__(f"invalid argument -a {name}={value}: expected {accepted}")
        self.name = name


@dataclass(frozen=True)
class CrawlParams:
    sections: tuple[str, ...]
    since: date | None = None
    until: date | None = None
    max_pages: int | None = None
    start_urls: tuple[str, ...] = ()
    base_url: str | None = None
    refresh: bool = False
    url: str | None = None
    languages: tuple[str, ...] = ()
    warc: tuple[str, ...] = ()  # WARC, WARC.gz or WACZ files to import instead of crawling


def _day(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise ArgumentError(name, value, "a date YYYY-MM-DD, e.g. 2024-01-31")


def _origin(name: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/") \
            or parts.query or parts.fragment:
        raise ArgumentError(name, value, "an http(s) origin such as http://127.0.0.1:8000")
    return f"{parts.scheme}://{parts.netloc}"


def _url(name: str, value: str, accepted: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArgumentError(name, value, accepted)
    return value


def parse_params(args: Mapping[str, str], known_sections: tuple[str, ...], generic: bool = False) -> CrawlParams:
    """Read ``-a`` arguments; raise ArgumentError on the first one that is wrong.
    ``generic`` is for the `news` spider: it takes url= (required) and languages=."""
    allowed = KNOWN + GENERIC if generic else KNOWN
    unknown = sorted(k for k in args if k not in allowed and not k.startswith("_"))
    if unknown:
        raise ArgumentError(unknown[0], str(args[unknown[0]]), f"one of {', '.join(allowed)}")
    url, languages = None, ()
    if generic:
        url = _url("url", str(args.get("url") or ""), "the site's http(s) address, e.g. https://example.com/")
        languages = tuple(lang.strip().lower() for lang in str(args.get("languages") or "ar").split(",")
                          if lang.strip())
        if not languages or not all(re.fullmatch(r"[a-z]{2,3}", lang) for lang in languages):
            raise ArgumentError("languages", str(args.get("languages")), "comma-separated ISO 639-1 codes, e.g. ar")

    sections = known_sections
    if args.get("sections"):
        by_lower = {s.lower(): s for s in known_sections}
        wanted = [s.strip() for s in str(args["sections"]).split(",") if s.strip()]
        bad = [s for s in wanted if s.lower() not in by_lower]
        if bad or not wanted:
            raise ArgumentError("sections", str(args["sections"]),
                                f"comma-separated sections from {','.join(known_sections)}")
        sections = tuple(dict.fromkeys(by_lower[s.lower()] for s in wanted))

    since, until = _day("since", args.get("since")), _day("until", args.get("until"))
    if since and until and since > until:
        raise ArgumentError("since", str(args["since"]), f"a day on or before until={until}")

    max_pages = None
    if args.get("max_pages") is not None:
        raw = str(args["max_pages"])
        if not re.fullmatch(r"[0-9]+", raw) or int(raw) < 1:
            raise ArgumentError("max_pages", raw, "a whole number of listing pages, 1 or more")
        max_pages = int(raw)

    start_urls = tuple(_url("start_urls", u.strip(), "comma-separated http(s) URLs")
                       for u in str(args.get("start_urls") or "").split(",")
                       if u.strip())
    base_url = _origin("base_url", str(args["base_url"])) if args.get("base_url") else None
    refresh = str(args.get("refresh", "0")).lower()
    if refresh not in ("0", "1", "true", "false", "yes", "no"):
        raise ArgumentError("refresh", refresh, "1 to fetch archived articles again, 0 (the default) not to")
    warc = tuple(u.strip() for u in str(args.get("warc") or "").split(",") if u.strip())
    for path in warc:
        if not Path(path).is_file() or not path.lower().endswith((".warc", ".warc.gz", ".wacz")):
            raise ArgumentError("warc", path, "comma-separated existing .warc, .warc.gz or .wacz files")
    return CrawlParams(sections, since, until, max_pages, start_urls, base_url, refresh in ("1", "true", "yes"),
                       url, languages, tuple(str(Path(p).resolve()) for p in warc))

