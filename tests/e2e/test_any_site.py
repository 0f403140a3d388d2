"""Sites beyond Elaph: a second registered site, and `scrapy crawl news` on an unseen one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import pytest

from newscrawl.mirror.framework import FRAMEWORKS
from tests.conftest import Mirror, assert_each_story_once, run_crawl


def check_rows(result, mirror):
    truth = {unquote(a["path"]).rstrip("/"): a for a in mirror.articles}
    rows = result.rows()
    for row in rows:
        article = truth[unquote(row["url"].removeprefix(mirror.url)).rstrip("/")]
        assert row["language"] == "ar"
        assert row["headline"] == article["headline"]
        assert row["body"].split("\n\n") == article["paragraphs"], row["url"]
        assert row["dateline"] == article["dateline"]
        assert datetime.fromisoformat(row["published"]) == datetime.fromisoformat(article["published"])
    return rows


def normalised(rows, mirror):
    return [{"url": mirror.url + unquote(r["url"].removeprefix(mirror.url)).rstrip("/")} for r in rows]


class Unquoted(Mirror):
    """The mirror with its percent-encoded article paths decoded, as the archive's URLs
    are compared here."""

    def __init__(self, mirror):
        super().__init__(mirror.url, mirror.root)

    @property
    def articles(self):
        return [{**a, "path": unquote(a["path"]).rstrip("/"),
                 "duplicate_of": a["duplicate_of"] and unquote(a["duplicate_of"]).rstrip("/")}
                for a in super().articles]


def test_news_spider_archives_an_unseen_standard_site(standard_mirror, tmp_path):
    result = run_crawl(tmp_path, "-a", f"url={standard_mirror.url}/", spider="news")
    assert result.returncode == 0, result.stderr[-3000:]
    rows = check_rows(result, standard_mirror)
    view = Unquoted(standard_mirror)
    wanted = [a for a in view.articles if a["language"] == "ar"]
    assert_each_story_once(normalised(rows, standard_mirror), view, wanted)
    assert len(rows) == len([g for g in view.story_groups() if any(p in {a["path"] for a in wanted} for p in g)])
    assert "'newscrawl/dropped/language_fa': 2" in result.stderr
    assert (tmp_path / "archive" / "news").is_dir()
    # Pages drawn in the browser (newscrawl/mirror/framework.py): read from their data.
    drawn = {a["path"]: a["layout"] for a in view.articles if a["layout"] in FRAMEWORKS}
    held = {r["url"]: r for r in rows if unquote(r["url"].removeprefix(standard_mirror.url)).rstrip("/") in drawn}
    assert len(held) >= 10 and {r["body_source"] for r in held.values()} == {"data"}
    assert {drawn[unquote(u.removeprefix(standard_mirror.url)).rstrip("/")] for u in held} == set(FRAMEWORKS)


def test_a_second_registered_site_crawls_offline(alarabiya_mirror, tmp_path):
    result = run_crawl(tmp_path, "-a", f"base_url={alarabiya_mirror.url}", spider="alarabiya")
    assert result.returncode == 0, result.stderr[-3000:]
    rows = check_rows(result, alarabiya_mirror)
    view = Unquoted(alarabiya_mirror)
    wanted = [a for a in view.articles if a["language"] == "ar"]
    assert_each_story_once(normalised(rows, alarabiya_mirror), view, wanted)
    assert {r["section"] for r in rows} == {"arab-and-world", "politics", "aswaq", "sport", "culture",
                                            "press-review", "views"}


@pytest.mark.parametrize("args, message", [
    ((), "-a url="), (("url=example.com",), "-a url=example.com"), (("url=https://x.test/", "languages=arabic"),
                                                                    "-a languages=arabic"),
])
def test_news_spider_arguments(tmp_path, args, message):
    result = run_crawl(tmp_path, *[x for a in args for x in ("-a", a)], spider="news")
    assert result.returncode == 2 and message in result.stderr


def test_a_listed_page_is_an_article_without_declaring_one_and_others_are_listed(tmp_path):
    """A real article page (CNN Arabic, 2013, tests/realpages) that declares neither
    og:type=article nor JSON-LD, listed in the site's sitemap: archived. A page only linked
    from the home page, declaring nothing: judged not an article, and listed with its
    reason in the run summary."""
    import json as json_module

    from tests.conftest import serve

    real = Path(__file__).parents[1] / "realpages" / "cnnarabic"
    truth = json_module.loads((real / "syria-clashes-qalamoun-2013-08-03.json").read_text(encoding="utf-8"))
    site = tmp_path / "root" / "site"  # the mirror server serves ROOT/site
    article = site / "2013" / "middle_east" / "8" / "3" / "syria-clashes"
    article.parent.mkdir(parents=True)
    article.write_bytes((real / "syria-clashes-qalamoun-2013-08-03.html").read_bytes())
    (site / "sections").mkdir()
    (site / "sections" / "arab-world").write_text(
        "<html><head><title>العالم العربي</title></head><body><h1>العالم العربي</h1><p>آخر الأخبار</p></body></html>",
        encoding="utf-8")
    (site / "index.html").write_text('<html><body><a href="/sections/arab-world">العالم العربي</a></body></html>',
                                     encoding="utf-8")
    (site / "robots.txt").write_text("User-agent: *\nSitemap: /sitemap.xml\n", encoding="utf-8")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>/2013/middle_east/8/3/syria-clashes</loc><lastmod>2013-08-03</lastmod></url></urlset>",
        encoding="utf-8")
    process, url = serve(site.parent)
    try:
        work = tmp_path / "work"
        work.mkdir()
        result = run_crawl(work, "-a", f"url={url}", spider="news")
    finally:
        process.terminate()
        process.wait()
    rows = result.rows()
    assert [r["headline"] for r in rows] == [truth["headline"]]
    summary = json_module.loads(next((work / "archive" / "news").glob("*.summary.json")).read_text(encoding="utf-8"))
    assert summary["not_articles"]["count"] == 1
    (page,) = summary["not_articles"]["pages"]
    assert page["url"] == f"{url}/sections/arab-world"
    assert page["reason"].startswith("linked only")
