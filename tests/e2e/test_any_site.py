"""Sites beyond Elaph: a second registered site, and `scrapy crawl news` on an unseen one."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import unquote

import pytest

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
