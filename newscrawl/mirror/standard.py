"""A standards-following Arabic news site, for the `news` spider and site modules that
read sitemaps and feeds: robots.txt with a Sitemap line, a sitemap index, a Google News
sitemap, an RSS feed announced with <link rel="alternate">, JSON-LD NewsArticle on every
article, in a markup no layout in newscrawl knows; one article page in ten is drawn in the
browser from a framework's data (newscrawl.mirror.framework).

    python -m newscrawl.mirror standard --out DIR [--flavour generic|alarabiya]

The stories are the Elaph mirror's (same truth), in other URL shapes; two Persian
articles are linked too, which an Arabic crawl must leave out.
"""

from __future__ import annotations

import json
import re
import shutil
from email.utils import format_datetime
from html import escape
from pathlib import Path
from urllib.parse import quote, unquote

from newscrawl.mirror.build import repeat_links
from newscrawl.mirror.corpus import Story, build_corpus
from newscrawl.mirror.framework import FRAMEWORKS, framework_page

PERSIAN = [
    ("گزارش تازه درباره وضعیت اقتصادی ایران منتشر شد",
     ["بانک مرکزی ایران روز دوشنبه گزارش تازه‌ای درباره نرخ تورم و وضعیت "
      "بازار ارز منتشر کرد که نشان می‌دهد فشارهای اقتصادی همچنان ادامه دارد.",
      "به گفته کارشناسان، این گزارش نشان می‌دهد که دولت برای کنترل قیمت‌ها "
      "باید برنامه‌های جدیدی را اجرا کند و از واردات کالاهای اساسی حمایت کند."]),
    ("دیدار وزیران خارجه در تهران برگزار شد",
     ["وزیران خارجه دو کشور روز سه‌شنبه در تهران با یکدیگر دیدار "
      "کردند و درباره گسترش روابط اقتصادی و فرهنگی گفتگو کردند.",
      "در این دیدار دو طرف بر ضرورت همکاری بیشتر برای حل بحران‌های "
      "منطقه‌ای تاکید کردند و قرار شد نشست بعدی در ماه آینده برگزار شود."]),
]
SECTIONS = {"News": "arab-and-world", "Politics": "politics", "Economics": "aswaq", "Sports": "sport",
            "Oyoon": "culture", "NewsPapers": "press-review", "Opinion": "views"}


def _slug(headline: str) -> str:
    words = [re.sub(r"[^\w]", "", w) for w in headline.split()]
    return quote("-".join(w for w in words if w)[:80])


def article_path(story: Story, flavour: str) -> str:
    d = story.published
    if flavour == "alarabiya":
        return f"/{SECTIONS[story.section]}/{d:%Y/%m/%d}/{_slug(story.headline)}"
    return f"/{d:%Y/%m}/{_slug(story.headline)}-{story.id}/"


def _page(title: str, body: str, head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(title)}</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed/">{head}</head>
<body><div class="site-top"><a href="/">الرئيسية</a></div>{body}
<div class="site-bottom">© جميع الحقوق محفوظة</div></body></html>
"""


def _article(story: Story, path: str, language: str = "ar", framework: str | None = None,
             others: list[tuple[str, str]] = ()) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.headline,
            "datePublished": story.published.isoformat(), "inLanguage": language,
            "author": [{"@type": "Person", "name": a} for a in story.authors], "mainEntityOfPage": path}
    first = f"{story.dateline} - {story.paragraphs[0]}" if story.dateline else story.paragraphs[0]
    head = (f'<meta property="og:type" content="article"><meta property="og:title" content="{escape(story.headline)}">'
            f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')
    if framework:
        return framework_page(framework, story.headline, [first, *story.paragraphs[1:]], story.published.isoformat(),
                              path, list(others), head)
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in [first, *story.paragraphs[1:]])
    body = (f'<main class="story"><header><h1 class="story__title">{escape(story.headline)}</h1>'
            f'<span class="story__time">{story.published:%d/%m/%Y}</span></header>'
            f'<section class="story__text">{paragraphs}</section>'
            f'<aside class="story__share">شارك</aside></main>')
    return _page(story.headline, body, head).replace('lang="ar"', f'lang="{language}"')


def _persian_stories(stories: list[Story]) -> list[Story]:
    base = stories[-1]
    out = []
    for n, (headline, paragraphs) in enumerate(PERSIAN):
        out.append(Story(id=base.id + 1000 + n, section="News", published=base.published, headline=headline,
                         paragraphs=paragraphs, dateline=None, layout="current"))
    return out


def build_standard(out: Path, flavour: str = "generic", count: int = 120) -> list[dict]:
    stories = [s for s in build_corpus(count)]
    persian = _persian_stories(stories)
    site = out / "site"
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    rows = []
    entries = []
    path_of = {s.headline: article_path(s, flavour) for s in stories if not s.duplicate_of}
    for number, story in enumerate([*stories, *persian]):
        language = "fa" if story in persian else "ar"
        path = article_path(story, flavour)
        target = site / _file_for(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        # One page in ten is drawn in the browser from its framework's data.
        framework = FRAMEWORKS[number // 10 % len(FRAMEWORKS)] if number % 10 == 3 and language == "ar" else None
        others = [(s.headline, article_path(s, flavour)) for s in stories[number + 1:number + 4]]
        target.write_text(_article(story, path, language, framework, others), encoding="utf-8")
        entries.append((story, path))
        rows.append({"path": path, "id": story.id, "section": story.section, "headline": story.headline,
                     "dateline": story.dateline, "paragraphs": story.paragraphs, "authors": story.authors,
                     "published": story.published.isoformat(), "language": language,
                     "layout": framework or "standard", **repeat_links(story, path_of)})
    newest = sorted(entries, key=lambda e: e[0].published, reverse=True)
    half = len(newest) // 2
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /wp-admin/\nSitemap: /sitemap_index.xml\n")
    index = "".join(f"<sitemap><loc>/{name}</loc></sitemap>" for name in ("post-sitemap.xml", "post-sitemap2.xml",
                                                                          "news-sitemap.xml"))
    (site / "sitemap_index.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{index}</sitemapindex>")
    for name, chunk in (("post-sitemap.xml", newest[:half]), ("post-sitemap2.xml", newest[half:])):
        urls = "".join(f"<url><loc>{p}</loc><lastmod>{s.published.isoformat()}</lastmod></url>" for s, p in chunk)
        (site / name).write_text('<?xml version="1.0" encoding="UTF-8"?><urlset '
                                 f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
    news = "".join(f"<url><loc>{p}</loc><news:news><news:publication><news:name>موقع</news:name>"
                   f"<news:language>ar</news:language></news:publication><news:publication_date>"
                   f"{s.published.isoformat()}</news:publication_date><news:title>{escape(s.headline)}</news:title>"
                   f"</news:news></url>" for s, p in newest[:10])
    (site / "news-sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{news}</urlset>')
    items = "".join(f"<item><title>{escape(s.headline)}</title><link>{p}</link>"
                    f"<pubDate>{format_datetime(s.published)}</pubDate></item>" for s, p in newest[:20])
    (site / "feed").mkdir()
    (site / "feed" / "index.html").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>موقع</title>{items}</channel></rss>')
    links = "".join(f'<li><a href="{p}">{escape(s.headline)}</a></li>' for s, p in newest[:15])
    (site / "index.html").write_text(_page("موقع إخباري", f'<ul class="latest">{links}</ul>'), encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"articles": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
    return rows


def _file_for(path: str) -> str:
    relative = unquote(path).lstrip("/")
    return relative + "index.html" if relative.endswith("/") else relative
