"""HTML and JSON of the offline Elaph mirror, one function per kind of page.

The markup imitates the two Elaph layouts: the 2018 page whose text dump is the seed
(with all of its furniture), and the current one (h1.article-title, div.content-body).
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from newscrawl.mirror import noise
from newscrawl.mirror.corpus import Story

REAL_ORIGIN = "https://elaph.com"
LONDON = ZoneInfo("Europe/London")
SECTION_NAMES = {"News": "أخبار", "Politics": "سياسة", "Economics": "اقتصاد", "Sports": "رياضة",
                 "Oyoon": "ثقافات", "NewsPapers": "جريدة الجرائد", "Opinion": "آراء"}
WEEKDAYS = ("الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول")
GULF = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
        "نوفمبر", "ديسمبر")
COMMENTS_NOTE = "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف"
POSTING_RULES = ("شروط النشر: عدم الإساءة للكاتب أو للأشخاص أو للمقدسات أو مهاجمة الأديان أو الذات الالهية. "
                 "والابتعاد عن التحريض الطائفي والعنصري والشتائم.")


READ_ALSO = "اقرأ أيضاً: "
FOLLOW_US = "تابعونا على تويتر وفيسبوك"


def _text(story: Story, text: str) -> str:
    """Escaped text with the story's noise; «entities» writes spaces as literal &nbsp;
    text and quotes as &amp;quot;, as double-escaping CMSs do."""
    noisy = escape(noise.add(text, story.noise))
    if story.noise == "entities":
        noisy = noisy.replace(" ", "&amp;nbsp;", 2).replace("&quot;", "&amp;quot;")
    return noisy


def _nav() -> str:
    links = "".join(f'<li><a href="/Web/{s}/">{SECTION_NAMES[s]}</a></li>' for s in SECTION_NAMES)
    return f'<ul class="menu">{links}</ul>'


def printed_date(moment: datetime, months: tuple[str, ...]) -> str:
    local = moment.astimezone(LONDON)
    hour = local.hour % 12 or 12
    marker = "ص" if local.hour < 12 else "م"
    return (f"{WEEKDAYS[local.weekday()]} {local.day} {months[local.month - 1]} {local.year}"
            f" - {hour:02d}:{local.minute:02d} {marker}")


def article_2018(story: Story, most_read: list[tuple[str, str]]) -> str:
    first = f"{story.dateline}: {story.paragraphs[0]}" if story.dateline else story.paragraphs[0]
    parts = [_text(story, p) for p in [first, *story.paragraphs[1:]]]
    if story.furniture_in_body:
        parts += ["عدد التعليقات 3", COMMENTS_NOTE, "في " + SECTION_NAMES[story.section]]
    text = "<br /><br />\n".join(parts)
    date = (f'<div class="ArticleDate">{printed_date(story.published, LEVANTINE)}</div>'
            if "visible" in story.date_signals else "")
    items = "".join(f'<li><a href="{escape(href)}">{escape(title)}</a></li>' for href, title in most_read)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(story.headline)} | إيلاف</title>
<meta name="keywords" content="إيلاف, أخبار, {SECTION_NAMES[story.section]}">
<script src="/js/updated.js"></script>
</head><body>
<div id="Header"><a href="/" class="Logo">إيلاف</a>{_nav()}</div>
<div id="Main"><div class="ArticleContainer">
<div class="LastUpdate"><span class="Label">آخر تحديث</span> : <span class="UpdateTime" data-ts=""></span></div>
{date}
<h1 class="ArticleHeadline">{_text(story, story.headline)}</h1>
<div class="ArticleBody" id="ArticleBody">
{text}
</div>
<div class="CommentsBox"><div class="CommentsCount">عدد التعليقات 0</div>
<div class="CommentsNote">{COMMENTS_NOTE}</div>
<div class="NoResults">لم يتم العثور على نتائج</div></div>
<div class="PostingRules">{POSTING_RULES}</div>
<div class="MostRead"><ol>{items}</ol></div>
<div class="Crumb">في <a href="/Web/{story.section}/">{SECTION_NAMES[story.section]}</a></div>
</div></div>
<div id="Footer">جميع الحقوق محفوظة © إيلاف</div>
</body></html>
"""


def _jsonld(story: Story) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": story.headline,
        "datePublished": story.published.isoformat(), "articleSection": story.section,
        "image": image_url(story), "keywords": ", ".join(story.tags),
        "author": [{"@type": "Person", "name": a} for a in story.authors],
        "publisher": {"@type": "Organization", "name": "إيلاف"},
        "mainEntityOfPage": REAL_ORIGIN + story.path,
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def image_url(story: Story) -> str:
    return f"https://s1.elaph.com/resources/images/{story.section}/{story.published:%Y/%m}/{story.id}.jpg"


def article_current(story: Story, related: list[tuple[str, str]]) -> str:
    paragraphs = [f"إيلاف من {story.dateline}: {story.paragraphs[0]}", *story.paragraphs[1:]]
    body = [f"<p>{_text(story, p)}</p>" for p in paragraphs]
    if related and story.furniture_in_body:
        href, title = related[0]
        body.insert(min(2, len(body)), f'<p>{READ_ALSO}<a href="{escape(href)}">{escape(title)}</a></p>')
        body.append(f"<p>{FOLLOW_US}</p>")
    elif related:
        href, title = related[0]
        body.insert(min(2, len(body)), f'<div class="read-also"><span>اقرأ أيضاً</span> '
                                       f'<a href="{escape(href)}">{escape(title)}</a></div>')
    description = story.summary or story.paragraphs[0][:140]
    summary = f'<p class="article-summary">{escape(story.summary)}</p>' if story.summary else ""
    authors = "".join(f'<span class="article-author">{escape(a)}</span>' for a in story.authors)
    date = (f'<span class="article-date">{printed_date(story.published, GULF)}</span>'
            if "visible" in story.date_signals else "")
    tags = "".join(f'<a href="/tags/{escape(t)}">{escape(t)}</a>' for t in story.tags)
    most_read = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in related[1:])
    jsonld = _jsonld(story) if "jsonld" in story.date_signals else ""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{escape(story.headline)} | إيلاف</title>
<meta property="og:site_name" content="إيلاف">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(story.headline)}">
<meta property="og:url" content="{REAL_ORIGIN}{story.path}">
<meta property="og:image" content="{image_url(story)}">
<meta name="description" content="{escape(description)}">
<link rel="canonical" href="{REAL_ORIGIN}{story.path}">
<link rel="amphtml" href="{REAL_ORIGIN}{story.amp_path}">
{jsonld}
</head><body>
<header class="site-header"><a href="/" class="logo">إيلاف</a><nav>{_nav()}</nav></header>
<main><article class="article">
<div class="article-header">
<a class="article-section" href="/Web/{story.section}/">{SECTION_NAMES[story.section]}</a>
<h1 class="article-title">{_text(story, story.headline)}</h1>
{summary}
<div class="article-meta">{authors}{date}</div>
</div>
<figure class="article-image"><img src="{image_url(story)}" alt=""><figcaption>صورة أرشيفية</figcaption></figure>
<div class="content-body">
{chr(10).join(body)}
</div>
<div class="article-tags">{tags}</div>
<div class="share-buttons"><span>شارك</span><a href="#">فيسبوك</a><a href="#">تويتر</a></div>
</article>
<aside class="most-read"><h3>الأكثر قراءة</h3><ol>{most_read}</ol></aside>
</main>
<footer>جميع الحقوق محفوظة © إيلاف {story.published.year}</footer>
</body></html>
"""


def article_unseen(story: Story) -> str:
    """A layout no site module knows (a WordPress-like theme): only JSON-LD, meta and
    the generic extractor can read it."""
    paragraphs = [f"{story.dateline} - {story.paragraphs[0]}", *story.paragraphs[1:]]
    if story.furniture_in_body:
        paragraphs += [FOLLOW_US, "جميع الحقوق محفوظة لموقع إيلاف"]
    body = "".join(f"<p>{_text(story, p)}</p>" for p in paragraphs)
    stamp = story.published.isoformat()
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{escape(story.headline)} - إيلاف</title>
<meta property="og:title" content="{escape(story.headline)} - إيلاف">
<meta property="og:site_name" content="إيلاف">
<meta property="article:published_time" content="{stamp}">
</head><body>
<div class="topbar"><a href="/">الرئيسية</a> <span class="clock">{printed_date(datetime(2026, 1, 1), GULF)}</span></div>
<div id="wrap"><div class="post">
<h2 class="post-heading">{escape(story.headline)}</h2>
<div class="entry-meta">نشر في <time datetime="{stamp}">{story.published:%Y/%m/%d}</time></div>
<div class="entry">{body}</div>
<div class="related"><h4>مواضيع ذات صلة</h4><ul><li><a href="/">الرئيسية</a></li></ul></div>
</div></div>
<div class="footer">جميع الحقوق محفوظة</div>
</body></html>
"""


def article_amp(story: Story) -> str:
    paragraphs = [f"إيلاف من {story.dateline}: {story.paragraphs[0]}", *story.paragraphs[1:]]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html ⚡ lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(story.headline)} | إيلاف</title>
<link rel="canonical" href="{REAL_ORIGIN}{story.path}"></head>
<body><h1>{escape(story.headline)}</h1><div class="amp-body">{body}</div></body></html>
"""


def listing(title: str, links: list[tuple[str, str]], head_extra: str = "", pager: str = "") -> str:
    items = "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>' for href, text in links)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(title)} | إيلاف</title>{head_extra}</head>
<body><header><a href="/">إيلاف</a>{_nav()}</header>
<main><h1>{escape(title)}</h1><ul class="list">{items}</ul><div class="pager">{pager}</div></main>
<footer>جميع الحقوق محفوظة © إيلاف</footer></body></html>
"""


def api_page(stories: list[Story]) -> str:
    data = [{"ArticleID": s.id, "Title": s.headline, "PostingURL": s.path,
             "RelativeTime": int(s.published.timestamp())} for s in stories]
    return json.dumps({"data": data}, ensure_ascii=False)
