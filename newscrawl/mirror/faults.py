"""The mirror's fault mode: what goes wrong, where, deterministically.

``plan(articles)`` picks articles from the manifest (never the seed or the stories that
test dedup) and gives each one fault; the server applies it, and the tests read the same
plan to know what a correct crawl must archive. Extra broken links (404, a redirect
loop, robots-disallowed pages, another site) are added to the home page.
"""

from __future__ import annotations

# Each fault, and whether a correct crawler still archives the article.
KINDS = {
    "flaky_503": True,            # 503 first, 200 after
    "throttled_429": True,        # 429 with Retry-After first, 200 after
    "timeout_once": True,         # first answer slower than the crawl's timeout
    "slow": True,                 # every answer takes a second
    "challenge_once": True,       # a 200 "Just a moment..." page first, the article after
    "cp1256_header": True,        # Windows-1256, charset in the HTTP header only
    "cp1256_meta": True,          # Windows-1256, charset in a <meta> only
    "cp1256_none": True,          # Windows-1256, no charset anywhere
    "cp1256_false_utf8": True,    # Windows-1256 served as "charset=utf-8"
    "iso88596_header": True,      # ISO-8859-6, charset in the header
    "iso88596_none": True,        # ISO-8859-6, no charset anywhere
    "old_url": True,              # linked by its old unpadded URL, which redirects (301)
    "broken_markup": True,        # no </p>, cut off after the article
    "always_500": False,
    "oversized": False,           # larger than DOWNLOAD_MAXSIZE
    "not_html": False,            # a PDF at an article URL
    "blocked_403": False,
    "challenge_always": False,    # a challenge page that never lets the crawler through
    "robots_disallowed": False,   # robots.txt forbids it
}
PER_KIND = 2
MISSING = "/Web/News/2024/01/9999001.html"          # linked, answers 404
LOOP = ("/Web/News/2024/01/9999002.html", "/Web/News/2024/1/9999002.html")  # redirect to each other
FOREIGN = "https://other-site.example/Web/News/2024/01/9999003.html"


def plan(articles: list[dict]) -> dict[str, str]:
    """{article path: fault kind}, the same for the same manifest."""
    protected = {a["path"] for a in articles if a["duplicate_of"] or a["followup_of"]}
    protected |= {a["duplicate_of"] for a in articles if a["duplicate_of"]}
    protected |= {a["followup_of"] for a in articles if a["followup_of"]}
    headlines = [a["headline"] for a in articles]
    eligible = [a for a in sorted(articles, key=lambda a: a["id"])
                if a["path"] not in protected and headlines.count(a["headline"]) == 1
                and a["id"] != 1196093 and a["layout"] == "current"]
    kinds = [kind for kind in KINDS for _ in range(PER_KIND)]
    step = max(1, len(eligible) // len(kinds))
    return {article["path"]: kind for article, kind in zip(eligible[::step], kinds, strict=False)}


def reachable(kind: str | None) -> bool:
    return kind is None or KINDS[kind]


def old_url(path: str) -> str:
    """/Web/News/2022/05/1.html → /Web/News/2022/5/1.html, the shape older links use."""
    parts = path.split("/")
    parts[4] = str(int(parts[4]))
    return "/".join(parts)
