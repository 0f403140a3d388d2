"""Golden files: saved article pages in, the extraction (before cleaning) out.

Every registered site must have at least one fixture under tests/golden/<site>/:
<name>.html (the page as saved), <name>.json (the expected extraction, checked by hand
against the page) and SOURCES.md (where and when each page was saved).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from newscrawl.extract.chain import extract_article
from newscrawl.sites import SITES
from newscrawl.text.dates import to_iso

HERE = Path(__file__).parent
NOW = datetime(2026, 11, 28, 12, 0)
CASES = [(name, page) for name in sorted(SITES) for page in sorted((HERE / name).glob("*.html"))]


def as_golden(extraction) -> dict:
    values = dict(extraction.values)
    for key in ("published", "updated"):
        if key in values:
            values[key] = {"iso": to_iso(values[key]), "precision": values[key].precision}
    return {"layout": extraction.layout, "values": values, "sources": extraction.sources}


@pytest.mark.parametrize("site_name", sorted(SITES))
def test_every_site_has_fixtures(site_name):
    pages = list((HERE / site_name).glob("*.html"))
    assert pages, f"site {site_name} has no golden page under tests/golden/{site_name}/"
    assert (HERE / site_name / "SOURCES.md").exists()
    for page in pages:
        assert page.with_suffix(".json").exists(), f"{page.name} has no expected .json"


@pytest.mark.parametrize("site_name, page", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
def test_extraction_matches_golden(site_name, page):
    site = SITES[site_name]
    got = as_golden(extract_article(page.read_text(encoding="utf-8"), site.layouts, site.site_names, now=NOW))
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert got == expected


def test_seed_page_gives_the_real_headline_and_eleven_paragraphs():
    """Checked against the real page's text dump, not against anything the code wrote."""
    seed = (HERE.parents[1] / "newscrawl/mirror/seed_2018.txt").read_text(encoding="utf-8")
    blocks = [b.strip() for b in seed.split("\n\n") if b.strip()]
    site = SITES["elaph"]
    page = (HERE / "elaph/layout-2018-seed.html").read_text(encoding="utf-8")
    got = extract_article(page, site.layouts, site.site_names, now=NOW).values
    assert got["headline"] == "62 قتيلاً من قوات النظام حصيلة جديدة لهجوم داعش في جنوب دمشق" == blocks[1]
    assert got["body"] == blocks[2:13]
    assert len(got["body"]) == 11
    assert got["body"][0].startswith("بيروت: قتل 62 عنصراً")
    assert got["body"][-1].startswith("ورجحت صحيفة الوطن")
    assert "published" not in got  # the page prints no date; the URL's month is all there is


FURNITURE = ("عدد التعليقات", "جميع التعليقات المنشورة", "شروط النشر", "لم يتم العثور", "اقرأ أيضاً",
             "شارك", "الأكثر قراءة", "جميع الحقوق محفوظة", "آخر تحديث")


@pytest.mark.parametrize("site_name, page", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
def test_golden_json_is_text_of_its_page(site_name, page):
    """The expected values are checked against the saved page itself, not against the
    extractor: every expected paragraph and the headline stand in the page's text, in
    order, and no furniture is among them."""
    import html as html_module

    from newscrawl.fetch.htmltext import strip_markup

    page_text = " ".join(html_module.unescape(strip_markup(page.read_text(encoding="utf-8"))).split())
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["values"]
    assert expected["headline"] in page_text
    position = 0
    for paragraph in expected["body"]:
        found = page_text.find(paragraph, position)
        assert found >= 0, paragraph[:60]
        position = found + len(paragraph)
    assert not [f for f in FURNITURE if f in " ".join(expected["body"])]
