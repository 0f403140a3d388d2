"""Reader comments found by structure (newscrawl.extract.comments), in varied markup."""

import pytest

from newscrawl.extract.comments import remove_comments
from newscrawl.extract.queries import parse_html

ARTICLE = ("<div class='story'>" + "".join(
    f"<p>الفقرة {n} من نص الخبر تروي ما جرى في المدينة أمس بالتفصيل وتنقل أقوال الشهود والمسؤولين.</p>"
    for n in range(6)) + "</div>")


def thread(item: str, count: int = 4) -> str:
    return "".join(item.format(n=n) for n in range(count))


CASES = {
    "a WordPress-style list": "<ol class='commentlist'>" + thread(
        "<li class='comment'><cite>قارئ {n}</cite><p>تعليق قصير رقم {n} على الخبر</p></li>") + "</ol>",
    "a thread with no comment words in its markup": "<div id='x9k'>" + thread(
        "<div class='r'><b>أحمد {n}</b><span>منذ ساعتين</span><p>رأيي أن هذا الخبر مهم جدا {n}</p></div>") + "</div>",
    "schema.org comments": thread(
        "<div itemscope itemtype='https://schema.org/Comment'><span itemprop='author'>Jan {n}</span>"
        "<p itemprop='text'>Das ist ein kurzer Kommentar {n}.</p></div>"),
    "a form to post one": "<section><h3>أضف تعليقك</h3><form action='/post'><input name='name'>"
                          "<textarea name='body'></textarea><button>إرسال</button></form></section>",
    "Disqus": "<div id='disqus_thread'><p>Please enable JavaScript to view the comments.</p></div>",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_comment_threads_after_the_article_are_removed(name):
    root = parse_html(f"<html><body><h1>عنوان</h1>{ARTICLE}{CASES[name]}</body></html>")
    assert remove_comments(root) >= 1
    text = root.xpath("string(//body)")
    assert "الفقرة 5" in text
    assert not any(word in text for word in ("تعليق قصير", "رأيي أن", "Kommentar", "textarea", "JavaScript"))
    assert not root.xpath("//textarea")


KEPT = {
    # A list that is part of the article: inside its text, whatever its shape.
    "a list inside the article": ARTICLE.replace("</div>", "<ul>" + thread(
        "<li><b>الوزير {n}</b><span>قال:</span> نعمل على الملف</li>") + "</ul></div>"),
    # Other stories' headlines after the article: one line each, no writer above a text.
    "a related-stories list": ARTICLE + "<ul class='related'>" + thread(
        "<li><a href='/n/{n}'>خبر آخر رقم {n} عن موضوع قريب</a></li>") + "</ul>",
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_what_is_not_a_comment_thread_stays(name):
    root = parse_html(f"<html><body><h1>عنوان</h1>{KEPT[name]}</body></html>")
    before = root.xpath("string(//body)")
    assert remove_comments(root) == 0
    assert root.xpath("string(//body)") == before


def test_an_article_printed_in_divs_is_told_from_the_comments_in_paragraphs_below_it():
    """The article's paragraphs are <div>s, each comment's text a <p>: the article is
    still the page's longest text, and the thread below it goes."""
    article = "<section class='text'>" + "".join(
        f"<div>الفقرة {n} من نص الخبر تروي ما جرى في المدينة أمس بالتفصيل وتنقل أقوال الشهود والمسؤولين.</div>"
        for n in range(6)) + "</section>"
    comments = "<ul class='responses'>" + thread(
        "<li class='c'><div class='head'><span class='name'>قارئ {n}</span></div>"
        "<div class='msg'><p>تعليق قصير رقم {n} على الخبر</p></div></li>") + "</ul>"
    root = parse_html(f"<html><body><h1>عنوان</h1>{article}{comments}</body></html>")
    assert remove_comments(root) >= 1
    text = root.xpath("string(//body)")
    assert "الفقرة 5" in text and "تعليق قصير" not in text


def test_a_long_thread_of_named_comments_inside_named_comments_goes_whole():
    """Each comment and each of its parts names itself a comment: the thread is removed
    as one block, whatever the number of comments found inside it."""
    replies = "".join(f"<li class='comment reply'><div class='comment-author'>ردّ {n}</div>"
                      f"<div class='comment-content'><p>ردّ قصير {n}</p></div></li>" for n in range(3))
    comments = "".join(f"<li class='comment'><div class='comment-author'>قارئ {n}</div>"
                       f"<div class='comment-content'><p>تعليق قصير رقم {n}</p></div>"
                       f"<ol class='children'>{replies}</ol></li>" for n in range(150))
    page = f"<html><body><h1>عنوان</h1>{ARTICLE}<div id='comments'><h3>150 تعليقاً</h3>" \
           f"<ol class='comment-list'>{comments}</ol></div><footer>حقوق النشر</footer></body></html>"
    root = parse_html(page)
    assert remove_comments(root) == 1
    text = root.xpath("string(//body)")
    assert "الفقرة 5" in text and "حقوق النشر" in text
    assert "تعليق" not in text and "ردّ" not in text
