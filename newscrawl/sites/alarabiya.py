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

from newscrawl.sites.spec import Site

SITE = Site(
    name="alarabiya",
    origin="https://www.alarabiya.net",
    hosts=("www.alarabiya.net", "alarabiya.net"),
    timezone="Asia/Dubai",
    site_names=("العربية", "Al Arabiya", "alarabiya.net"),
    # Sitemaps from robots.txt, the feed the home page announces, and the home page's links.
    sources=("sitemap", "feed", "html"),
    sections=("arab-and-world", "politics", "aswaq", "sport", "culture", "press-review", "views"),
    next_texts=("التالي", "المزيد"),
    article_path=re.compile(
        r"^/(?P<section>[a-z-]+)/(?P<year>20\d\d)/(?P<month>\d\d)/(?P<day>\d\d)/(?P<slug>[^/]+)/?$"),
)
