"""Site layout selectors: fields are looked up inside the layout's scope when the page has it."""

from parsel import Selector

from newscrawl.extract.layouts import Layout, layout_fields

LAYOUT = Layout(name="test", valid_from="2020-01", valid_until=None, detect="div.content-body",
                headline="h1.article-title", body="div.content-body > p", tags=".article-tags a",
                scope="article.article")

TEASER = ('<aside><h1 class="article-title">عنوان قصة أخرى</h1>'
          '<div class="article-tags"><a>وسم آخر</a></div></aside>')
ARTICLE = ('<article class="article"><h1 class="article-title">عنوان الخبر</h1>'
           '<div class="content-body"><p>الفقرة الأولى</p></div>'
           '<div class="article-tags"><a>اقتصاد</a></div></article>')


def fields(html: str) -> dict:
    return layout_fields(Selector(text=f"<html><body>{html}</body></html>", type="html").root, LAYOUT)


def test_fields_come_from_the_scope_not_from_the_furniture_before_it():
    got = fields(TEASER + ARTICLE)
    assert (got["headline"], got["body"], got["tags"]) == ("عنوان الخبر", ["الفقرة الأولى"], ["اقتصاد"])


def test_without_the_scope_element_the_whole_page_is_searched():
    got = fields(TEASER + ARTICLE.replace('class="article"', 'class="story"'))
    assert got["headline"] == "عنوان قصة أخرى"
    assert got["tags"] == ["وسم آخر", "اقتصاد"]
    assert got["body"] == ["الفقرة الأولى"]
