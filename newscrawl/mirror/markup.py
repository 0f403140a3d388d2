"""Seeded unseen-layout article pages: the mirror's stories in markup that varies.

``article(story, seed, corpus)`` renders one story the way some real Arabic news site
might: its own class and id names, nesting, order of headline, date and byline,
paragraphs as <p>, <div> or text between <br>, furniture around and inside the body
(«اقرأ أيضاً» boxes naming other stories, ads, captions, share bars, most-read lists,
app and newsletter prompts, a copyright footer) and a thread of reader comments. Every
choice comes from ``random.Random`` seeded with the build's markup seed and the story
id, so one seed always gives the same site and another seed a different one. The
words come from vocab.py and comments.py, drawn from real pages.

The returned Page carries the truth the manifest records: the dateline as the
pipeline should split it off (the place, as newscrawl.text.dateline names it, and the
exact text that opens the first paragraph), the authors the page names, the comment
texts and the furniture texts, none of which is part of the paragraphs.
"""

from __future__ import annotations

import json
import random
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape

from newscrawl.mirror import vocab as V
from newscrawl.mirror.comments import comment_text, thread_size
from newscrawl.mirror.corpus import Story
from newscrawl.mirror.pages import GULF, LEVANTINE, LONDON, REAL_ORIGIN, WEEKDAYS, _text, image_url

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
BR_STYLES = ("br2", "br1", "p-br")


@dataclass
class Page:
    html: str
    dateline: str | None
    dateline_markup: str | None
    authors: list[str]
    comments: list[str]
    furniture: list[str]
    furniture_in_body: bool
    date_signals: tuple[str, ...]
    markup: dict

    def truth(self) -> dict:
        """The manifest fields this page sets or adds."""
        return {"dateline": self.dateline, "authors": self.authors, "date_signals": list(self.date_signals),
                "furniture_in_body": self.furniture_in_body, "dateline_markup": self.dateline_markup,
                "comments": self.comments, "furniture": self.furniture, "markup": self.markup}


def _attr(**values: str | None) -> str:
    """` class="…" id="…"` from keyword arguments; None leaves one out, cls is class."""
    out = []
    for name, value in values.items():
        if value is not None:
            out.append(f' {"class" if name == "cls" else name.replace("_", "-")}="{escape(value)}"')
    return "".join(out)


@dataclass
class Ctx:
    """One page being written: its random source, names and the truth gathered so far."""
    rng: random.Random
    story: Story
    others: list[Story]
    furniture: list[str] = field(default_factory=list)
    markup: dict = field(default_factory=dict)
    nl: str = "\n"
    _next_other: int = 0

    def pick(self, pool):
        return self.rng.choice(pool)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def token(self, size: int = 5, alphabet: str = string.ascii_letters + string.digits) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(size))

    def cls(self, pool: tuple[str, ...], utility: float = 0.25) -> str:
        """A class name from ``pool`` as themes write them: plain, suffixed, BEM,
        CSS-module hashed, numbered or prefixed, sometimes with a utility class."""
        base = self.pick(pool)
        roll = self.rng.random()
        if roll < 0.45:
            name = base
        elif roll < 0.6:
            name = f"{base}-{self.pick(V.SUFFIX_WORDS)}"
        elif roll < 0.7:
            name = f"{base}__{self.pick(V.SUFFIX_WORDS)}"
        elif roll < 0.8:
            name = f"{base}_{self.token()}"
        elif roll < 0.88:
            name = f"{base}{self.rng.randint(1, 99)}"
        else:
            name = f"{self.pick(('td', 'tie', 'cs', 'c', 'o', 'l', 'js', 'el', 'jeg', 'mvp', 'sc', 'x'))}-{base}"
        if self.chance(utility):
            name += " " + self.pick(V.UTILITY)
        return name

    def ident(self, pool: tuple[str, ...] | None = None, chance: float = 0.35) -> str | None:
        """An id, or None: one from ``pool``, a CMS-style numbered one or a random one."""
        if not self.chance(chance):
            return None
        roll = self.rng.random()
        if pool and roll < 0.5:
            return self.pick(pool).split()[0] + self.pick(("", "", f"-{self.story.id}", f"_{self.rng.randint(1, 9)}"))
        if roll < 0.75:
            kind = self.pick(("post", "article", "news", "story", "node", "item", "c", "block"))
            return f"{kind}-{self.token(6, string.digits)}"
        return self.pick(string.ascii_lowercase) + self.token(7, string.ascii_lowercase + string.digits)

    def tag(self, name: str, pool: tuple[str, ...] | None, inner: str, id_pool: tuple[str, ...] | None = None,
            extra: str = "", class_chance: float = 0.85) -> str:
        cls = self.cls(pool) if pool and self.chance(class_chance) else None
        return f"<{name}{_attr(cls=cls, id=self.ident(id_pool))}{extra}>{inner}</{name}>"

    def fur(self, text: str) -> str:
        """Furniture text: recorded for the manifest, escaped for the page."""
        self.furniture.append(text)
        return escape(text)

    def other(self) -> Story:
        story = self.others[self._next_other % len(self.others)]
        self._next_other += 1
        return story

    def other_link(self, extra: str = "") -> str:
        story = self.other()
        return f'<a href="{escape(story.path)}"{extra}>{self.fur(story.headline)}</a>'


# ---------------------------------------------------------------- truth choices

def _dateline(seed: int, story: Story) -> tuple[str | None, str | None, str]:
    """(place, the text that opens the first paragraph, form). Keyed on the text, so a
    story republished under another URL keeps its dateline."""
    rng = random.Random(f"dateline:{seed}:{story.paragraphs[0]}")
    if rng.random() < 0.15:
        return None, None, "none"
    city = story.dateline if story.dateline and rng.random() < 0.4 else rng.choice(V.CITIES)
    dash = rng.choice(V.DASHES)
    before = rng.choice((" ", " ", " ", ""))
    form = rng.choice(("agency", "agency", "agency", "plain", "plain", "paper", "paper", "colon", "colon",
                       "country", "paren", "elaph", "agency-plain"))
    place = city
    if form == "agency":  # «جنيف (أ ف ب) -», «واشنطن (رويترز) –»
        dash = rng.choice(V.AGENCY_DASHES)
        end = rng.choice((f" {dash} ", f" {dash} ", ": ", " - ", f"{dash} ", " "))
        text = f"{city} ({rng.choice(V.AGENCIES)}){end}"
    elif form == "country" and city in V.COUNTRIES:  # «دمشق، سوريا (CNN) --»
        place = f"{city}، {V.COUNTRIES[city]}"
        text = f"{place} ({rng.choice(V.AGENCIES)}) {rng.choice(('--', '-', '–'))} "
    elif form == "paper":  # «القاهرة - "الشرق الأوسط":», «لندن - إيلاف:»
        paper = rng.choice(V.PAPERS)
        quoted = rng.choice((f'"{paper}"', f"«{paper}»", paper, paper))
        end = rng.choice((":", ":", " -", "")) if quoted != paper else rng.choice((":", ":", " -"))
        text = f"{city}{before}{dash} {quoted}{end} "
    elif form == "colon":  # «بيروت: »
        text = f"{city}{rng.choice((':', ':', ' :'))} "
    elif form == "paren":  # «(بيروت) -»
        text = f"({city}) {rng.choice(('- ', '– ', ''))}"
    elif form == "elaph":  # «إيلاف من لندن:»
        text = f"إيلاف من {city}{rng.choice((':', ':', ' -'))} "
    elif form == "agency-plain":  # «الرياض - واس:»
        text = f"{city}{before}{dash} {rng.choice(V.AGENCIES)}{rng.choice((':', ':', ''))} "
    else:  # «الخرطوم ـ»
        form = "plain"
        text = f"{city}{before}{dash} "
    return place, text, form


def _authors(rng: random.Random) -> tuple[list[str], bool]:
    """Names of the story's writers (none, one or two) and whether all are women."""
    people = []
    for _ in range(rng.choices((0, 1, 2), (0.22, 0.66, 0.12))[0]):
        female = rng.random() < 0.35
        middle = f" {rng.choice(V.MALE)}" if rng.random() < 0.25 else ""
        people.append((f"{rng.choice(V.FEMALE if female else V.MALE)}{middle} {rng.choice(V.FAMILY)}", female))
    names = list(dict.fromkeys(name for name, _ in people))
    return names, bool(people) and all(female for _, female in people)


# ---------------------------------------------------------------- dates

def _visible_date(rng: random.Random, moment: datetime) -> tuple[str, bool]:
    """A printed date (London time, as the rest of the mirror) and whether it keeps the time."""
    local = moment.astimezone(LONDON)
    hour12, marker = local.hour % 12 or 12, "ص" if local.hour < 12 else "م"
    weekday = WEEKDAYS[local.weekday()]
    gulf, lev = GULF[local.month - 1], LEVANTINE[local.month - 1]
    month = rng.choice((gulf, gulf, lev))
    kind = rng.randrange(8)
    if kind == 0:
        return f"{weekday} {local.day} {month} {local.year} - {hour12:02d}:{local.minute:02d} {marker}", True
    if kind == 1:
        return f"{weekday}، {local.day:02d} {month} {local.year} {hour12:02d}:{local.minute:02d} {marker}", True
    if kind == 2:
        return f"{local:%d/%m/%Y} - {local:%H:%M}", True
    if kind == 3:
        return f"{local:%Y-%m-%d %H:%M}", True
    if kind == 4:
        return f"{weekday} {local.day} / {local.month} / {local.year}".translate(ARABIC_DIGITS), False
    if kind == 5:
        return f"{local.day} {month} {local.year}", False
    if kind == 6:
        return f"{weekday}، {local.day} {lev}/{gulf} {local.year}، {local:%H:%M}", True
    return f"{local.day} {gulf} {local.year} {local:%H:%M}".translate(ARABIC_DIGITS), True


def _comment_date(rng: random.Random, moment: datetime) -> str:
    if rng.random() < 0.3:
        hours = rng.randint(1, 23)
        return rng.choice((f"منذ {hours} ساعات", f"قبل {hours} ساعة", "منذ يومين", "منذ دقائق"))
    return _visible_date(rng, moment + timedelta(minutes=rng.randint(5, 60 * 72)))[0]


# ---------------------------------------------------------------- head

def _head(ctx: Ctx, authors: list[str], byline: str, signals: set[str], first_text: str) -> str:
    story = ctx.story
    headline, site = escape(story.headline), V.SITE
    title = ctx.pick((f"{headline} | {site}", f"{headline} - {site}", f"{site} | {headline}", headline,
                      f"{headline} - {site} - {V.SECTION_LABELS[story.section]}"))
    description = escape(first_text[:ctx.rng.randint(110, 160)].rstrip() + ctx.pick(("...", "…", "")))
    lines = [ctx.pick(('<meta charset="utf-8">', '<meta charset="UTF-8">',
                       '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')),
             '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{title}</title>",
             f'<meta name="description" content="{description}">']
    if ctx.chance(0.6):
        lines.append(f'<link rel="canonical" href="{REAL_ORIGIN}{story.path}">')
    og_type = ctx.chance(0.5)
    ctx.markup["og_type_article"] = og_type
    if ctx.chance(0.8):
        lines += [f'<meta property="og:title" content="{ctx.pick((headline, f"{headline} - {site}"))}">',
                  f'<meta property="og:site_name" content="{site}">',
                  f'<meta property="og:image" content="{image_url(story)}">',
                  f'<meta property="og:description" content="{description}">']
        if not og_type and ctx.chance(0.5):
            lines.append('<meta property="og:type" content="website">')
    if og_type:
        lines.append('<meta property="og:type" content="article">')
    if "meta" in signals:
        lines.append(f'<meta property="article:published_time" content="{story.published.isoformat()}">')
    if byline == "meta" or (authors and ctx.chance(0.2)):
        lines.append(f'<meta name="author" content="{escape("، ".join(authors))}">')
    elif byline == "meta-site":
        lines.append(f'<meta name="author" content="{site}">')
    if ctx.chance(0.5):
        lines.append('<meta name="twitter:card" content="summary_large_image">')
    lines.append(f'<link rel="stylesheet" href="/assets/css/{ctx.token(8).lower()}.css">')
    if "jsonld" in signals or byline == "jsonld":
        lines.append(_jsonld(ctx, authors, "jsonld" in signals))
    if ctx.chance(0.5):
        data = {"event": "pageview", "section": story.section, "articleId": str(story.id),
                "pageType": ctx.pick(("article", "news", "story", "detail"))}
        lines.append(f"<script>window.dataLayer = window.dataLayer || []; dataLayer.push({json.dumps(data)});</script>")
    if ctx.chance(0.4):
        lines.append('<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>')
    return "\n".join(lines)


def _jsonld(ctx: Ctx, authors: list[str], dated: bool) -> str:
    """A NewsArticle (or Article, …) block; authors as an object, an array, a string,
    with URLs, or as @id references into an @graph (Yoast's shape)."""
    story = ctx.story
    kind = ctx.pick(("NewsArticle", "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting"))
    ctx.markup["jsonld"] = kind
    data: dict = {"@context": "https://schema.org", "@type": kind, "headline": story.headline,
                  "image": [image_url(story)], "mainEntityOfPage": REAL_ORIGIN + story.path}
    if dated:
        data["datePublished"] = story.published.isoformat()
        if ctx.chance(0.5):
            data["dateModified"] = (story.published + timedelta(minutes=ctx.rng.randint(0, 900))).isoformat()
    people = [{"@type": "Person", "name": a} for a in authors]
    form = ctx.pick(("object", "array", "array", "string", "url", "graph")) if people else "none"
    ctx.markup["jsonld_author"] = form
    if form == "object" and len(people) == 1:
        data["author"] = people[0]
    elif form == "string" and len(people) == 1:
        data["author"] = authors[0]
    elif form == "url":
        data["author"] = [dict(p, url=f"{REAL_ORIGIN}/author/{ctx.rng.randint(100, 9999)}") for p in people]
    elif form == "none" and ctx.chance(0.5):
        data["author"] = {"@type": "Organization", "name": V.SITE}
    elif form not in ("graph", "none"):
        data["author"] = people
    data["publisher"] = {"@type": "Organization", "name": V.SITE,
                         "logo": {"@type": "ImageObject", "url": f"{REAL_ORIGIN}/logo.png"}}
    if form == "graph":
        ids = [f"{REAL_ORIGIN}/#/schema/person/{ctx.token(10).lower()}" for _ in people]
        data["author"] = [{"@id": i} for i in ids] if len(ids) > 1 else {"@id": ids[0]}
        del data["@context"]
        nodes = [dict(p, **{"@id": i}) for p, i in zip(people, ids, strict=True)]
        website = {"@type": "WebSite", "name": V.SITE, "url": REAL_ORIGIN}
        data = {"@context": "https://schema.org", "@graph": [data, *nodes, website]}
    text = json.dumps(data, ensure_ascii=ctx.chance(0.3), indent=ctx.pick((None, 2)))
    return f'<script type="application/ld+json">{text}</script>'


# ---------------------------------------------------------------- furniture

def _site_header(ctx: Ctx) -> str:
    nav = ctx.rng.sample(V.NAV, ctx.rng.randint(6, 12))
    items = "".join(f'<li><a href="/{i}/">{ctx.fur(n)}</a></li>' for i, n in enumerate(nav))
    out = [f'<a href="/" class="{ctx.pick(V.LOGO)}">{V.SITE}</a>', ctx.tag("nav", V.NAV_BAR, f"<ul>{items}</ul>")]
    if ctx.chance(0.4):
        ticker = "".join(f"<li>{ctx.other_link()}</li>" for _ in range(ctx.rng.randint(2, 5)))
        out.append(ctx.tag("div", V.TICKER_BAR, f"<span>{ctx.fur(ctx.pick(V.TICKER))}</span><ul>{ticker}</ul>"))
    if ctx.chance(0.25):  # today's date, not the story's
        today, _ = _visible_date(ctx.rng, datetime(2026, 1, 1, 9, 30, tzinfo=LONDON))
        out.append(f'<span class="{ctx.pick(V.CLOCK)}">{ctx.fur(today)}</span>')
    return ctx.tag("header", V.SITE_HEADER, ctx.nl + ctx.nl.join(out) + ctx.nl, ("header", "theme-header"))


def _crumbs(ctx: Ctx) -> str:
    story = ctx.story
    parts = [f'<a href="/">{ctx.fur(ctx.pick(V.HOME))}</a>',
             f'<a href="/Web/{story.section}/">{ctx.fur(V.SECTION_LABELS[story.section])}</a>']
    if ctx.chance(0.3):
        parts.append(f"<span>{ctx.fur(story.headline[:ctx.rng.randint(20, 45)])}</span>")
    tag = ctx.pick(("div", "nav", "ol", "ul", "p"))
    if tag in ("ol", "ul"):
        inner = "".join(f"<li>{p}</li>" for p in parts)
    else:
        inner = f" <span>{escape(ctx.pick(V.CRUMB_SEPARATORS))}</span> ".join(parts)
    aria = ' aria-label="breadcrumb"' if ctx.chance(0.3) else ""
    return ctx.tag(tag, V.CRUMB, inner, extra=aria, class_chance=1)


def _share(ctx: Ctx) -> str:
    nets = ctx.rng.sample(V.SHARE_NETWORKS, ctx.rng.randint(2, 5))
    links = "".join(f'<a href="#" class="{ctx.pick(V.SHARE_LINK)}-{i}">{ctx.fur(n)}</a>' for i, n in enumerate(nets))
    tools = "".join(f"<button>{ctx.fur(t)}</button>" for t in ctx.rng.sample(V.SHARE_TOOLS, 2)) \
        if ctx.chance(0.4) else ""
    label = f"<span>{ctx.fur(ctx.pick(V.SHARE_LABELS))}</span>" if ctx.chance(0.8) else ""
    return ctx.tag("div", V.SHARE, label + links + tools, class_chance=1)


def _figure(ctx: Ctx) -> str:
    image, caption = image_url(ctx.story), ctx.pick(V.CAPTIONS)
    if ctx.chance(0.5):
        return ctx.tag("figure", V.FIGURE, f'<img src="{image}" alt=""><figcaption>{ctx.fur(caption)}</figcaption>')
    return ctx.tag("div", V.IMAGE_BOX, f'<img src="{image}" alt="" class="img-responsive">'
                                       f'<span class="{ctx.pick(V.CAPTION)}">{ctx.fur(caption)}</span>')


def _link_list(ctx: Ctx, headings: tuple[str, ...]) -> str:
    """A related or most-read box of other stories' headlines."""
    count = ctx.rng.randint(3, 8)
    heading_tag = ctx.pick(("h2", "h3", "h4", "div", "span"))
    heading = f'<{heading_tag} class="{ctx.pick(V.LIST_HEADING)}">{ctx.fur(ctx.pick(headings))}</{heading_tag}>'
    shape = ctx.rng.randrange(3)
    if shape == 0:
        tag = ctx.pick(("ul", "ol"))
        listing = f"<{tag}>{''.join(f'<li>{ctx.other_link()}</li>' for _ in range(count))}</{tag}>"
    elif shape == 1:  # cards, each headline an <h3>
        cards = []
        for _ in range(count):
            other = ctx.other()
            link, date = escape(other.path), _visible_date(ctx.rng, other.published)[0]
            title = f'<h3><a href="{link}">{ctx.fur(other.headline)}</a></h3>'
            cards.append(f'<article class="{ctx.pick(V.CARD)}"><a href="{link}"><img src="/img/{other.id}.jpg" alt="">'
                         f"</a>{title}<span>{escape(date)}</span></article>")
        listing = "".join(cards)
    else:
        listing = "".join(f'<div class="{ctx.pick(V.LIST_ITEM)}">{ctx.other_link()}</div>' for _ in range(count))
    return ctx.tag(ctx.pick(("div", "section", "aside", "div")), V.RELATED, heading + listing, class_chance=1)


def _tags(ctx: Ctx) -> str:
    words = ctx.rng.sample(V.TAG_WORDS, ctx.rng.randint(2, 5))
    links = "".join(f'<a href="/tags/{escape(w)}">{ctx.fur(w)}</a>' for w in words)
    return ctx.tag("div", V.TAGS, f"<span>{ctx.fur(ctx.pick(V.TAG_LABELS))}</span>{links}")


def _newsletter(ctx: Ctx) -> str:
    form = (f'<form><input type="email" placeholder="{escape(ctx.pick(V.NEWSLETTER_PLACEHOLDERS))}">'
            f"<button>{ctx.fur(ctx.pick(V.NEWSLETTER_BUTTONS))}</button></form>")
    return ctx.tag("div", V.NEWSLETTER_BOX, f"<p>{ctx.fur(ctx.pick(V.NEWSLETTER))}</p>{form}")


def _app(ctx: Ctx) -> str:
    text = ctx.pick(V.APP + V.FOLLOW).format(site=V.SITE)
    return ctx.tag("div", V.APP_BOX, f'<a href="#">{ctx.fur(text)}</a>')


def _prev_next(ctx: Ctx) -> str:
    prev, nxt = ctx.pick(V.PREV_NEXT)
    before, after = ctx.other_link(' rel="prev"'), ctx.other_link(' rel="next"')
    return ctx.tag("div", V.PREV_NEXT_BOX, f"<div><span>{ctx.fur(prev)}</span> {before}</div>"
                                           f"<div><span>{ctx.fur(nxt)}</span> {after}</div>")


def _footer(ctx: Ctx) -> str:
    links = "".join(f'<a href="/p/{i}">{ctx.fur(t)}</a>'
                    for i, t in enumerate(ctx.rng.sample(V.FOOTER_LINKS, ctx.rng.randint(3, 6))))
    year = ctx.pick((2024, 2025, 2026, ctx.story.published.year))
    notice = ctx.pick(V.COPYRIGHT).format(site=V.SITE, year=year)
    extra = f"<p>{ctx.fur(ctx.pick(V.COPYRIGHT_EXTRA))}</p>" if ctx.chance(0.3) else ""
    return ctx.tag(ctx.pick(("footer", "div")), V.FOOTER, f"<div>{links}</div><p>{ctx.fur(notice)}</p>{extra}",
                   ("footer", "theme-footer", "copyrights"), class_chance=1)


# ---------------------------------------------------------------- the article

def _byline(ctx: Ctx, form: str, names: list[str], female: bool, place: str | None) -> str:
    """«بقلم: فلان», «كتب - فلان», «فلان - القاهرة» or an author box with links."""
    joined = ctx.pick((" و", " و ")).join(names)
    linked = [f'<a href="/author/{ctx.rng.randint(10, 9999)}"{_attr(rel="author" if ctx.chance(0.5) else None)}>'
              f"{escape(n)}</a>" for n in names]
    if form == "bakalam":
        prefix = ctx.pick(("بقلم: ", "بقلم ", "بقلم : ", "إعداد: ", "تقرير: ", "حوار: ", "متابعة: "))
        text = escape(prefix) + (" و".join(linked) if ctx.chance(0.4) else escape(joined))
    elif form == "kataba":
        verb = "كتبت" if female else "كتب"
        text = escape(ctx.pick((f"{verb} - ", f"{verb}: ", f"{verb} ", f"{verb} ـ ")) + joined)
    elif form == "name-place":
        where = place.split("،")[0] if place else ctx.pick(V.CITIES)
        text = escape(f"{joined}{ctx.pick((' - ', ' – ', ' ـ '))}{where}")
    else:  # an author box
        text = escape(ctx.pick(("", "", "الكاتب: ", "بواسطة ", "المحرر: "))) + " ".join(linked)
    tag = ctx.pick(("div", "span", "p", "div"))
    extra = ' itemprop="author" itemscope itemtype="https://schema.org/Person"' \
        if ctx.markup["microdata"] and ctx.chance(0.6) else ""
    return f'<{tag} class="{ctx.cls(V.AUTHOR, utility=0.1)}"{extra}>{text}</{tag}>'


def _date(ctx: Ctx, signals: set[str]) -> str:
    """The printed publication date, sometimes in <time>, with an update stamp or a
    reading time beside it."""
    story = ctx.story
    text, has_time = _visible_date(ctx.rng, story.published)
    signals.add("visible" if has_time else "visible-day")
    if "time" in signals:
        inner = f'<time datetime="{story.published.isoformat()}">{escape(text)}</time>'
    elif ctx.markup["microdata"]:
        signals.add("microdata")
        inner = f'<span itemprop="datePublished" content="{story.published.isoformat()}">{escape(text)}</span>'
    else:
        inner = escape(text)
    label = ctx.pick(V.PUBLISHED)
    label_html = f"<span>{ctx.fur(label)}</span> " if label else ""
    out = ctx.tag(ctx.pick(("span", "div", "p")), V.DATE, label_html + inner, class_chance=1)
    if ctx.chance(0.25):
        updated, _ = _visible_date(ctx.rng, story.published + timedelta(hours=ctx.rng.randint(1, 60)))
        out += (f' <span class="{ctx.pick(V.UPDATED_BOX)}">{ctx.fur(ctx.pick(V.UPDATED))} '
                f"{ctx.fur(updated)}</span>")
    if ctx.chance(0.2):
        reading = ctx.pick(V.READING_TIME).format(n=ctx.rng.randint(2, 7))
        out += f' <span class="{ctx.pick(V.READING_BOX)}">{ctx.fur(reading)}</span>'
    return out


def _box(ctx: Ctx) -> str:
    """A box among the paragraphs: «اقرأ أيضاً» with another story's headline, a list
    of them, an ad, a captioned image or a follow prompt."""
    kind = ctx.pick(("read", "read", "read", "ad", "ad", "figure", "follow", "list"))
    label = ctx.pick(V.READ_ALSO)
    if kind == "read":
        shape = ctx.rng.randrange(4)
        if shape == 0:
            return f"<p><strong>{ctx.fur(label)}:</strong> {ctx.other_link()}</p>"
        if shape == 1:
            return ctx.tag("div", V.INLINE, f"<span>{ctx.fur(label)}</span> {ctx.other_link()}")
        if shape == 2:
            return ctx.tag("aside", V.INLINE, f"<h4>{ctx.fur(label)}</h4>{ctx.other_link()}")
        return f"<p>{ctx.fur(label)}: {ctx.other_link()}</p>"
    if kind == "list":
        items = "".join(f"<li>{ctx.other_link()}</li>" for _ in range(ctx.rng.randint(2, 3)))
        return ctx.tag("div", V.INLINE, f"<h3>{ctx.fur(ctx.pick(V.RELATED_HEADINGS))}</h3><ul>{items}</ul>")
    if kind == "ad":
        slot = f"div-gpt-ad-{ctx.token(13, string.digits)}-0"
        shape = ctx.rng.randrange(3)
        if shape == 0:
            script = f"<script>googletag.cmd.push(function() {{ googletag.display('{slot}'); }});</script>"
            return f'<div{_attr(cls=ctx.cls(V.ADS), id=slot)}>{script}</div>'
        if shape == 1:
            return ctx.tag("div", V.ADS, f'<span>{ctx.fur(ctx.pick(V.ADS_LABELS))}</span><div id="{slot}"></div>')
        return ('<ins class="adsbygoogle" style="display:block" data-ad-format="fluid"></ins>'
                "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>")
    if kind == "figure":
        return _figure(ctx)
    text = ctx.pick(V.FOLLOW + V.APP).format(site=V.SITE)
    return f'<p><a href="#">{ctx.fur(text)}</a></p>' if ctx.chance(0.5) else f"<p>{ctx.fur(text)}</p>"


def _inline(ctx: Ctx, style: str) -> tuple[str, str]:
    """("line", html) for a «اقرأ أيضاً» line of text among <br>-separated paragraphs,
    else ("box", html)."""
    if style in BR_STYLES and ctx.chance(0.35):
        label = ctx.pick(V.READ_ALSO) + ctx.pick((":", " :", ""))
        return "line", f"<strong>{ctx.fur(label)}</strong> {ctx.other_link()}"
    return "box", _box(ctx)


def _first_paragraph(ctx: Ctx, dateline: str | None) -> str:
    story = ctx.story
    first = story.paragraphs[0]
    if not dateline:
        return _text(story, first)
    wrap = ctx.pick(("plain", "plain", "plain", "strong", "span", "b-whole"))
    ctx.markup["dateline_wrap"] = wrap
    if wrap == "strong":
        return f"<strong>{_text(story, dateline.rstrip())}</strong> {_text(story, first)}"
    if wrap == "span":
        box = ctx.pick(V.DATELINE_BOX)
        return f'<span class="{box}">{_text(story, dateline.rstrip())}</span> {_text(story, first)}'
    if wrap == "b-whole":
        return f"<b>{_text(story, dateline + first)}</b>"
    return _text(story, dateline + first)


def _body(ctx: Ctx, dateline: str | None, byline_in_body: str | None) -> tuple[str, bool]:
    """The article's paragraphs with boxes between them (never inside one); True if
    furniture sits inside the body's container."""
    story, nl = ctx.story, ctx.nl
    style = ctx.pick(("p", "p", "p", "p-attr", "div", "br2", "br2", "br1", "p-br", "span-p", "split"))
    ctx.markup["paragraphs"] = style
    texts = [_first_paragraph(ctx, dateline), *(_text(story, p) for p in story.paragraphs[1:])]
    boxes: dict[int, list[tuple[str, str]]] = {}
    for _ in range(ctx.rng.choices((0, 1, 2, 3), (0.2, 0.4, 0.28, 0.12))[0]):
        at = ctx.rng.randint(1, len(texts)) if ctx.chance(0.9) else 0
        boxes.setdefault(at, []).append(_inline(ctx, style))
    pieces: list[tuple[str, str]] = [("box", byline_in_body)] if byline_in_body else []
    for index, text in enumerate(texts):
        pieces += boxes.get(index, [])
        pieces.append(("para", text))
    pieces += boxes.get(len(texts), [])

    p_attrs = ctx.pick((' dir="rtl" style="text-align: justify;"', ' style="text-align: right;"',
                        f' class="{ctx.pick(V.PARAGRAPH)}"', ' dir="RTL"'))
    span_style = ctx.pick(("font-size: 16px;", "font-family: arial, helvetica, sans-serif;", "color:#000000;"))
    sep = ctx.pick(("<br /><br />", "<br><br>", "<br/>\n<br/>", "<br />\n<br />"))
    out = []
    for kind, html in pieces:
        if kind == "box":
            out.append(html)
        elif style in ("br2", "p-br"):
            out.append(html + sep)
        elif style == "br1":
            out.append(html + "<br />")
        elif kind == "line" or style in ("p", "split"):
            out.append(f"<p>{html}</p>")
        elif style == "p-attr":
            out.append(f"<p{p_attrs}>{html}</p>")
        elif style == "div":
            out.append(f"<div>{html}</div>")
        else:
            out.append(f'<p><span style="{span_style}">{html}</span></p>')
    if style == "p-br":  # one <p> holds the text; a box closes it and opens the next
        merged, run = [], []
        for (kind, _), html in zip(pieces, out, strict=True):
            if kind != "box":
                run.append(html)
                continue
            if run:
                merged.append("<p>" + nl.join(run) + "</p>")
                run = []
            merged.append(html)
        out = merged + (["<p>" + nl.join(run) + "</p>"] if run else [])
    if style in ("p", "p-attr", "span-p") and ctx.chance(0.25):
        out.insert(ctx.rng.randint(1, len(out)), "<p>&nbsp;</p>")

    body_cls = ctx.cls(V.BODY)
    body_id = ctx.ident(V.BODY_IDS, 0.4)
    extra = ' itemprop="articleBody"' if ctx.markup["microdata"] and ctx.chance(0.7) else ""
    tag = ctx.pick(("div", "div", "div", "section", "article"))
    ctx.markup["body"] = f"{tag}.{body_cls.split()[0]}" + (f"#{body_id}" if body_id else "")
    if style == "split":  # several containers of one class, the boxes between them
        chunks, run = [], []
        for (kind, _), html in zip(pieces, out, strict=True):
            if kind == "para":
                run.append(html)
                continue
            if run:
                chunks.append(f'<{tag} class="{body_cls}"{extra}>{nl}{nl.join(run)}{nl}</{tag}>')
                run = []
            chunks.append(html)
        if run:
            chunks.append(f'<{tag} class="{body_cls}"{extra}>{nl}{nl.join(run)}{nl}</{tag}>')
        return nl.join(chunks), False
    inner = nl.join(out)
    if ctx.chance(0.3):  # one more layer inside the container
        inner = ctx.tag("div", V.BODY_INNER, nl + inner + nl)
    return f"<{tag}{_attr(cls=body_cls, id=body_id)}{extra}>{nl}{inner}{nl}</{tag}>", bool(boxes or byline_in_body)


# ---------------------------------------------------------------- comments

def _form(ctx: Ctx) -> str:
    name, mail, text, title = (ctx.pick(labels) for labels in V.FORM_LABELS)
    fields = [f'<label for="author">{ctx.fur(name)}</label><input id="author" name="author" type="text">']
    if ctx.chance(0.6):
        fields.append(f'<label for="email">{ctx.fur(mail)}</label><input id="email" name="email" type="email">')
    if ctx.chance(0.25):
        fields.append(f'<label>{ctx.fur(title)}</label><input name="subject" type="text">')
    placeholder = f' placeholder="{escape(text)}"' if ctx.chance(0.5) else ""
    fields.append(f'<label for="comment">{ctx.fur(text)}</label>'
                  f'<textarea id="comment" name="comment" rows="6"{placeholder}></textarea>')
    fields.append(f'<input type="submit" value="{escape(ctx.pick(V.SUBMIT))}">' if ctx.chance(0.5)
                  else f'<button type="submit">{ctx.fur(ctx.pick(V.SUBMIT))}</button>')
    notes = f"<p>{ctx.fur(ctx.pick(V.COMMENT_RULES))}</p>" if ctx.chance(0.6) else ""
    form_id = ctx.pick(V.FORM_IDS) if ctx.chance(0.75) else None
    form = f'<form{_attr(id=form_id)} method="post">{"".join(fields)}</form>'
    return ctx.tag("div", V.FORM_BOX, f"<h3>{ctx.fur(ctx.pick(V.COMMENT_HEADINGS))}</h3>{notes}{form}", V.FORM_BOX_IDS,
                   class_chance=0.7)


def _comment(ctx: Ctx, style: str, name: str, date: str, text: str, title: str | None, replies: str,
             number: int) -> str:
    """One comment: who, when, what (and a title on some sites), in the thread's style."""
    micro = ctx.markup["comment_microdata"]
    title_html = f"<strong>{escape(title)}</strong>" if title else ""
    if micro:
        author = f'<span itemprop="author">{escape(name)}</span>'
        when = f'<time itemprop="dateCreated">{escape(date)}</time>'
        body = f'<div itemprop="text">{escape(text)}</div>'
    else:
        name_tag = ctx.pick(("b", "span", "cite", "strong"))
        author = f'<{name_tag} class="{ctx.pick(V.COMMENT_NAME)}">{escape(name)}</{name_tag}>'
        when = f'<span class="{ctx.pick(V.COMMENT_DATE)}">{escape(date)}</span>'
        box = ctx.pick(V.COMMENT_TEXT)
        body = ctx.pick((f"<p>{escape(text)}</p>", f'<div class="{box}"><p>{escape(text)}</p></div>',
                         f'<div class="{box}">{escape(text)}</div>'))
    reply = ""
    if ctx.chance(0.5):
        reply = f'<a class="{ctx.pick(V.COMMENT_REPLY)}" href="#">{escape(ctx.pick(V.REPLY))}</a>'
    attrs = ' itemprop="comment" itemscope itemtype="https://schema.org/Comment"' if micro else ""
    item_cls = ctx.markup["comment_item_class"]
    prefix = ctx.markup["comment_id_prefix"]
    ident = f' id="{prefix}{number}"' if prefix else ""
    if style == "wp":  # WordPress's comment list
        meta = (f'<footer class="comment-meta"><div class="comment-author vcard">{author} '
                f'<span class="says">{escape(ctx.pick(V.SAYS))}</span></div>'
                f'<div class="comment-metadata">{when}</div></footer>')
        return (f'<li{ident} class="{item_cls} depth-1"{attrs}><article class="comment-body">{meta}'
                f"{title_html}{body}{reply}</article>{replies}</li>")
    if style == "table":
        return (f'<tr class="{item_cls}"><td>{author}</td><td>{when}</td></tr>'
                f'<tr><td colspan="2">{title_html}{body}</td></tr>')
    if style == "dl":
        return f"<dt{ident}>{author} {when}</dt><dd>{title_html}{body}</dd>"
    parts = [f'<div class="{ctx.pick(V.COMMENT_HEAD)}">{author} {when}</div>', title_html, body, reply]
    if ctx.chance(0.3):
        votes = "".join(f"<button>{escape(w)} {ctx.rng.randint(0, 40)}</button>" for w in V.LIKES[:2])
        parts.append(f'<div class="{ctx.pick(V.COMMENT_VOTES)}">{votes}</div>')
    tag = "li" if style == "ul" else "div"
    return f'<{tag}{ident} class="{item_cls}"{attrs}>{"".join(parts)}{replies}</{tag}>'


def _comments(ctx: Ctx) -> tuple[str, list[str]]:
    """The reader-comment section: counter, rules, thread (with replies), form; and
    the comment texts it shows."""
    story = ctx.story
    own = [story.headline, *story.paragraphs]
    words = " ".join(story.paragraphs).split()
    style = ctx.pick(("wp", "wp", "div", "div", "ul", "ul", "table", "dl", "embed"))
    threads = 0 if style == "embed" else thread_size(ctx.rng)
    ctx.markup.update(comments=style, comment_microdata=style in ("ul", "div") and ctx.chance(0.4),
                      comment_item_class=ctx.cls(V.THREAD_ITEM, utility=0.0) if ctx.chance(0.8) else "c",
                      comment_id_prefix=ctx.pick(("comment-", "c", "cmt_", "", "reply-")))
    titled = ctx.chance(0.15)
    texts: list[str] = []
    posted = [0]

    def one(number: int, depth: int) -> str:
        for _ in range(20):
            text = comment_text(ctx.rng, words)
            if not any(text in p for p in own):
                break
        title = None
        if titled:
            title = " ".join(comment_text(ctx.rng, []).split()[:ctx.rng.randint(2, 5)]).strip("،.:!")
            title = title if title and not any(title in p for p in own) else None
        name, date = ctx.pick(V.READERS), _comment_date(ctx.rng, story.published)
        texts.extend(t for t in (title, text) if t)
        posted[0] += 1
        replies = ""
        if style in ("wp", "ul", "div") and depth < 2 and ctx.chance(0.15):
            inner = "".join(one(number * 10 + k, depth + 1) for k in range(ctx.rng.randint(1, 2)))
            tag = "div" if style == "div" else ctx.pick(("ol", "ul"))
            replies = f'<{tag} class="{ctx.pick(V.COMMENT_CHILDREN)}">{inner}</{tag}>'
        return _comment(ctx, style, name, date, text, title, replies, number)

    items = "".join(one(1000 + number * 7, 0) for number in range(1, threads + 1))
    ctx.markup["comment_count"] = posted[0]
    counter_text = ctx.pick(V.COMMENT_COUNTERS).format(n=posted[0]) if threads else ctx.pick(V.NO_COMMENTS)
    counter_tag = ctx.pick(("h3", "h2", "div", "span", "h4"))
    counter = f'<{counter_tag} class="{ctx.pick(V.COMMENT_COUNTER)}">{ctx.fur(counter_text)}</{counter_tag}>'
    if style == "embed":  # a Disqus or Facebook thread the page loads with script
        facebook = f'<div class="fb-comments" data-href="{REAL_ORIGIN}{story.path}" data-numposts="10"></div>'
        listing = ctx.pick(('<div id="disqus_thread"></div>', facebook))
    elif style == "wp":
        listing = f'<ol class="{ctx.pick(V.COMMENT_LIST)}">{items}</ol>'
    elif style == "ul":
        listing = f'<ul{_attr(cls=ctx.cls(V.THREAD) if ctx.chance(0.6) else None)}>{items}</ul>'
    elif style == "table":
        listing = f'<table{_attr(cls=ctx.cls(V.THREAD))} width="100%">{items}</table>'
    elif style == "dl":
        listing = f"<dl>{items}</dl>"
    else:
        listing = items
    more = f'<a href="#" class="{ctx.pick(V.LOAD_MORE)}">{ctx.fur(ctx.pick(V.LOAD_MORE_TEXTS))}</a>' \
        if threads > 20 and ctx.chance(0.6) else ""
    rules = f'<p class="{ctx.pick(V.COMMENT_RULES_BOX)}">{ctx.fur(ctx.pick(V.COMMENT_RULES))}</p>' \
        if ctx.chance(0.6) else ""
    form = _form(ctx) if ctx.chance(0.85) else ""
    order = [counter, rules, listing, more, form] if ctx.chance(0.6) else [counter, form, rules, listing, more]
    container = ctx.pick(("section", "aside", "div", "div"))
    if ctx.chance(0.55):  # named after comments (or readers, feedback, ta3liqat, …)
        cls, ident = ctx.cls(V.THREAD), ctx.pick((*V.THREAD_IDS, None, None))
    else:
        cls, ident = ctx.cls(V.NEUTRAL_BOX), ctx.ident(chance=0.6)
    ctx.markup["comments_container"] = f"{container}.{cls.split()[0]}"
    inner = ctx.nl.join(p for p in order if p)
    return f"<{container}{_attr(cls=cls, id=ident)}>{inner}</{container}>", texts


# ---------------------------------------------------------------- the page

def _header(ctx: Ctx, headline: str, meta: str, crumbs: str, share: str) -> str:
    """Headline and meta line in either order, with a section label, breadcrumbs or a
    share bar above or below, wrapped in a header or not."""
    story, nl = ctx.story, ctx.nl
    parts = [headline, meta] if ctx.chance(0.7) else [meta, headline]
    if ctx.chance(0.35):
        label = ctx.fur(V.SECTION_LABELS[story.section])
        parts.insert(0, f'<a class="{ctx.pick(V.KICKER)}" href="/Web/{story.section}/">{label}</a>')
    if crumbs:
        parts.insert(0, crumbs)
    if share:
        parts.append(share)
    if ctx.chance(0.65):
        return ctx.tag(ctx.pick(("header", "div", "div")), V.HEADER, nl + nl.join(parts) + nl)
    return nl.join(parts)


def _meta(ctx: Ctx, items: list[str]) -> str:
    ctx.rng.shuffle(items)
    tag = ctx.pick(("div", "p", "div", "ul"))
    if tag == "p" and any("<div" in m or "<p" in m for m in items):
        tag = "div"  # a <p> holds only inline parts
    if tag == "ul":
        return ctx.tag(tag, V.META, "".join(f"<li>{m}</li>" for m in items))
    return ctx.tag(tag, V.META, " ".join(items))


def article(story: Story, seed: int, corpus: list[Story]) -> Page:
    """The page of ``story`` for markup seed ``seed``; ``corpus`` gives the other stories
    its boxes and lists link to (never a copy or follow-up of this one)."""
    rng = random.Random(f"markup:{seed}:{story.id}")
    related_to = {story.headline, story.duplicate_of, story.followup_of}
    others = [s for s in corpus if s.id != story.id and s.headline not in related_to
              and story.headline not in (s.duplicate_of, s.followup_of)]
    rng.shuffle(others)
    ctx = Ctx(rng, story, others, nl="\n" if rng.random() < 0.7 else "")
    ctx.markup.update(seed=seed, microdata=ctx.chance(0.25))
    nl = ctx.nl

    # The truth: dateline, authors and how the page shows them.
    place, dateline, form = _dateline(seed, story)
    ctx.markup["dateline_form"] = form
    names, female = _authors(rng)
    if names:
        visible = ctx.pick(("bakalam", "kataba", "kataba", "name-place", "box", "box", "body"))
        byline = rng.choices((visible, "jsonld", "meta"), (0.7, 0.18, 0.12))[0]
    else:
        byline = ctx.pick(("none", "none", "meta-site"))
    ctx.markup["byline"] = byline
    authors = [] if byline in ("none", "meta-site") else names
    signals = {name for name, p in (("jsonld", 0.45), ("meta", 0.4), ("time", 0.45)) if ctx.chance(p)}

    # The article: headline, meta line, body, what follows the body.
    headline_tag = rng.choices(("h1", "h2", "div"), (0.8, 0.15, 0.05))[0]
    ctx.markup["headline"] = headline_tag
    headline_cls = ctx.cls(V.HEADLINE, utility=0.1) if ctx.chance(0.85) else None
    headline_prop = "headline" if ctx.markup["microdata"] else None
    headline_attrs = _attr(cls=headline_cls, itemprop=headline_prop)
    headline = f"<{headline_tag}{headline_attrs}>{escape(story.headline)}</{headline_tag}>"
    comments_html, comments = _comments(ctx)
    meta_items = [_date(ctx, signals)]
    byline_html = _byline(ctx, byline, names, female, place) \
        if byline in ("bakalam", "kataba", "name-place", "box") else None
    byline_after_body = None
    if byline_html and ctx.chance(0.75):
        meta_items.append(byline_html)
    else:
        byline_after_body = byline_html
    byline_in_body = None
    if byline == "body":
        verb = "كتبت" if female else "كتب"
        lead = ctx.pick((f"{verb} - ", f"{verb}: ", "بقلم: "))
        byline_in_body = f"<p><strong>{escape(lead + ' و'.join(names))}</strong></p>"
    if comments and ctx.chance(0.3):
        count = ctx.fur(ctx.pick(V.COMMENT_COUNTERS).format(n=ctx.markup["comment_count"]))
        meta_items.append(f'<a href="#comments" class="{ctx.pick(V.COUNT_LINK)}">{count}</a>')
    meta = _meta(ctx, meta_items)
    crumbs_where = ctx.pick(("none", "outside", "outside", "header"))
    share_where = ctx.pick(("top", "top", "bottom", "both", "none"))
    header = _header(ctx, headline, meta, _crumbs(ctx) if crumbs_where == "header" else "",
                     _share(ctx) if share_where in ("top", "both") else "")
    title_outside = ctx.chance(0.15)
    ctx.markup["headline_outside_article"] = title_outside

    body, furniture_inside = _body(ctx, dateline, byline_in_body)
    children = [] if title_outside else [header]
    figure = _figure(ctx) if ctx.chance(0.6) else ""
    figure_where = ctx.pick(("top", "above-body", "above-body", "below-body")) if figure else None
    if figure_where == "top":
        children.insert(0, figure)
    elif figure_where == "above-body":
        children.append(figure)
    children.append(body)
    if figure_where == "below-body":
        children.append(figure)

    after = []
    if share_where in ("bottom", "both"):
        after.append(_share(ctx))
    if ctx.chance(0.5):
        after.append(_tags(ctx))
    if byline_after_body:
        after.append(byline_after_body)
    if ctx.chance(0.35):
        after.append(_app(ctx))
    if ctx.chance(0.3):
        after.append(_prev_next(ctx))
    rng.shuffle(after)
    related_where = ctx.pick(("after", "after", "before", "sidebar", "none"))
    ctx.markup["related_where"] = related_where
    related = _link_list(ctx, V.RELATED_HEADINGS) if related_where != "none" else ""
    if related_where == "after":
        after.insert(rng.randint(0, len(after)), related)
    elif related_where == "before":
        children.insert(children.index(body) if ctx.chance(0.5) else 0, related)
    children += after
    comments_where = ctx.pick(("in-article", "after-article", "after-article", "after-sidebar", "aside"))
    ctx.markup["comments_where"] = comments_where
    if comments_where == "in-article":
        children.append(comments_html)

    microdata = ' itemscope itemtype="https://schema.org/NewsArticle"' if ctx.markup["microdata"] else ""
    article_html = ctx.tag(ctx.pick(("article", "article", "div", "section", "div")), V.ARTICLE,
                           nl + nl.join(children) + nl, ("the-post", "article", "post", "story", "news"), microdata)
    ctx.markup["article"] = article_html[:article_html.index(">") + 1]

    main = []
    if crumbs_where == "outside":
        main.append(_crumbs(ctx))
    if title_outside:
        main.append(ctx.tag("div", V.TITLE_BOX, header, class_chance=1))
    main.append(article_html)
    if comments_where == "after-article":
        main.append(comments_html)

    side = []
    if ctx.chance(0.7):
        side.append(_link_list(ctx, V.MOST_READ))
    if related_where == "sidebar":
        side.append(related)
    if ctx.chance(0.3):
        side.append(_newsletter(ctx))
    if ctx.chance(0.4):
        side.append(_box(ctx))
    if comments_where == "aside":
        side.append(comments_html)
    sidebar = ctx.tag(ctx.pick(("aside", "div", "aside")), V.SIDEBAR, nl + nl.join(side) + nl) if side else ""

    # Wrappers around it all, 0 to 4 deep, the innermost sometimes a <main>; the
    # sidebar before or after the article, inside the wrappers or beside them.
    depth = rng.choices((0, 1, 2, 3, 4), (0.1, 0.3, 0.3, 0.2, 0.1))[0]
    ctx.markup["depth"] = depth
    sidebar_first = ctx.chance(0.3)
    content = nl.join(main)
    for level in range(depth):
        if level == depth - 1 and sidebar and ctx.chance(0.5):
            content = nl.join([sidebar, content] if sidebar_first else [content, sidebar])
            sidebar = ""
        tag = "main" if level == depth - 1 and ctx.chance(0.4) else "div"
        content = ctx.tag(tag, V.WRAPPER, nl + content + nl, ("main-content", "content", "wrapper", "primary", "main"))
    if sidebar:
        content = nl.join([sidebar, content] if sidebar_first else [content, sidebar])
    if comments_where == "after-sidebar":
        content += nl + comments_html

    tail = [_footer(ctx)]
    if ctx.chance(0.3):
        tail.append(_newsletter(ctx))
    if ctx.chance(0.3):
        tail.append(_app(ctx))
    rng.shuffle(tail)
    clean_first = (dateline or "") + story.paragraphs[0]
    head = _head(ctx, authors, byline, signals, clean_first)
    scripts = ctx.pick(("", '<script src="/js/main.js"></script>',
                        '<script>var _comscore = _comscore || []; _comscore.push({ c1: "2" });</script>'))
    body_cls = ctx.pick(V.BODY_CLASSES) or None
    html = (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n{head}\n</head>\n<body{_attr(cls=body_cls)}>\n'
            f"{_site_header(ctx)}\n{content}\n{nl.join(tail)}\n{scripts}\n</body>\n</html>\n")
    # The furniture a crawl must leave out: what the article's own text does not contain.
    own = [story.headline, clean_first, *story.paragraphs]
    furniture = [t for t in dict.fromkeys(ctx.furniture) if not any(t in p for p in own)]
    return Page(html=html, dateline=place, dateline_markup=dateline, authors=authors, comments=comments,
                furniture=furniture, furniture_in_body=furniture_inside, date_signals=tuple(sorted(signals)),
                markup=ctx.markup)


def amp(story: Story, page: Page) -> str:
    """The AMP copy of a seeded page: the same text, the same dateline."""
    first = (page.dateline_markup or "") + story.paragraphs[0]
    body = "".join(f"<p>{escape(p)}</p>" for p in [first, *story.paragraphs[1:]])
    return f"""<!doctype html>
<html ⚡ lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(story.headline)} | إيلاف</title>
<link rel="canonical" href="{REAL_ORIGIN}{story.path}"></head>
<body><h1>{escape(story.headline)}</h1><div class="amp-body">{body}</div></body></html>
"""
