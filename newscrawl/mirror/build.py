"""Write the offline mirror: a static tree of pages in Elaph's URL shapes plus a manifest.

    python -m newscrawl.mirror build [--count N] [--out DIR] [--unseen-layout [--markup-seed N]]

The manifest lists every story with the truth tests check a crawl against. Each section
paginates its HTML listing in a different way, as sites do, two of them with a next link
that loops back to the first page.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from itertools import islice
from pathlib import Path

from newscrawl.mirror import markup, pages
from newscrawl.mirror.corpus import SECTIONS, SEED_FILE, SEED_ID, Story, build_corpus

DEFAULT_OUT = Path(__file__).with_name("elaph")
PER_PAGE = 10
# How each section's HTML listing links to its next page.
PAGINATION = {"News": "link-rel", "Politics": "text:التالي", "Economics": "numbers",
              "Sports": "text-loop:المزيد", "Oyoon": "a-rel", "NewsPapers": "text:الصفحة التالية",
              "Opinion": "rel-loop"}


def _chunks(items: list, size: int) -> list[list]:
    it = iter(items)
    return list(iter(lambda: list(islice(it, size)), []))


def _page_href(section: str, number: int) -> str:
    return f"/Web/{section}/" if number == 1 else f"/Web/{section}/?page={number}"


def _page_file(site: Path, section: str, number: int) -> Path:
    return site / "Web" / section / ("index.html" if number == 1 else f"index-{number}.html")


def _link_variant(story: Story, position: int) -> str:
    """Listings link the same story in the shapes the real site uses."""
    kind = position % 5
    if kind == 1:
        return f"{story.path}?utm_source=elaph&utm_medium=listing"
    if kind == 3:
        return pages.REAL_ORIGIN + story.path
    if kind == 4 and story.layout == "current":
        return story.amp_path
    return story.path


def _pager(style: str, section: str, number: int, last: int) -> tuple[str, str]:
    """(head markup, pager markup) for one listing page."""
    kind, _, text = style.partition(":")
    has_next = number < last
    nxt = _page_href(section, number + 1)
    if kind == "link-rel":
        return (f'<link rel="next" href="{nxt}">' if has_next else ""), ""
    if kind == "a-rel":
        return "", (f'<a rel="next" href="{nxt}">›</a>' if has_next else "")
    if kind == "numbers":
        return "", " ".join(f'<a href="{_page_href(section, n)}">{n}</a>' for n in range(1, last + 1))
    if kind == "text":
        return "", (f'<a href="{nxt}">{text}</a>' if has_next else "")
    if kind == "text-loop":
        target = nxt if has_next else _page_href(section, 1)
        return "", f'<a href="{target}">{text}</a>'
    if kind == "rel-loop":
        target = nxt if has_next else f"/Web/{section}/?page=1"
        return f'<link rel="next" href="{target}">', ""
    raise ValueError(style)


def build(out: Path = DEFAULT_OUT, count: int = 120, unseen_layout: bool = False,
          published_until: datetime | None = None, markup_seed: int | None = None) -> list[Story]:
    """Write the stories under out/site and their truth to out/manifest.json.
    ``count`` sizes the corpus; ``unseen_layout`` renders every article in a markup no
    site module knows; ``published_until`` leaves out what the site publishes later, so
    a rebuild without it is the same site after new stories appeared.

    ``markup_seed`` (unseen layout only) gives each article page its own structure,
    drawn from the seed and the story id (markup.py): furniture, reader comments,
    bylines and datelines in names, nesting and order that vary with the seed. The
    manifest then records the truth of each page: its dateline, authors, comments and
    furniture texts. Without it the unseen layout is one fixed markup."""
    if markup_seed is not None and not unseen_layout:
        raise ValueError("markup_seed varies the unseen layout: pass unseen_layout=True")
    stories = build_corpus(count)
    if published_until:
        stories = [s for s in stories if s.published <= published_until]
    site = out / "site"
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    newest_first = sorted(stories, key=lambda s: s.published, reverse=True)
    seed_most_read = _seed_most_read()
    seeded: dict[str, markup.Page] = {}

    for index, story in enumerate(stories):
        target = site / story.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        others = [(s.path, s.headline) for s in stories[index + 1:index + 17] or stories[:16]]
        if unseen_layout and markup_seed is not None:
            seeded[story.path] = markup.article(story, markup_seed, stories)
            target.write_text(seeded[story.path].html, encoding="utf-8")
        elif unseen_layout:
            target.write_text(pages.article_unseen(story), encoding="utf-8")
        elif story.layout == "2018":
            most_read = seed_most_read if story.id == SEED_ID else others
            target.write_text(pages.article_2018(story, most_read), encoding="utf-8")
        else:
            target.write_text(pages.article_current(story, others[:6]), encoding="utf-8")
        if story.layout == "current":
            amp = site / story.amp_path.lstrip("/")
            amp.parent.mkdir(parents=True, exist_ok=True)
            page = seeded.get(story.path)
            amp.write_text(markup.amp(story, page) if page else pages.article_amp(story), encoding="utf-8")

    home_links = [(_link_variant(s, i), s.headline) for i, s in enumerate(newest_first[:15])]
    (site / "index.html").write_text(pages.listing("إيلاف", home_links), encoding="utf-8")

    for section in SECTIONS:
        in_section = [s for s in newest_first if s.section == section]
        chunks = _chunks(in_section, PER_PAGE)
        for number, chunk in enumerate(chunks, start=1):
            head, pager = _pager(PAGINATION[section], section, number, len(chunks))
            links = [(_link_variant(s, i), s.headline) for i, s in enumerate(chunk)]
            path = _page_file(site, section, number)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(pages.listing(pages.SECTION_NAMES[section], links, head, pager), encoding="utf-8")

        api_dir = site / "api/v2/web/com/marticles/index" / section.lower()
        api_dir.mkdir(parents=True, exist_ok=True)
        api_chunks = _chunks([s for s in in_section if s.in_api], PER_PAGE)
        for number, chunk in enumerate([*api_chunks, []], start=1):
            (api_dir / f"{number}.json").write_text(pages.api_page(chunk), encoding="utf-8")

    (site / "robots.txt").write_text("User-agent: *\nDisallow: /search\nDisallow: /private/\n", encoding="utf-8")
    _write_manifest(out / "manifest.json", stories, {path: page.truth() for path, page in seeded.items()})
    return stories


def _seed_most_read() -> list[tuple[str, str]]:
    """The 16 numbered headlines under the real seed page, as its most-read list."""
    lines = [ln.strip() for ln in SEED_FILE.read_text(encoding="utf-8").splitlines()]
    numbered = [ln.split(".", 1)[1].strip() for ln in lines if re.match(r"\d+\.\s", ln)]
    return [("/Web/News/", title) for title in numbered]


def repeat_links(story: Story, path_of: dict[str, str]) -> dict:
    """The manifest's truth about repeats: the paths of the story this one duplicates or
    follows up. ``path_of`` maps the headline of every original story to its path."""
    return {"duplicate_of": path_of[story.duplicate_of] if story.duplicate_of else None,
            "followup_of": path_of[story.followup_of] if story.followup_of else None}


def _write_manifest(path: Path, stories: list[Story], pages_truth: dict[str, dict] | None = None) -> None:
    """``pages_truth`` (seeded unseen builds) sets, per path, what that page shows:
    its dateline and authors, and adds its comments, furniture and markup choices."""
    path_of = {s.headline: s.path for s in stories if not s.duplicate_of}
    rows = [{
        "path": s.path, "amp_path": s.amp_path if s.layout == "current" else None, "id": s.id,
        "section": s.section, "layout": s.layout, "headline": s.headline, "dateline": s.dateline,
        "paragraphs": s.paragraphs, "summary": s.summary, "authors": s.authors, "tags": s.tags,
        "published": s.published.isoformat(), "date_signals": list(s.date_signals), "in_api": s.in_api,
        "noise": s.noise, "furniture_in_body": s.furniture_in_body, **repeat_links(s, path_of),
    } for s in stories]
    for row in rows:
        row.update((pages_truth or {}).get(row["path"], {}))
    path.write_text(json.dumps({"articles": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
