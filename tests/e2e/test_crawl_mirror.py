"""`scrapy crawl elaph` over the offline mirror, through a real subprocess and HTTP server."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import pytest

from newscrawl.items import EXPORT_FIELDS
from tests.conftest import assert_each_story_once, run_crawl


@pytest.fixture
def crawl(mirror_crawl):
    return mirror_crawl


def by_path(rows, origin):
    return {row["url"].removeprefix(origin): row for row in rows}


def test_every_mirror_story_exactly_once(crawl, mirror):
    rows = crawl.rows()
    assert_each_story_once(rows, mirror)
    assert len(rows) == len(mirror.story_groups())
    assert not [r["url"] for r in rows if "/amp/" in r["url"] or "?" in r["url"] or "#" in r["url"]]


def test_headline_and_published_text_match_the_mirror(crawl, mirror):
    truth = mirror.by_path()
    for path, row in by_path(crawl.rows(), mirror.url).items():
        article = truth[path]
        assert row["headline"] == article["headline"].removesuffix(" | إيلاف")
        assert row["section"] == article["section"]
        assert row["body"].split("\n\n") == article["paragraphs"], article["path"]
        assert row["dateline"] == article["dateline"]
        assert row["word_count"] == len(row["body"].split())
        assert row["site"] == "elaph" and row["language"] == "ar" and row["crawled_at"]


FURNITURE = ("عدد التعليقات", "جميع التعليقات المنشورة", "شروط النشر", "لم يتم العثور", "اقرأ أيضاً",
             "تابعونا على", "جميع الحقوق محفوظة", "آخر تحديث", "في أخبار", "الأكثر قراءة", "شارك")
NOISE = re.compile("(?<=[\u0621-\u064a])\u0640|[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00a0"
                   "\ufb50-\ufdff\ufe70-\ufefe]|&nbsp;|&quot;|  ")


def assert_clean(rows):
    for row in rows:
        for name in ("headline", "summary", "body", "dateline"):
            text = row[name] or ""
            assert not NOISE.search(text), (row["url"], name, NOISE.search(text))
            assert not [f for f in FURNITURE if f in text], (row["url"], name)


def test_no_row_holds_noise_or_furniture(crawl):
    assert_clean(crawl.rows())


def test_dates_come_from_the_page_then_the_api_then_the_url(crawl, mirror):
    truth = mirror.by_path()
    for path, row in by_path(crawl.rows(), mirror.url).items():
        article = truth[path]
        published = datetime.fromisoformat(article["published"])
        if article["date_signals"] or article["in_api"]:
            assert row["published_precision"] == "datetime", article["path"]
            assert datetime.fromisoformat(row["published"]) == published.replace(second=0), article["path"]
        else:
            # Page prints no date and the API does not list it: month from the URL, no day.
            assert (row["published"], row["published_precision"]) == (published.strftime("%Y-%m"), "month")


def test_current_layout_fields(crawl, mirror):
    truth = mirror.by_path()
    for path, row in by_path(crawl.rows(), mirror.url).items():
        article = truth[path]
        if article["layout"] != "current":
            continue
        assert row["authors"] == article["authors"]
        assert row["tags"] == article["tags"]
        assert row["summary"] == article["summary"]
        assert row["image_url"].startswith("https://s1.elaph.com/resources/images/")
        assert row["body_source"] == "site"


def test_csv_opens_in_excel_and_round_trips(crawl):
    raw = crawl.export(".csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV needs a BOM for Excel to read UTF-8"
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header == EXPORT_FIELDS
    csv_rows = {r["url"]: r for r in crawl.csv_rows()}
    for row in crawl.rows():
        assert csv_rows[row["url"]]["body"] == row["body"]
        assert csv_rows[row["url"]]["authors"] == "; ".join(row["authors"])


def test_json_lines_keep_arabic_unescaped(crawl):
    text = crawl.export(".jsonl").read_text(encoding="utf-8")
    assert "\\u06" not in text
    assert "62 قتيلاً من قوات النظام" in text


def test_unseen_layout_still_gives_headline_body_and_date(unseen_mirror, tmp_path):
    result = run_crawl(tmp_path, "-a", f"base_url={unseen_mirror.url}", "-a", "sections=News,Sports")
    assert result.returncode == 0, result.stderr[-3000:]
    rows = by_path(result.rows(), unseen_mirror.url)
    expected = [a for a in unseen_mirror.articles if a["section"] in ("News", "Sports")]
    assert_each_story_once(result.rows(), unseen_mirror, expected)
    truth = unseen_mirror.by_path()
    for path, row in rows.items():
        article = truth[path]
        assert row["headline"] == article["headline"]
        assert row["body"].split("\n\n") == article["paragraphs"]
        assert row["dateline"] == article["dateline"]
        assert datetime.fromisoformat(row["published"]) == datetime.fromisoformat(article["published"])
        assert row["body_source"] == "generic"
    assert_clean(result.rows())


def test_since_until_and_sections_bound_the_crawl(mirror, tmp_path):
    result = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Economics,Oyoon",
                       "-a", "since=2021-01-01", "-a", "until=2024-12-31")
    assert result.returncode == 0, result.stderr[-3000:]
    expected = [a for a in mirror.articles if a["section"] in ("Economics", "Oyoon")
                and "2021-01-01" <= a["published"][:10] <= "2024-12-31"]
    assert expected
    assert_each_story_once(result.rows(), mirror, expected)


def test_max_pages_limits_listing_pages(mirror, tmp_path):
    result = run_crawl(tmp_path, "-a", f"base_url={mirror.url}", "-a", "sections=Politics", "-a", "max_pages=1")
    assert result.returncode == 0, result.stderr[-3000:]
    # One API page and one HTML listing page of Politics, ten stories each, newest first.
    politics = sorted((a for a in mirror.articles if a["section"] == "Politics"),
                      key=lambda a: a["published"], reverse=True)
    newest_api = [a for a in politics if a["in_api"]][:10]
    newest_html = politics[:10]
    fetched = {a["path"]: a for a in newest_api + newest_html}
    assert_each_story_once(result.rows(), mirror, list(fetched.values()))
    assert len(result.rows()) >= len(fetched) - 1  # one of the ten is a re-post of another




def test_formula_cells_open_as_text_and_round_trip_through_pandas(crawl):
    import pandas

    hostile = '=HYPERLINK("https://evil.example/","اضغط هنا") عرض خاص'
    json_row = next(r for r in crawl.rows() if r["headline"] == hostile)
    assert json_row["summary"].startswith("@")
    csv_row = next(r for r in crawl.csv_rows() if r["url"] == json_row["url"])
    assert csv_row["headline"] == "'" + hostile
    assert csv_row["summary"] == "'" + json_row["summary"]
    assert csv_row["body"] == json_row["body"]  # the body starts with text; its «+966» paragraph is inside
    frame = pandas.read_csv(crawl.export(".csv"), encoding="utf-8-sig", keep_default_na=False)
    assert len(frame) == len(crawl.rows())
    by_url = {r["url"]: r for r in crawl.rows()}
    for record in frame.to_dict("records"):
        assert record["body"] == by_url[record["url"]]["body"]
