import pytest
from scrapy.http import HtmlResponse

from newscrawl.fetch.charset import detect_arabic_encoding, true_encoding, utf8_page

TEXT = ("<html><body><h1>قتل 62 عنصراً من قوات النظام</h1><p>وقال مدير "
        "المرصد «ارتفع عدد القتلى» إلى 62، غالبيتهم.</p></body></html>")


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1256", "iso-8859-6"])
def test_undeclared_arabic_pages_are_detected(encoding):
    body = TEXT.encode(encoding, errors="xmlcharrefreplace")
    assert detect_arabic_encoding(body) == encoding
    assert true_encoding("text/html", body) == encoding


def test_a_header_that_lies_is_overruled():
    body = TEXT.encode("windows-1256")
    assert true_encoding("text/html; charset=utf-8", body) == "windows-1256"


@pytest.mark.parametrize("content_type, body", [
    ("text/html; charset=windows-1256", TEXT.encode("windows-1256")),
    ("text/html", TEXT.replace("<html>", '<html><meta charset="windows-1256">').encode("windows-1256")),
    ("text/html; charset=utf-8", TEXT.encode("utf-8")),
    ("text/html", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
])
def test_a_true_declaration_is_kept(content_type, body):
    assert true_encoding(content_type, body) is None


def test_markup_does_not_outvote_the_text():
    page = ("<html><head><title>x</title><script>var analytics = 'tracking code';</script></head>"
            "<body class=\"article-page layout-current\"><div class=\"content-body\">" + TEXT + "</div></body></html>")
    assert true_encoding("text/html; charset=utf-8", page.encode("windows-1256")) == "windows-1256"


def test_latin_pages_are_not_taken_for_arabic():
    assert detect_arabic_encoding("Café résumé naïve".encode("latin-1")) is None


UTF8 = TEXT.encode("utf-8")


@pytest.mark.parametrize("content_type, body, taken", [
    ("text/html; charset=utf-8", UTF8, UTF8),
    ("text/html; charset=UTF8", b" \r\n\t" + UTF8 + b"\n\n", UTF8),
    ("text/html", b"\xef\xbb\xbf" + UTF8, None),  # a byte-order mark: the text has none
    ("text/html; charset=utf-8", b"\xc2\xa0" + UTF8, None),  # a no-break space: str.strip cuts it
    ("text/html; charset=utf-8", UTF8 + b"\x1c", None),  # str.strip cuts this control too
    ("text/html; charset=utf-8", UTF8.replace(b"62", b"\xff"), None),  # not UTF-8: replaced
    ("text/html; charset=utf-8", UTF8 + "\ufffd".encode(), None),  # a U+FFFD of its own: not told apart
    ("text/html; charset=windows-1256", TEXT.encode("windows-1256"), None),
    ("text/plain; charset=utf-8", b'{"title": "x"}', None),
])
def test_a_utf8_body_is_the_page_extraction_takes(content_type, body, taken):
    response = HtmlResponse("https://example.com/a", headers={"Content-Type": content_type}, body=body)
    page = utf8_page(response.text, response.body, response.encoding)
    assert page == taken
    if page is not None:
        assert page == response.text.strip().encode("utf-8")
