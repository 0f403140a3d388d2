"""Site layout selectors: fields are looked up inside the layout's scope when the page has it."""

from parsel import Selector

from newscrawl.extract.comments import remove_comments
from newscrawl.extract.layouts import Layout, after_removal, body_container, layout_fields, match
from newscrawl.extract.queries import parse_html

LAYOUT = Layout(name="test", valid_from="2020-01", valid_until=None, detect="div.content-body",
                headline="h1.article-title", body="div.content-body > p", tags=".article-tags a",
                scope="article.article")

TEASER = ('<aside><h1 class="article-title">عنوان قصة أخرى</h1>'
          '<div class="article-tags"><a>وسم آخر</a></div></aside>')
ARTICLE = ('<article class="article"><h1 class="article-title">عنوان الخبر</h1>'
           '<div class="content-body"><p>الفقرة الأولى</p></div>'
           '<div class="article-tags"><a>اقتصاد</a></div></article>')


def fields(html: str) -> dict:
    return layout_fields(match(Selector(text=f"<html><body>{html}</body></html>", type="html").root, LAYOUT))


def test_fields_come_from_the_scope_not_from_the_furniture_before_it():
    got = fields(TEASER + ARTICLE)
    assert (got["headline"], got["body"], got["tags"]) == ("عنوان الخبر", ["الفقرة الأولى"], ["اقتصاد"])


def test_without_the_scope_element_the_whole_page_is_searched():
    got = fields(TEASER + ARTICLE.replace('class="article"', 'class="story"'))
    assert got["headline"] == "عنوان قصة أخرى"
    assert got["tags"] == ["وسم آخر", "اقتصاد"]
    assert got["body"] == ["الفقرة الأولى"]


def test_the_body_container_holds_every_body_match():
    root = parse_html(f"<html><body>{TEASER}{ARTICLE.replace('</p>', '</p><p>الفقرة الثانية</p>')}</body></html>")
    assert body_container(match(root, LAYOUT)).get("class") == "content-body"
    one = Layout(name="one", valid_from="2001-05", valid_until=None, detect="#ArticleBody", headline="h1",
                 body="#ArticleBody")
    root = parse_html("<html><body><div id='ArticleBody'>سطر<br>سطر آخر</div></body></html>")
    assert body_container(match(root, one)).get("id") == "ArticleBody"
    assert body_container(match(parse_html("<html><body><p>نص</p></body></html>"), LAYOUT)) is None


def test_comments_below_a_layout_body_go_and_a_longer_comment_stays_out_of_the_body():
    """With the layout naming the article's element, a thread longer than the article
    (the longest text on the page) is still the thread."""
    comments = "<ol class='commentlist'>" + "".join(
        f"<li class='comment'><cite>قارئ {n}</cite><p>{'تعليق طويل على الخبر ' * 8}{n}</p></li>"
        for n in range(8)) + "</ol>"
    root = parse_html(f"<html><body>{ARTICLE}{comments}</body></html>")
    assert remove_comments(root, body_container(match(root, LAYOUT))) == 1
    assert root.xpath("string(//body)").count("تعليق طويل") == 0
    assert layout_fields(match(root, LAYOUT))["body"] == ["الفقرة الأولى"]


def test_matches_after_removal_are_looked_up_again_only_when_they_can_have_changed():
    def page():
        root = parse_html(f"<html><body>{TEASER}{ARTICLE.replace('</p>', '</p><p>الفقرة الثانية</p>')}"
                          "<div id='comments'>تعليق</div></body></html>")
        return root, match(root, LAYOUT)

    root, matched = page()  # what goes is outside the scope: nothing to look up again
    root.find(".//div[@id='comments']").getparent().remove(root.find(".//div[@id='comments']"))
    assert after_removal(root, matched) is matched
    root, matched = page()  # a body match goes: the matches are those left
    second = matched.body[1]
    second.getparent().remove(second)
    assert layout_fields(after_removal(root, matched))["body"] == ["الفقرة الأولى"]
    root, matched = page()  # the scope goes: the whole page is searched
    scope = root.find(".//article")
    scope.getparent().replace(scope, scope.find("div"))
    assert after_removal(root, matched).scope is root
    sibling = Layout(name="s", valid_from="2020-01", valid_until=None, detect="h1", headline="h1",
                     body="h1 + div > p", scope="article.article")
    root = parse_html("<html><body><article class='article'><h1>عنوان</h1><div class='ad'>إعلان</div>"
                      "<div><p>النص</p></div></article></body></html>")
    matched = match(root, sibling)
    assert matched.body == []
    ad = root.find(".//div[@class='ad']")
    ad.getparent().remove(ad)  # the text's div now follows the headline: a sibling combinator matches anew
    assert layout_fields(after_removal(root, matched))["body"] == ["النص"]
