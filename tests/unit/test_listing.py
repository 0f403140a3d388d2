import pytest
from parsel import Selector

from newscrawl.fetch.listing import next_page_url

URL = "https://site.test/Web/News/"


@pytest.mark.parametrize("html, expected", [
    ('<head><link rel="next" href="/Web/News/?page=2"></head>', "https://site.test/Web/News/?page=2"),
    ('<a rel="nofollow next" href="p2.html">›</a>', "https://site.test/Web/News/p2.html"),
    ('<a href="/x">السابق</a><a href="/Web/News/2.html">التالي</a>', "https://site.test/Web/News/2.html"),
    ('<a href="/Web/News/more"> « المزيد </a>', "https://site.test/Web/News/more"),
    ('<a href="?page=1">1</a><a href="?page=2">2</a><a href="?page=3">3</a>', "https://site.test/Web/News/?page=2"),
    ('<a href="/Web/News/2020/1/1.html">خبر</a>', None),
    ('<a href="/Web/Sports/?page=2">2</a>', None),
])
def test_next_page(html, expected):
    assert next_page_url(Selector(text=html), URL, ("المزيد",)) == expected


def test_page_numbers_continue_from_current_page():
    html = '<a href="?page=1">1</a><a href="?page=2">2</a><a href="?page=3">3</a>'
    assert next_page_url(Selector(text=html), URL + "?page=2") == URL + "?page=3"
    assert next_page_url(Selector(text=html), URL + "?page=3") is None
